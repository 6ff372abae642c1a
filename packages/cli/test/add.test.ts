import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {parseContent} from '@fmrl/parser'
import {describe, expect, test} from 'vitest'
import {addCommand} from '../src/commands/add.js'
import {readContentFiles} from '../src/content-files.js'
import type {Asker} from '../src/prompts.js'
import {builtRepository} from './git-repository.js'
import {run} from './helpers.js'

const agentPath = 'content/methods/agent.md'
const referencesPath = 'content/references.md'
const zhai = '| Zhai et al. | Zhai et al., 2024 | LLaVA-v1.6-Mistral | ✓\\* | act | single | - | online | π_l, v_l, rft | sr | <https://github.com/RL4VLM/RL4VLM> | <https://arxiv.org/abs/2405.10292> |'

/** Flags for a new parametric agent; Brown et al., 2020 has a reference but no method yet. */
const flags = (overrides: Record<string, string> = {}) => Object.entries({
  '--role': 'agent',
  '--category': 'parametric',
  '--name': 'GPT-3 Agent',
  '--citation': 'Brown et al., 2020',
  '--models': 'GPT-3, GPT-3.5',
  '--ft': '✓*',
  '--fm-roles': 'act, ref',
  '--rl-agent': 'single',
  '--rl-task': '-',
  '--rl-setting': 'online',
  '--rl-roles': '$\\pi_l$, rft',
  '--metrics': 'sr, rew',
  '--code': 'https://github.com/example/gpt3-agent',
  ...overrides
}).flat()

const text = (root: string, path: string) => readFile(join(root, path), 'utf8')

describe('fmrl add', () => {
  test('appends exactly one canonical row to its category, then rebuilds', async () => {
    const {root, outputs} = await builtRepository()
    const before = {agent: await text(root, agentPath), references: await text(root, referencesPath)}
    const result = await run(['add', ...flags()], root)
    expect(result.err).toBe('')
    expect(result.code).toBe(0)
    const row = '| GPT-3 Agent | Brown et al., 2020 | GPT-3, GPT-3.5 | ✓\\* | act, ref | single | - | online | π_l, rft | sr, rew | <https://github.com/example/gpt3-agent> | - |'
    expect(await text(root, agentPath)).toBe(before.agent.replace(`${zhai}\n`, `${zhai}\n${row}\n`))
    expect(await text(root, referencesPath)).toBe(before.references)
    expect(result.out.split('\n')[0]).toBe(`${agentPath}: added \`GPT-3 Agent\``)
    expect(result.out.split('\n').slice(1).map((line) => line.replace(/: .*$/, ''))).toEqual(outputs)
    expect(await run(['check'], root)).toEqual({code: 0, out: `All ${outputs.length} generated files match content/.`, err: ''})
  })

  test('the added row reads back as the method the flags describe', async () => {
    const {root} = await builtRepository()
    await run(['add', ...flags()], root)
    const {survey} = parseContent(await readContentFiles(root, 'content'))
    expect(survey!.methods.find((method) => method.name === 'GPT-3 Agent')).toEqual({
      name: 'GPT-3 Agent',
      citation: {authors: 'Brown et al.', year: 2020, suffix: ''},
      role: 'agent',
      category: 'parametric',
      models: ['GPT-3', 'GPT-3.5'],
      ft: '✓*',
      fmRoles: ['act', 'ref'],
      rlAgent: 'single',
      rlTask: '-',
      rlSetting: 'online',
      rlRoles: ['π_l', 'rft'],
      metrics: ['sr', 'rew'],
      code: 'https://github.com/example/gpt3-agent',
      paper: null,
      venue: 'NeurIPS'
    })
  })

  test('refuses a duplicate name, with the place of the existing entry, and writes nothing', async () => {
    const {root} = await builtRepository()
    const before = await text(root, agentPath)
    expect(await run(['add', ...flags({'--name': 'retro-former'})], root)).toEqual({
      code: 1,
      out: '',
      err: 'fmrl add: Unexpected duplicate `retro-former`, expected a method content/ does not list yet: content/methods/agent.md:8:1 has `Retroformer` (same name); edit that row instead'
    })
    expect(await text(root, agentPath)).toBe(before)
  })

  test('refuses a duplicate citation', async () => {
    const {root} = await builtRepository()
    expect(await run(['add', ...flags({'--citation': 'Yao et al., 2024'})], root)).toEqual({
      code: 1,
      out: '',
      err: 'fmrl add: Unexpected duplicate `GPT-3 Agent`, expected a method content/ does not list yet: content/methods/agent.md:8:1 has `Retroformer` (same citation `Yao et al., 2024`); edit that row instead'
    })
  })

  test('bad or missing fields exit 2 with one message each', async () => {
    const {root} = await builtRepository()
    expect(await run(['add', ...flags({'--category': 'comprehensive', '--ft': 'yes', '--code': 'github.com/x'})], root)).toEqual({
      code: 2,
      out: '',
      err: [
        'fmrl add: Unexpected category `comprehensive` for --category, expected one of `parametric`, `non-parametric` (the categories of `agent`)',
        'fmrl add: Unexpected symbol `yes` for --ft, expected one of `✓`, `✓*`, `×`; add it to content/legend.md to allow it',
        'fmrl add: Unexpected `github.com/x` for --code, expected an http(s) URL'
      ].join('\n')
    })
    expect(await run(['add', '--name', 'X'], root)).toEqual({
      code: 2,
      out: '',
      err: 'fmrl add: Unexpected method without `--role`, `--category`, `--citation`, `--models`, `--ft`, `--fm-roles`, `--rl-agent`, `--rl-task`, `--rl-setting`, `--rl-roles`, `--metrics`, expected a value for each (or run `fmrl add` on a terminal to be asked)'
    })
  })

  test('runs the lint rules on the new row; on an error it puts the file back and adds nothing', async () => {
    const {root} = await builtRepository()
    const before = await text(root, agentPath)
    const result = await run(['add', ...flags({'--code': 'https://github.com/bytarnish/AGILE'})], root)
    expect(result).toEqual({
      code: 1,
      out: [
        'content/methods/agent.md:13:116: error: Unexpected URL `https://github.com/bytarnish/AGILE` for `GPT-3 Agent`, already the link of `AGILE` (line 7); expected each entry to have its own link (no-duplicate-url)',
        '1 error, 0 warnings'
      ].join('\n'),
      err: 'Nothing was added: the new row does not pass lint (see above).'
    })
    expect(await text(root, agentPath)).toBe(before)
  })

  test('a new citation needs its reference, which is then inserted where it sorts', async () => {
    const {root} = await builtRepository()
    const before = await text(root, referencesPath)
    const citation = {'--citation': 'Doe et al., 2025', '--name': 'Doe Agent'}
    expect(await run(['add', ...flags(citation)], root)).toEqual({
      code: 2,
      out: '',
      err: 'fmrl add: Unexpected citation `Doe et al., 2025` without a reference in content/references.md, expected `--authors`, `--title`, `--venue` to add one'
    })
    const result = await run(['add', ...flags({...citation, '--authors': 'Jane Doe, John Roe', '--title': 'Agents | pipes', '--venue': 'ICML'})], root)
    expect(result.code).toBe(0)
    expect(result.out.split('\n').slice(0, 2)).toEqual([`${agentPath}: added \`Doe Agent\``, `${referencesPath}: added \`Doe et al., 2025\``])
    const dalal = '| Dalal et al., 2024 | Murtaza Dalal, Tarun Chiruvolu, et al. | Plan-seq-learn: Language model guided RL for solving long horizon robotics tasks | ICLR |'
    expect(await text(root, referencesPath)).toBe(before.replace(`${dalal}\n`, `${dalal}\n| Doe et al., 2025 | Jane Doe, John Roe | Agents \\| pipes | ICML |\n`))
  })

  test('on a terminal it asks for each missing field, with choices from the vocabularies', async () => {
    const {root} = await builtRepository()
    const asked: string[] = []
    const answers: Record<string, string | string[]> = {
      Role: 'agent', Category: 'non-parametric', 'Method name': 'Asked Agent', 'Citation (short authors, year)': 'Brown et al., 2020',
      'Model(s), comma-separated': 'GPT-3', FT: '×', 'FM Role': ['act'], 'RL Agent': 'single', 'RL Task': '-', 'RL Setting': 'offline',
      'RL Role': ['π_l', 'τ_π'], Metrics: ['sr'], 'Code URL (- when none)': '-', 'Paper URL (- when none)': 'https://arxiv.org/abs/2005.14165'
    }
    const answer = async (config: {message: string; choices?: Array<{value: string}>}) => {
      asked.push(config.choices ? `${config.message}: ${config.choices.map((choice) => choice.value).join(' ')}` : config.message)
      return answers[config.message]!
    }
    const ask = {select: answer, checkbox: answer, input: answer} as Asker
    const out: string[] = []
    const code = await addCommand({root, content: 'content', fields: {}, ask}, {out: (line) => out.push(line), err: (line) => out.push(line)})
    expect(code).toBe(0)
    expect(asked).toEqual([
      'Role: agent planner reward',
      'Category: parametric non-parametric',
      'Method name',
      'Citation (short authors, year)',
      'Model(s), comma-separated',
      'FT: ✓ ✓* ×',
      'FM Role: act plan rew wm eval cr ref o',
      'RL Agent: single multi',
      'RL Task: single multi -',
      'RL Setting: online offline both -',
      'RL Role: π π_l π_g v v_l v_g τ_π rft o',
      'Metrics: acc sr rew gen rob se exp al int',
      'Code URL (- when none)',
      'Paper URL (- when none)'
    ])
    expect((await text(root, agentPath)).split('\n')).toContain('| Asked Agent | Brown et al., 2020 | GPT-3 | × | act | single | - | offline | π_l, τ_π | sr | - | <https://arxiv.org/abs/2005.14165> |')
  })
})
