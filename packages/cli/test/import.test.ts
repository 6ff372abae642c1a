import {readdir, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {formatCitation, type Method, type MethodDraft} from '@fmrl/model'
import {parseContent, parseContentDraft} from '@fmrl/parser'
import {describe, expect, test} from 'vitest'
import {readContentFiles} from '../src/content-files.js'
import {repositoryRoot, run, temporaryDirectory, temporaryRepository} from './helpers.js'

const seed = (name: string) => join(repositoryRoot, 'fixtures/seeds', name)
const readme = seed('000_f034324e3aea4e9d.txt')
const vlmList = seed('002_65008ec4654ceb78.txt')
const crossList = seed('003_f84490f62b47e7f3.txt')
const content = parseContent(await readContentFiles(repositoryRoot, 'content')).survey!

const folder = () => temporaryDirectory('fmrl-import-')
const copy = () => temporaryRepository()

/** The attributes the README shows for a method, as text. */
const shown = (method: Method | MethodDraft) => ({
  role: method.role,
  category: method.category,
  citation: method.citation && formatCitation(method.citation),
  models: method.models?.join(', '),
  ft: method.ft,
  rlRoles: method.rlRoles?.join(', '),
  metrics: method.metrics?.join(', '),
  code: method.code
})

describe('fmrl import of the survey README (seed 000)', () => {
  test('into an empty folder: the model equals content/ on every attribute the README shows, but the known disagreements', async () => {
    const root = await folder()
    const result = await run(['import', readme, '--into', 'content'], root)
    expect(result.code).toBe(0)
    const draft = parseContentDraft(await readContentFiles(root, 'content'))
    const differences: string[] = []
    for (const method of content.methods) {
      const imported = draft.methods.find((candidate) => candidate.name === method.name)
      if (!imported) {
        differences.push(`${method.name}: missing`)
        continue
      }
      const [want, got] = [shown(method), shown(imported)]
      for (const key of Object.keys(want) as Array<keyof typeof want>) {
        if (want[key] !== got[key]) differences.push(`${method.name} ${key}: content/ ${want[key]}, README ${got[key]}`)
      }
    }
    expect(draft.methods.length).toBe(content.methods.length)
    // The README-vs-Table-1 disagreements of the seed (the import report lists them when merging, below).
    expect(differences).toEqual([
      'When2Ask code: content/ https://github.com/ZJLAB-AMMI/LLM4RL, README null',
      'Inner Monologue rlRoles: content/ o, README π, v',
      'Text2Reward rlRoles: content/ π, README π, ref'
    ])
    expect(draft.datasets).toEqual(content.datasets)
    expect(draft.taxonomy.map((role) => [role.id, role.categories.map((category) => category.id)])).toEqual(content.taxonomy.map((role) => [role.id, role.categories.map((category) => category.id)]))
    expect(draft.metadata).toMatchObject({title: content.metadata.title, list: content.metadata.list, arxiv: content.metadata.arxiv})
  })

  test('the written folder names every value the README does not give, and importing again changes nothing', async () => {
    const root = await folder()
    await run(['import', readme, '--into', 'content'], root)
    const build = await run(['build'], root)
    expect(build.code).toBe(1)
    const errors = build.err.split('\n')
    expect(errors.filter((line) => line.startsWith('content/methods/agent.md:7:'))).toEqual([
      'content/methods/agent.md:7:57: error: Unexpected empty cell in column `FM Role`, expected one or more symbols of its legend (missing-cell)',
      'content/methods/agent.md:7:59: error: Unexpected empty cell in column `RL Agent`, expected a symbol of its legend (missing-cell)',
      'content/methods/agent.md:7:61: error: Unexpected empty cell in column `RL Task`, expected a symbol of its legend (missing-cell)',
      'content/methods/agent.md:7:63: error: Unexpected empty cell in column `RL Setting`, expected a symbol of its legend (missing-cell)',
      'content/methods/agent.md:7:131: error: Unexpected empty cell in column `Paper`, expected a URL or `-` (missing-cell)'
    ])
    // Every error names a value the README does not give: an empty cell, or an affiliation it never lists.
    expect(errors.filter((line) => / error: /.test(line) && !line.includes('(missing-cell)'))).toEqual([
      'content/survey.md:1:1: error: Unexpected value at `metadata.affiliations`: Too small: expected array to have >=1 items (invalid-value)'
    ])
    const before = await Promise.all((await readContentFiles(root, 'content')).map((file) => String(file.value)))
    expect(await run(['import', readme, '--into', 'content'], root)).toMatchObject({code: 0, err: expect.stringContaining('fmrl import: nothing changed')})
    expect(await Promise.all((await readContentFiles(root, 'content')).map((file) => String(file.value)))).toEqual(before)
  })

  test('into content/: each known disagreement is a conflict, one by one, and content/ is kept', async () => {
    const root = await copy()
    const result = await run(['import', readme, '--format', 'json'], root)
    expect(result.code).toBe(0)
    const report = JSON.parse(result.out) as {conflicts: Array<{entry: string; attribute: string; existing: string; incoming: string; kept: string}>; items: Array<{line: number; text: string; reason: string; unit: string}>}
    expect(report.conflicts.map((conflict) => `${conflict.entry} ${conflict.attribute}: ${conflict.existing.split('\n').at(-2) ?? conflict.existing} / ${conflict.incoming.split('\n').at(-2) ?? conflict.incoming} (${conflict.kept})`)).toEqual([
      'metadata bibtex:   year={2025} /   year={2024} (existing)',
      'metadata lastUpdate: 2026-11-21 / 2025-05-11 (existing)',
      'method When2Ask code: https://github.com/ZJLAB-AMMI/LLM4RL / - (existing)',
      'method Inner Monologue rlRoles: o / π, v (existing)',
      'method Inner Monologue paper: https://arxiv.org/abs/2207.05608 / https://arxiv.org/abs/2212.01599 (existing)'
    ])
    expect(report.items.filter((item) => item.unit !== 'entry').map((item) => `${item.line} ${item.text}: ${item.reason}`)).toEqual([
      '64 Parametric (fine-tuned): AGILE, TWOSOME, POAD, Retroformer, Zhai et al.: leaves out `GLAM` of `Parametric`; not kept: the README lists each category\'s members from its table',
      '65 Non-parametric: Reflexion, ExpeL, ICPI, RLingua, REMEMBERER: leaves out `Xu et al.`, `LangGround` of `Non-parametric`; not kept: the README lists each category\'s members from its table',
      '101 Comprehensive planners: SayTap, PSL, LMA3, Inner Monologue: leaves out `LgTS`, `LLaRP`, `When2Ask` of `Comprehensive`; not kept: the README lists each category\'s members from its table',
      '102 Incremental planners: SayCan, BOSS, AdaRefiner, LLM4Teach: leaves out `Text2Motion` of `Incremental`; not kept: the README lists each category\'s members from its table',
      '131 Hybrid: column `Strategy` says `Hybrid`; the method\'s table puts `Inner Monologue` under `Comprehensive`',
      '138 Reward Model: VLM-RM, MineCLIP, RL-VLM-F: leaves out `Kwon et al.`, `PREDILECT`, `ELLM` of `Reward model`; not kept: the README lists each category\'s members from its table',
      '144 $\\pi, \\text{ref}$: Unexpected symbol `ref` in column `RL Role`, expected one of `π`, `π_l`, `π_g`, `v`, `v_l`, `v_g`, `τ_π`, `rft`, `o`; add it to content/legend.md to allow it',
      '164 MineDojo: a summary row naming `MineDojo`, which no method table of the list has: a summary repeats its tables, so it adds no method',
      '164 Model: a summary row naming `MineDojo`, which no method table of the list has: a summary repeats its tables, so it adds no method',
      '164 ✅: a summary row naming `MineDojo`, which no method table of the list has: a summary repeats its tables, so it adds no method'
    ])
    expect(result.err).toBe('fmrl import: nothing changed')
  })
})

describe('fmrl import of the related lists (seeds 002 and 003)', () => {
  /** The entries a list writes, counted in its text independently of the import: top-level items under its paper and environment headings. */
  const written = async (path: string, section: RegExp) => {
    const lines = (await readFile(path, 'utf8')).split('\n')
    let inside = false
    let count = 0
    for (const line of lines) {
      if (/^#{2,3} /.test(line)) inside = section.test(line)
      else if (inside && /^- (?:\[|\*\*|\w+[\w ]*: https?:)/.test(line)) count++
    }
    return count
  }

  test('content/ holds every entry of both lists, each paper once, survey methods linked', async () => {
    const papers002 = await written(vlmList, /General-RL|VLM-RL|Generative-RL/)
    const papers003 = await written(crossList, /^## Paper/)
    const environments003 = await written(crossList, /environment/i)
    expect([papers002, papers003, environments003]).toEqual([21, 5, 6])
    expect(content.readingList.filter((entry) => entry.list === 'awesome-vlm-rl')).toHaveLength(papers002)
    expect(content.readingList.filter((entry) => entry.list === 'llm-rl-cross-papers')).toHaveLength(papers003)
    expect(content.environments).toHaveLength(environments003)
    expect(content.readingList.filter((entry) => entry.method).map((entry) => entry.method)).toEqual(['Reflexion', 'Zhai et al.', 'RLingua', 'TWOSOME'])
    expect(content.methods.map((method) => method.name).filter((name) => content.readingList.some((entry) => entry.title === name))).toEqual([])
  })

  test('importing them again changes nothing; the seed defects are reported, not carried over', async () => {
    const root = await copy()
    const result = await run(['import', vlmList, crossList, '--format', 'json'], root)
    expect(result.code).toBe(0)
    const report = JSON.parse(result.out) as {written: string[]; leftOut: Array<{what: string}>; input: Record<string, number>; mapped: Record<string, number>; reported: Record<string, number>}
    expect(report.written).toEqual([])
    expect(report.leftOut.map((left) => left.what)).toEqual([
      'the URL of "SimPO: Simple Preference Optimization with a Reference-Free Reward"',
      'the URL of "OpenR: An Open Source Framework for Advanced Reasoning with Large Language Models"'
    ])
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, count) => total + count, 0)
    expect(sum(report.input)).toBe(sum(report.mapped) + sum(report.reported))
  })

  test('an absolute --into is that folder, not a folder of that name under the root', async () => {
    const root = await copy()
    const elsewhere = join(await folder(), 'imported')
    const before = await readdir(root, {recursive: true})
    const result = await run(['import', crossList, '--into', elsewhere], root)
    expect(result.code).toBe(0)
    expect((await readdir(elsewhere)).sort()).toEqual(['datasets.md', 'environments.md', 'legend.md', 'lists.md', 'reading-list.md', 'references.md', 'survey.md', 'taxonomy.md'])
    expect(await readdir(root, {recursive: true})).toEqual(before)
  })

  test('--dry-run prints the diff and writes nothing', async () => {
    const root = await copy()
    const empty = '# Reading list\n'
    await writeFile(join(root, 'content/reading-list.md'), empty)
    const result = await run(['import', crossList, '--dry-run'], root)
    expect(result.code).toBe(0)
    expect(result.out.split('\n').slice(0, 4)).toEqual(['--- a/content/reading-list.md\tcontent/', '+++ b/content/reading-list.md\timported', '@@ -1,1 +1,11 @@', ' # Reading list'])
    expect(await readFile(join(root, 'content/reading-list.md'), 'utf8')).toBe(empty)
    expect(result.err.split('\n').at(-1)).toBe('fmrl import: 1 file would change (dry run: nothing was written)')
  })

  test('a list without recognisable entries exits 1 with a clear message', async () => {
    const root = await copy()
    await writeFile(join(root, 'notes.md'), '# Notes\n\nOnly prose here.\n')
    expect(await run(['import', 'notes.md'], root)).toEqual({
      code: 1,
      out: '',
      err: '0 cells, 0 entries and 0 parts: 0 mapped, 0 reported; added 0 methods, 0 reading-list entries, 0 environments, 0 datasets; 0 conflicts\nfmrl import: Unexpected list `notes.md` without an entry the import recognises, expected a table of methods, papers, datasets or environments, or a list of `[title](url)` entries'
    })
  })

  test('bytes that are not UTF-8 are a positioned error, and nothing is written', async () => {
    const root = await copy()
    await writeFile(join(root, 'latin1.md'), Buffer.from('# List\n\n- [Caf\xe9](https://example.org/cafe)\n', 'latin1'))
    const before = await readFile(join(root, 'content/reading-list.md'), 'utf8')
    expect(await run(['import', 'latin1.md'], root)).toEqual({
      code: 1,
      out: '',
      err: 'latin1.md:3:7: error: Unexpected byte 0xE9 that is not UTF-8, expected UTF-8 text: re-save the file as UTF-8 (invalid-utf8)\n1 error, 0 warnings'
    })
    expect(await readFile(join(root, 'content/reading-list.md'), 'utf8')).toBe(before)
  })
})
