import {copyFile, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import type {Survey} from '@fmrl/model'
import {renderReadme, toMarkdown} from '@fmrl/render'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'
import {awesomeLint, createRules, networkRules, offlineRules} from '../src/awesome.js'
import {repositoryRoot, stageFolder} from '../src/folder.js'
import {readSurvey} from '../src/survey.js'

const readme = await readFile(join(repositoryRoot, 'README.md'), 'utf8')
const survey = await readSurvey()
const entries = JSON.parse(await readFile(join(repositoryRoot, 'fixtures/reading-list/entries.json'), 'utf8')) as Pick<Survey, 'relatedLists' | 'readingList' | 'environments'>

// No rule may reach the network: any fetch fails the test that made it.
const fetches: string[] = []
const realFetch = globalThis.fetch
beforeEach(() => {
  fetches.length = 0
  globalThis.fetch = (async (input: string | URL | Request) => {
    fetches.push(String(input instanceof Request ? input.url : input))
    throw new Error('awesome-lint must not reach the network in tests')
  }) as typeof fetch
})
afterEach(() => {
  globalThis.fetch = realFetch
  expect(fetches).toEqual([])
})

/** A README in a folder of its own, beside copies of the repository's contributing guide and code of conduct (or without them, or with other files). */
async function lintInFolder(text: string, {withGuides = true, files = {}}: {withGuides?: boolean; files?: Record<string, string>} = {}): Promise<string[]> {
  const staged = await stageFolder({'README.md': text, ...files})
  try {
    if (withGuides) for (const name of ['CONTRIBUTING.md', 'code-of-conduct.md']) await copyFile(join(repositoryRoot, name), join(staged.folder, name))
    return await awesomeLint(join(staged.folder, 'README.md'))
  } finally {
    await staged.remove()
  }
}

describe('awesome-lint', () => {
  test('only the rule that asks GitHub\'s API is left out', () => {
    expect(createRules().map(([rule]) => rule.name).filter((name) => !offlineRules.some(([rule]) => rule.name === name))).toEqual(networkRules)
    expect(offlineRules).toHaveLength(11)
  })

  test('passes on README.md with no message, CONTRIBUTING.md taken for contributing.md, the code of conduct checked too', async () => {
    expect(await awesomeLint(join(repositoryRoot, 'README.md'))).toEqual([])
  })

  test('reads the code of conduct beside the README: an empty one is an error', async () => {
    expect(await lintInFolder(readme, {withGuides: false, files: {'contributing.md': '# Contributing\n\nSee the README.\n', 'code-of-conduct.md': ''}})).toEqual([
      'code-of-conduct.md:1:1: error: awesome-code-of-conduct: code-of-conduct.md file must not be empty'
    ])
  })

  test('passes on the README rendered with reading-list entries and environments', async () => {
    const rendered = toMarkdown(renderReadme({...survey, ...entries}))
    expect(rendered).toContain('## 📖 Reading List')
    expect(await lintInFolder(rendered)).toEqual([])
  })

  test('the README switches rules off in one place only: two rules, around the comparison tables', () => {
    expect(readme.match(/<!--\s*lint .*?-->/g)).toEqual(['<!--lint disable double-link awesome-spell-check-->', '<!--lint enable double-link awesome-spell-check-->'])
    const [before, inside] = readme.split('<!--lint disable double-link awesome-spell-check-->')
    expect(before!.split('\n## ').length).toBeGreaterThan(2)
    expect(inside!.split('<!--lint enable')[0]!.match(/^## .*/gm)).toEqual(['## 🔍 Datasets', ...survey.taxonomy.map((role) => `## ${role.emoji} ${role.name}`)])
  })

  test('catches what the README once did: bold member lists, no contributing guide, a duplicate link, a stale table of contents', async () => {
    const broken = readme
      .replace('- Parametric (6):', '- **Parametric** (6):')
      .replace('[🔍 Datasets](#-datasets)', '[Datasets](#-datasets)')
      .replace('<!--lint enable double-link awesome-spell-check-->', '<!--lint enable double-link awesome-spell-check-->\n\n- [Same](https://github.com/MineDojo/MineDojo)\n- [Again](https://github.com/MineDojo/MineDojo)')
    const messages = await lintInFolder(broken, {withGuides: false})
    const line = (text: string) => broken.split('\n').findIndex((candidate) => candidate.startsWith(text)) + 1
    expect(messages).toEqual([
      'README.md:1:1: error: awesome-contributing: Missing file contributing.md',
      `README.md:${line('- **Parametric**')}:3: error: awesome-list-item: Invalid list item link`,
      `README.md:${line('- [Datasets]')}:1: error: awesome-toc: ToC item "Datasets" does not match corresponding heading "🔍 Datasets"`,
      `README.md:${line('- [Same]')}:3: error: double-link: Duplicate link: https://github.com/MineDojo/MineDojo`,
      `README.md:${line('- [Again]')}:3: error: double-link: Duplicate link: https://github.com/MineDojo/MineDojo`
    ])
  })
})
