import {mkdir, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {run, temporaryRepository} from './helpers.js'

const agent = 'content/methods/agent.md'

/** A temporary repository whose content/methods/agent.md has `edit` applied. */
async function withAgent(edit: (text: string) => string): Promise<{root: string; original: string}> {
  const root = await temporaryRepository()
  const original = await readFile(join(root, agent), 'utf8')
  const edited = edit(original)
  expect(edited).not.toBe(original)
  await writeFile(join(root, agent), edited)
  return {root, original}
}

// Retroformer's row (line 8): `π_l, rft` is its RL Role cell, `✓` its FT cell.
const typo = (text: string) => text.replace('| π_l, rft |', '| π_l, rtf |')
const variant = (text: string) => text.replace('LongChat | ✓ |', 'LongChat | ✅ |')
// AGILE's row (line 7): its Model(s) cell emptied.
const emptyCell = (text: string) => text.replace('| Meerkat, Vicuna-1.5 |', '|  |')

describe('fmrl lint on content/ with errors', () => {
  test('reports the content errors themselves, positioned with their rule ids, once per cell, and exits 1', async () => {
    const {root} = await withAgent((text) => typo(emptyCell(text)))
    expect(await run(['lint'], root)).toEqual({
      code: 1,
      out: [
        'content/methods/agent.md:7:29: error: Unexpected empty cell in column `Model(s)`, expected one or more values, comma-separated (missing-cell)',
        'content/methods/agent.md:8:108: error: Unexpected `rtf` in column `RL Role`, expected one of `π`, `π_l`, `π_g`, `v`, `v_l`, `v_g`, `τ_π`, `rft`, `o`; did you mean `rft` (reinforced fine-tuning)? (no-unknown-symbol)',
        '2 errors, 0 warnings'
      ].join('\n'),
      err: ''
    })
  })

  test('json lists them too (not an empty array), with the docs of each rule id', async () => {
    const {root} = await withAgent(emptyCell)
    const result = await run(['lint', '--format', 'json'], root)
    expect(result.code).toBe(1)
    expect(JSON.parse(result.out)).toEqual([
      {
        file: agent,
        line: 7,
        column: 29,
        endLine: 7,
        endColumn: 32,
        severity: 'error',
        ruleId: 'missing-cell',
        message: 'Unexpected empty cell in column `Model(s)`, expected one or more values, comma-separated',
        url: 'packages/parser/README.md#messages'
      }
    ])
  })

  test('a content file named on the command line gets its content errors too', async () => {
    const {root} = await withAgent(typo)
    const result = await run(['lint', agent], root)
    expect([result.code, result.out.split('\n').at(-1)]).toEqual([1, '1 error, 0 warnings'])
  })

  test('content errors in a file lint was not asked about: a note says the survey checks were skipped', async () => {
    const {root} = await withAgent(typo)
    await writeFile(join(root, 'list.md'), '# List\n')
    expect(await run(['lint', 'list.md'], root)).toEqual({code: 0, out: '', err: 'fmrl: content/ has errors, so the checks against the survey were skipped: run `fmrl lint content` to see them'})
  })

  test('--fix applies the same fixes to content files as to any list (vocabularies from the draft), then reports what is left', async () => {
    const {root, original} = await withAgent((text) => typo(variant(text)))
    expect(await run(['lint', '--fix'], root)).toEqual({
      code: 1,
      out: [
        'content/methods/agent.md:8:108: error: Unexpected `rtf` in column `RL Role`, expected one of `π`, `π_l`, `π_g`, `v`, `v_l`, `v_g`, `τ_π`, `rft`, `o`; did you mean `rft` (reinforced fine-tuning)? (no-unknown-symbol)',
        '1 error, 0 warnings'
      ].join('\n'),
      err: 'content/methods/agent.md: 1 fix applied'
    })
    expect(await readFile(join(root, agent), 'utf8')).toBe(typo(original))
  })

  test('a fixed variant leaves content/ valid: the next lint and build pass', async () => {
    const {root, original} = await withAgent(variant)
    expect((await run(['lint', '--fix'], root)).code).toBe(0)
    expect(await readFile(join(root, agent), 'utf8')).toBe(original)
    expect((await run(['build'], root)).code).toBe(0)
  })
})

describe('strict UTF-8', () => {
  const invalid = Buffer.concat([Buffer.from('# List\n\n- [Paper](http://github.com/x/y) caf'), Buffer.from([0xe9]), Buffer.from('\n')])

  test('a list that is not UTF-8: file:line:column, exit 1', async () => {
    const root = await temporaryRepository()
    await writeFile(join(root, 'list.md'), invalid)
    expect(await run(['lint', 'list.md'], root)).toEqual({
      code: 1,
      out: 'list.md:3:37: error: Unexpected byte 0xE9 that is not UTF-8, expected UTF-8 text: re-save the file as UTF-8 (invalid-utf8)\n1 error, 0 warnings',
      err: ''
    })
  })

  test('a content file that is not UTF-8 is reported where the byte is', async () => {
    const root = await temporaryRepository()
    const text = await readFile(join(root, agent))
    const at = text.indexOf('Meerkat')
    await writeFile(join(root, agent), Buffer.concat([text.subarray(0, at), Buffer.from([0xff]), text.subarray(at)]))
    const result = await run(['lint', agent], root)
    expect([result.code, result.out]).toEqual([1, 'content/methods/agent.md:7:31: error: Unexpected byte 0xFF that is not UTF-8, expected UTF-8 text: re-save the file as UTF-8 (invalid-utf8)\n1 error, 0 warnings'])
  })

  test('--fix writes nothing when any file is not UTF-8, not even the fixes of the others', async () => {
    const root = await temporaryRepository()
    await mkdir(join(root, 'lists'))
    await writeFile(join(root, 'lists/bad.md'), invalid)
    await writeFile(join(root, 'lists/good.md'), '# List\n\n- [Paper](http://github.com/x/y)\n')
    const result = await run(['lint', '--fix', 'lists'], root)
    expect(result).toEqual({
      code: 1,
      out: [
        'lists/bad.md:3:37: error: Unexpected byte 0xE9 that is not UTF-8, expected UTF-8 text: re-save the file as UTF-8 (invalid-utf8)',
        'lists/good.md:3:11: warning: Unexpected `http:` URL `http://github.com/x/y`, expected `https://github.com/x/y` (github.com serves https) (prefer-https)',
        '1 error, 1 warning'
      ].join('\n'),
      err: 'fmrl: nothing was fixed: a file is not UTF-8 (see below)'
    })
    expect(await readFile(join(root, 'lists/bad.md'))).toEqual(invalid)
    expect(await readFile(join(root, 'lists/good.md'), 'utf8')).toBe('# List\n\n- [Paper](http://github.com/x/y)\n')
  })
})

describe('LF, CRLF and a byte-order mark', () => {
  // Findings of several kinds on the first line and after it: mojibake, URLs, anchors, references, a count.
  const list = [
    '# Awesome Sample ‚úì',
    '',
    '- [Paper](http://github.com/x/y) and [the tool][tool]',
    '- [Nowhere](#missing) and [Undefined][nope]',
    '',
    '[tool]: https://example.com/tool',
    ''
  ].join('\n')
  const crlf = list.replace(/\n/g, '\r\n')
  const variants = {lf: list, crlf, bom: `\uFEFF${list}`, 'bom-crlf': `\uFEFF${crlf}`}

  test('the same findings at the same lines and columns, whatever the line endings and BOM', async () => {
    const root = await temporaryRepository()
    const reports: Record<string, string> = {}
    for (const [name, text] of Object.entries(variants)) {
      await writeFile(join(root, `${name}.md`), text)
      reports[name] = (await run(['lint', '--format', 'json', `${name}.md`], root)).out.replaceAll(`${name}.md`, 'list.md')
    }
    const findings = (JSON.parse(reports.lf!) as Array<{line: number; column: number; ruleId: string}>).map(({line, column, ruleId}) => `${line}:${column} ${ruleId}`)
    expect(findings).toEqual(['1:18 no-mojibake', '3:11 prefer-https', '4:13 no-dead-anchor', '4:27 no-undefined-reference'])
    // Lines and columns agree; fixes are offsets into each file's own text, so only those may differ.
    const places = (report: string) => (JSON.parse(report) as Array<Record<string, unknown>>).map(({fix: _fix, ...rest}) => rest)
    for (const name of Object.keys(variants)) expect(places(reports[name]!), name).toEqual(places(reports.lf!))
    // Fix offsets count in the file on disk, where a byte-order mark comes first.
    const fixes = (report: string) => (JSON.parse(report) as Array<{fix?: {start: number; end: number}}>).flatMap(({fix}) => (fix ? [[fix.start, fix.end]] : []))
    expect(fixes(reports.bom!)).toEqual(fixes(reports.lf!).map(([start, end]) => [start! + 1, end! + 1]))
  })

  test('--fix keeps the line endings and the byte-order mark', async () => {
    const root = await temporaryRepository()
    const fixed = list.replace('‚úì', '✓').replace('http://github.com', 'https://github.com')
    for (const [name, text] of Object.entries(variants)) {
      await writeFile(join(root, `${name}.md`), text)
      expect((await run(['lint', '--fix', `${name}.md`], root)).err, name).toBe(`${name}.md: 2 fixes applied`)
      const expected = {lf: fixed, crlf: fixed.replace(/\n/g, '\r\n'), bom: `\uFEFF${fixed}`, 'bom-crlf': `\uFEFF${fixed.replace(/\n/g, '\r\n')}`}[name]
      expect(await readFile(join(root, `${name}.md`), 'utf8'), name).toBe(expected)
    }
  })
})
