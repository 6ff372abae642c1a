import {importMarkdown} from '@fmrl/import'
import {emptyDraft} from '@fmrl/model'
import {parseContent, parseContentDraft} from '@fmrl/parser'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {readContentFiles} from '../../src/content-files.js'
import {repositoryRoot} from '../helpers.js'
import {cellText, propertyTimeout, runs, seed} from './arbitraries.js'

const content = await readContentFiles(repositoryRoot, 'content')
const target = parseContentDraft(content)
const options = {numRuns: runs, seed, endOnFailure: true}

// Cells as hand-kept lists write them: escaped pipes, inline code holding a pipe, HTML, links, badges, symbols.
const cell = fc.oneof(
  cellText.map((text) => text.replace(/\|/g, '\\|')),
  fc.constantFrom('`a|b`', '<b>bold</b>', '<br>', '[Code](https://github.com/x/y)', '[![badge](https://img.shields.io/x)](https://github.com/x)', '✓\\*', '$\\pi_l, v_l$', '-', '', 'N/A', 'AGILE \\[Feng et al., 2024]')
)
const header = fc.array(fc.constantFrom('Method', 'Title', 'Paper', 'Code', 'FT', 'RL Role', 'Model(s)', 'Year', 'Venue', 'Dataset', 'Stars', 'Type'), {minLength: 1, maxLength: 6})
const alignment = fc.constantFrom('-', ':-', '-:', ':-:', '---')
/** A GFM table, its rows ragged: shorter or longer than its header. */
const table = header.chain((headers) =>
  fc.tuple(fc.array(alignment, {minLength: headers.length, maxLength: headers.length}), fc.array(fc.array(cell, {minLength: 0, maxLength: headers.length + 2}), {maxLength: 5})).map(([aligns, rows]) =>
    [`| ${headers.join(' | ')} |`, `| ${aligns.join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n')
  )
)
/** A bullet list, nested up to three deep, with the entry shapes of awesome lists. */
const list = fc.array(
  fc.tuple(fc.constantFrom('[A Paper](https://arxiv.org/abs/2401.00001)', '**[ICML 2024]** [T](https://x.org/t) [[code](https://github.com/x/t)]', '**Bold Title**', 'plain words', '[Toc](#toc)', 'Env: https://github.com/e/env'), fc.array(fc.constantFrom('Authors: A, B', 'Keywords: x, y', 'ExpEnv: [MuJoCo](https://mujoco.org/)', '<img src="./x.png">', 'Method Overview: it works', '  - deeper'), {maxLength: 3})),
  {minLength: 1, maxLength: 4}
).map((items) => items.map(([head, parts]) => [`- ${head}`, ...parts.map((part) => `  - ${part}`)].join('\n')).join('\n'))
const heading = fc.tuple(fc.integer({min: 1, max: 4}), fc.constantFrom('LLM/VLM as Agent', 'Parametric', 'Papers', 'Open source RL environments', 'Table of Contents', 'License', '🚀 Highlights')).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`)
const block = fc.oneof(table, list, heading, cellText, table.map((text) => text.replace(/^/gm, '> ')), fc.constant('<table><tr><th>Method</th><th>FT</th></tr><tr><td>A</td><td rowspan="2">✓</td></tr><tr><td>B</td></tr></table>'))
const markdown = fc.array(block, {minLength: 1, maxLength: 8}).chain((blocks) => fc.constantFrom('\n', '\r\n').map((eol) => blocks.join('\n\n').replace(/\n/g, eol)))

describe('generated Markdown', {timeout: propertyTimeout}, () => {
  test('import never throws, and its accounting always adds up, every report item placed', () => {
    fc.assert(fc.property(markdown, (text) => {
      for (const into of [emptyDraft(), target]) {
        const {report} = importMarkdown(new VFile({path: 'list.md', value: text}), into)
        const sum = (counts: typeof report.input) => counts.cells + counts.entries + counts.parts
        expect(sum(report.input)).toBe(sum(report.mapped) + sum(report.reported))
        expect(report.items.filter((item) => item.unit !== 'note')).toHaveLength(sum(report.reported))
        expect(report.items.filter((item) => !(item.line >= 1 && item.column >= 1))).toEqual([])
      }
    }), options)
  })

  test('as a methods file, the parser never throws: it builds the survey or reports positioned errors', () => {
    fc.assert(fc.property(markdown, (text) => {
      const files = content.map((file) => new VFile({path: file.path, value: file.path === 'content/methods/agent.md' ? `# LLM/VLM as Agent\n\n${text}` : file.value}))
      const {survey} = parseContent(files)
      const agent = files.find((file) => file.path === 'content/methods/agent.md')!
      if (survey === undefined) expect(files.some((file) => file.messages.some((message) => message.fatal))).toBe(true)
      expect(agent.messages.filter((message) => !(message.line && message.line >= 1)).map((message) => message.reason)).toEqual([])
    }), options)
  })
})
