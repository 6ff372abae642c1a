// Write the generated content to disk: the I/O half of bench/generate.mjs.
import {createHash} from 'node:crypto'
import {cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {contentFiles, generateSurvey, readmeFile} from './generate.mjs'

export const repositoryRoot = fileURLToPath(new URL('..', import.meta.url))

/** The built CLI the `fmrl` bin runs: the bundle `pnpm build` leaves. */
export const cli = join(repositoryRoot, 'packages/cli/bundle/bin.js')

/** What a suite says when there is no build to measure. */
export const missingBuild = 'Unexpected missing packages/cli/bundle/bin.js, expected a build: run `pnpm build` first'

/** The real taxonomy and vocabularies, from the committed JSON export (always in step with content/). */
export function realVocabularies(root = repositoryRoot) {
  const {taxonomy, vocabularies} = JSON.parse(readFileSync(join(root, 'export/survey.json'), 'utf8'))
  return {taxonomy, vocabularies}
}

/** Edit one method row (its models cell) of methods/agent.md: the smallest real change a contributor makes. */
export function editRow(content, run) {
  const path = join(content, 'methods/agent.md')
  const lines = readFileSync(path, 'utf8').split('\n')
  const rows = lines.flatMap((line, index) => (line.startsWith('| ') && !line.startsWith('| Method |') && !line.startsWith('| - |') ? [index] : []))
  const index = rows[run % rows.length]
  const cells = lines[index].split(' | ')
  cells[2] = `${cells[2]}, Edited-${run + 1}`
  lines[index] = cells.join(' | ')
  writeFileSync(path, lines.join('\n'))
}

/** Every Markdown file below `directory`, sorted, as absolute paths. */
export function markdownFiles(directory) {
  return readdirSync(directory, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}

/**
 * Write one size's inputs below `directory`: `site/content/` (the real survey, taxonomy, legend,
 * sections, reading list and environments, with generated methods, references and datasets), a root
 * `fmrl build --root` accepts,
 * and `readme/README.md`, the same methods as one README-style file. Returns the paths and a hash
 * of everything generated (equal seeds and sizes give equal hashes).
 */
export function writeSize(directory, rows, seed = 1) {
  const survey = generateSurvey({rows, seed, ...realVocabularies()})
  const site = join(directory, 'site')
  const content = join(site, 'content')
  mkdirSync(content, {recursive: true})
  for (const path of ['survey.md', 'taxonomy.md', 'legend.md', 'lists.md', 'reading-list.md', 'environments.md', 'sections']) cpSync(join(repositoryRoot, 'content', path), join(content, path), {recursive: true})
  const hash = createHash('sha256')
  for (const [path, text] of Object.entries(contentFiles(survey))) {
    mkdirSync(dirname(join(content, path)), {recursive: true})
    writeFileSync(join(content, path), text)
    hash.update(path).update(text)
  }
  const readme = join(directory, 'readme')
  mkdirSync(readme, {recursive: true})
  const readmeText = readmeFile(survey)
  writeFileSync(join(readme, 'README.md'), readmeText)
  hash.update('README.md').update(readmeText)
  return {rows, site, content, readme, readmeFile: join(readme, 'README.md'), hash: hash.digest('hex')}
}
