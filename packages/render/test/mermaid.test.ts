import type {Survey} from '@fmrl/model'
import {JSDOM} from 'jsdom'
import {describe, expect, test} from 'vitest'
import {toMarkdown} from '../src/markdown.js'
import {mermaidString} from '../src/mermaid/escape.js'
import {mermaidId, methodIds} from '../src/mermaid/ids.js'
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
      {diagramType: 'xychart', config: {xyChart: {yAxis: {showLabel: false, showTick: false}}, themeVariables: {xyChart: {plotColorPalette: '#009E73, #D55E00, #0072B2'}}}}
    ])
  })

  test('the taxonomy has every role, category and method once, quoted', () => {
    const lines = taxonomyChart(survey).split('\n')
    expect(lines.slice(0, 5)).toEqual([
      'flowchart LR',
      '  survey["The Evolving Landscape of LLM- and VLM-Integrated Reinforcement Learning"]',
      '  survey --> r_agent["🤖 LLM/VLM as Agent"]',
      '  r_agent --> c_agent_parametric["Parametric (6)"]',
      '  c_agent_parametric --> m_agile["AGILE"]'
    ])
    expect(lines).toContain('  c_agent_parametric --> m_zhai_et_al["Zhai et al."]')
    expect(lines).toContain('  c_reward_reward_model --> m_rl_vlm_f["RL-VLM-F"]')
    expect(lines.filter((line) => / --> m_[a-z\d_]+\[/.test(line))).toHaveLength(survey.methods.length)
  })

  test('the year chart stacks running totals, tallest first, and its table says the same', () => {
    expect(methodsPerYear(survey)).toEqual([
      {year: 2022, counts: [0, 2, 1]},
      {year: 2023, counts: [4, 4, 2]},
      {year: 2024, counts: [9, 6, 6]}
    ])
    expect(yearChart(survey)).toBe([
      '%%{init: {"xyChart":{"yAxis":{"showLabel":false,"showTick":false}},"themeVariables":{"xyChart":{"plotColorPalette":"#009E73, #D55E00, #0072B2"}}}}%%',
      'xychart-beta',
      '  title "Methods per year and role"',
      '  x-axis "Year" ["2022", "2023", "2024"]',
      '  y-axis "Methods, from 0" 0 --> 21',
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
    const broken = taxonomyChart(survey).replace('m_agile["AGILE"]', 'm_agile["AG"ILE"]')
    await expect(mermaid.parse(broken)).rejects.toThrow(/^Parse error on line 5:/)
  })

  test('names with quotes, directives, HTML and keywords stay labels', async () => {
    for (const name of ['Say "hi"', '%%{init: {"theme": "forest"}}%%', "A %%{init: {'theme': 'forest'}}%% B", '<img src=x onerror=alert(1)>', 'end', 'A --> B; click m0 call alert()', '#quot; & #35;']) {
      const chart = taxonomyChart(renamed(name))
      expect(chart.split('\n')[4]).toBe(`  c_agent_parametric --> ${mermaidId('m', name)}[${mermaidString(name)}]`)
      expect(await mermaid.parse(chart)).toEqual({diagramType: 'flowchart-v2', config: {}})
    }
  })

  test('unescaped, a directive in a name would reach Mermaid\'s configuration', async () => {
    const chart = taxonomyChart(survey).replace('m_agile["AGILE"]', 'm_agile["A %%{init: {\'theme\': \'forest\'}}%% B"]')
    expect(await mermaid.parse(chart)).toEqual({diagramType: 'flowchart-v2', config: {theme: 'forest'}})
  })
})

describe('stable node ids', () => {
  /** The survey with one more method at the head of the first category, as a contributor would add it. */
  function withNewMethod(): Survey {
    const [first] = survey.methods
    const added = {...first!, name: 'NewAgent', citation: {authors: 'Doe et al.', year: 2024, suffix: ''}, models: ['GPT-4'], code: null, paper: null}
    return {...survey, methods: [added, ...survey.methods]}
  }

  /** Lines only in `after` and lines only in `before`, each as often as it is extra. */
  function lineChanges(before: string, after: string): {added: string[]; removed: string[]} {
    const count = (text: string) => text.split('\n').reduce((counts, line) => counts.set(line, (counts.get(line) ?? 0) + 1), new Map<string, number>())
    const extra = (a: Map<string, number>, b: Map<string, number>) => [...a].flatMap(([line, n]) => Array<string>(Math.max(0, n - (b.get(line) ?? 0))).fill(line))
    const [old, next] = [count(before), count(after)]
    return {added: extra(next, old), removed: extra(old, next)}
  }

  test('ids come from names, folded to ASCII, with a prefix', () => {
    expect(['AGILE', 'Zhai et al.', 'RL-VLM-F', 'Réflexion', 'end', '<img src=x>', '日本'].map((name) => mermaidId('m', name))).toEqual([
      'm_agile', 'm_zhai_et_al', 'm_rl_vlm_f', 'm_reflexion', 'm_end', 'm_img_src_x', 'm'
    ])
  })

  test('names that fold alike take their citation; only true duplicates a counter', () => {
    const [a, b] = survey.methods
    const twins = [{...a!, name: 'RL VLM'}, {...b!, name: 'RL-VLM'}, {...b!, name: 'RL-VLM'}, {...a!, name: 'Other'}]
    expect([...methodIds(twins).values()]).toEqual(['m_rl_vlm_feng_et_al_2024', 'm_rl_vlm_yao_et_al_2024', 'm_rl_vlm_yao_et_al_2024_2', 'm_other'])
  })

  test('adding a method adds its line and changes its category\'s count, nothing else of the chart', () => {
    expect(lineChanges(taxonomyChart(survey), taxonomyChart(withNewMethod()))).toEqual({
      added: ['  r_agent --> c_agent_parametric["Parametric (7)"]', '  c_agent_parametric --> m_newagent["NewAgent"]'],
      removed: ['  r_agent --> c_agent_parametric["Parametric (6)"]']
    })
  })

  test('adding a method changes a handful of README lines: the counts, the year chart and its row, the member list, the table row', () => {
    const {added, removed} = lineChanges(readme, toMarkdown(renderReadme(withNewMethod())))
    expect(added.length).toBeLessThanOrEqual(11)
    expect(removed.length).toBeLessThanOrEqual(10)
    expect(added.filter((line) => line.includes('-->') && !line.includes('bar')).sort()).toEqual([
      '  c_agent_parametric --> m_newagent["NewAgent"]',
      '  r_agent --> c_agent_parametric["Parametric (7)"]',
      '  y-axis "Methods, from 0" 0 --> 22'
    ])
  })
})
