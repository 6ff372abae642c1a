import {execFile, spawnSync} from 'node:child_process'
import {copyFile, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {repositoryRoot, temporaryDirectory} from './helpers.js'

const run = promisify(execFile)

// CI installs TeX and the fonts (.ci/run); there a missing lualatex must fail, not skip. Locally it may be absent.
const hasTex = spawnSync('lualatex', ['--version']).status === 0 && spawnSync('pdftotext', ['-v']).status === 0
/** Whether the LaTeX tests skip: only where TeX is missing and this is not CI. */
export const skipLatex = !hasTex && process.env.CI !== 'true'

export interface Compiled {
  text: string
  /** Files TeX opened relative to the working directory (from -recorder), without `./`. */
  local: string[]
  /** Every file TeX opened. */
  all: string[]
  directory: string
}

/** What a clean compile opens in its directory: the wrapper, the table and TeX's own outputs. */
export const opened = ['table1-wrapper.aux', 'table1-wrapper.log', 'table1-wrapper.out', 'table1-wrapper.pdf', 'table1-wrapper.tex', 'table1.tex']

/**
 * Compile the wrapper around a table1.tex in a fresh directory, as the README says, and read the PDF's
 * text: as laid out on the page, or (`order: 'raw'`) in the order it was set, each cell's lines together.
 */
export async function compileTable1(table: string, {order = 'layout'}: {order?: 'layout' | 'raw'} = {}): Promise<Compiled> {
  const directory = await temporaryDirectory('fmrl-tex-')
  await writeFile(join(directory, 'table1.tex'), table)
  await copyFile(join(repositoryRoot, 'tables/table1-wrapper.tex'), join(directory, 'table1-wrapper.tex'))
  await writeFile(join(directory, 'canary.tex'), 'CANARY-WAS-READ\n')
  await run('lualatex', ['-recorder', '-halt-on-error', '-no-shell-escape', '-interaction=nonstopmode', 'table1-wrapper.tex'], {cwd: directory, maxBuffer: 64 * 1024 * 1024}).catch((error: {stdout?: string}) => {
    // TeX's own error (`! …` and the lines that place it), not the whole transcript.
    const lines = (error.stdout ?? '').split('\n')
    const at = lines.findIndex((line) => line.startsWith('!'))
    throw new Error(`lualatex failed: ${at < 0 ? lines.slice(-5).join('\n') : lines.slice(at, at + 4).join('\n')}`)
  })
  const {stdout} = await run('pdftotext', [`-${order}`, 'table1-wrapper.pdf', '-'], {cwd: directory, maxBuffer: 64 * 1024 * 1024})
  const recorded = (await readFile(join(directory, 'table1-wrapper.fls'), 'utf8')).split('\n').filter((line) => /^(INPUT|OUTPUT) /.test(line)).map((line) => line.replace(/^\w+ /, ''))
  const local = [...new Set(recorded.filter((path) => !path.startsWith('/')).map((path) => path.replace(/^\.\//, '')))].sort()
  // NFKC: pdftotext gives Arabic as the presentation forms the font shaped it into (U+FExx).
  return {text: stdout.normalize('NFKC').replace(/\s+/g, ' '), local, all: recorded, directory}
}
