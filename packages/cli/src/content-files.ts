import {readdir} from 'node:fs/promises'
import {join, relative, sep} from 'node:path'
import type {VFile} from 'vfile'
import {readMarkdown} from './read-markdown.js'

/** Read every Markdown file below `directory` (sorted, so messages come in a stable order). */
export async function readContentFiles(root: string, directory: string): Promise<VFile[]> {
  const entries = await readdir(join(root, directory), {recursive: true, withFileTypes: true})
  const paths = entries
    // A content file replaced by a symbolic link is still content: reading it follows the link.
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && entry.name.endsWith('.md'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort()
  return Promise.all(paths.map((path) => readMarkdown(root, path)))
}
