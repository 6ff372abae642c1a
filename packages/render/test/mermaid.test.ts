import type {Survey} from '@fmrl/model'
import {JSDOM} from 'jsdom'
import {describe, expect, test} from 'vitest'
import {toMarkdown} from '../src/markdown.js'
import {mermaidString} from '../src/mermaid/escape.js'
import {taxonomyChart} from '../src/mermaid/taxonomy.js'
import {methodsPerYear, yearChart} from '../src/mermaid/years.js'
import {renderReadme} from '../src/readme/readme.js'
import {readSurvey} from './survey.js'

// Mermaid expects a browser: give it jsdom's window before it is imported.
const {window} = new JSDOM('<!doctype html><html><body></body></html>')
Object.assign(globalThis, {window, document: window.document, DOMParser: window.DOMParser, Element: window.Element, HTMLElement: window.HTMLElement})
const {default: mermaid} = await import('mermaid')

const survey = await readSurvey()
const readme = toMarkdown(renderReadme(survey))
const blocks = [...readme.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((match) => match[1]!)

/** The survey with its first method renamed, to try a name through the chart. */
function renamed(name: string): Survey {
  return {...survey, methods: survey.methods.map((method, index) => (index === 0 ? {...method, name} : method))}
}

describe('Mermaid pictures in README.md', () => {
  test('the README holds the taxonomy and the year chart, as rendered', () => {
    expect(blocks).toEqual([taxonomyChart(survey), yearChart(survey)])
  })

  test('mermaid\'s own parser accepts both', async () => {
    expect(await Promise.all(blocks.map((block) => mermaid.parse(block)))).toEqual([
      {diagramType: 'flowchart-v2', config: {}},
      {diagramType: 'xychart', config: {}}
    ])
  })

  test('the taxonomy has every role, category and method once, quoted', () => {
    const lines = taxonomyChart(survey).split('\n')
    expect(lines.slice(0, 5)).toEqual([
      'flowchart LR',
      '  survey["The Evolving Landscape of LLM- and VLM-Integrated Reinforcement Learning"]',
      '  survey --> r0["🤖 LLM/VLM as Agent"]',
      '  r0 --> r0c0["Parametric (6)"]',
      '  r0c0 --> m0["AGILE"]'
    ])
    expect(lines).toContain('  r0c0 --> m5["Zhai et al."]')
    expect(lines).toContain('  r2c1 --> m31["RL-VLM-F"]')
    expect(lines.filter((line) => / --> m\d+\[/.test(line))).toHaveLength(survey.methods.length)
  })

  test('the year chart stacks running totals, tallest first, and its table says the same', () => {
    expect(methodsPerYear(survey)).toEqual([
      {year: 2022, counts: [0, 2, 1]},
      {year: 2023, counts: [4, 4, 2]},
      {year: 2024, counts: [9, 6, 6]}
    ])
    expect(yearChart(survey)).toBe([
      'xychart-beta',
      '  title "Methods per year and role"',
      '  x-axis "Year" ["2022", "2023", "2024"]',
      '  y-axis "Methods" 0 --> 21',
      '  bar "🎯 LLM/VLM as Reward" [3, 10, 21]',
      '  bar "🧭 LLM/VLM as Planner" [2, 8, 15]',
      '  bar "🤖 LLM/VLM as Agent" [0, 4, 9]'
    ].join('\n'))
    expect(readme).toContain('| 2024 | 9                   | 6                     | 6                    | 21    |')
  })
})

describe('mermaidString', () => {
  test('writes what Mermaid reads in a label as entity codes', () => {
    expect(mermaidString('Say "hi" #1 <b>&</b> 100% `x`\nnext')).toBe('"Say #quot;hi#quot; #35;1 #lt;b#gt;#amp;#lt;/b#gt; 100#37; #96;x#96; next"')
  })

  test('a quote left raw breaks the chart: the parser rejects it', async () => {
    const broken = taxonomyChart(survey).replace('m0["AGILE"]', 'm0["AG"ILE"]')
    await expect(mermaid.parse(broken)).rejects.toThrow(/^Parse error on line 5:/)
  })

  test('names with quotes, directives, HTML and keywords stay labels', async () => {
    for (const name of ['Say "hi"', '%%{init: {"theme": "forest"}}%%', "A %%{init: {'theme': 'forest'}}%% B", '<img src=x onerror=alert(1)>', 'end', 'A --> B; click m0 call alert()', '#quot; & #35;']) {
      const chart = taxonomyChart(renamed(name))
      expect(chart.split('\n')[4]).toBe(`  r0c0 --> m0[${mermaidString(name)}]`)
      expect(await mermaid.parse(chart)).toEqual({diagramType: 'flowchart-v2', config: {}})
    }
  })

  test('unescaped, a directive in a name would reach Mermaid\'s configuration', async () => {
    const chart = taxonomyChart(survey).replace('m0["AGILE"]', 'm0["A %%{init: {\'theme\': \'forest\'}}%% B"]')
    expect(await mermaid.parse(chart)).toEqual({diagramType: 'flowchart-v2', config: {theme: 'forest'}})
  })
})
