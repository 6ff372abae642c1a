import {appendFile, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'

const agent = 'content/methods/agent.md'
/** A complete row of the base's Parametric table: the bulk of the large files. */
const row = '| X | Feng et al., 2024 | Meerkat | ✓ | act | single | - | online | π_l | acc | - | - |\n'

/**
 * The inputs too large to commit (`generate` in expected.json), made from the base in the case's copy.
 * Each is made once per run of its case.
 */
export const generators = {
  /** 50 MB of method rows after the base's rows (the parser reads only up to its 8 MiB limit). */
  async 'fifty-megabytes'(root: string) {
    await appendFile(join(root, agent), row.repeat(Math.ceil(50_000_000 / Buffer.byteLength(row))))
  },
  /** 10,000 list items, each nested in the one before. */
  async 'nested-lists'(root: string) {
    await appendFile(join(root, agent), `\n${'- '.repeat(10_000)}x\n`)
  },
  /** 10,000 block quotes, each nested in the one before. */
  async 'nested-blockquotes'(root: string) {
    await appendFile(join(root, agent), `\n${'>'.repeat(10_000)} x\n`)
  },
  /** An awesome list (`list.md`, for `fmrl import`) whose one entry is nested 10,000 deep. */
  async 'nested-list-file'(root: string) {
    await writeFile(join(root, 'list.md'), `# Awesome\n\n${'- '.repeat(10_000)}[Deep](https://example.org/deep)\n`)
  },
  /** A Model(s) cell of 1,000,000 characters (the file stays under the 8 MiB limit). */
  async 'one-megabyte-cell'(root: string) {
    const text = await readFile(join(root, agent), 'utf8')
    await writeFile(join(root, agent), text.replace('| Meerkat, Vicuna-1.5 |', `| ${'M'.repeat(1_000_000)} |`))
  }
}
