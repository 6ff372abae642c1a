import {readdir} from 'node:fs/promises'
import {join, relative, sep} from 'node:path'
import type {VFile} from 'vfile'
import {readMarkdown} from './read-markdown.js'

/**
 * Read every Markdown file below `directory` (sorted, so messages come in a stable order). Every
 * `.md` entry is read, whatever it is: a symbolic link is followed, and a folder named `….md` is an
 * error (EISDIR), never a file silently left out.
 */
export async function readContentFiles(root: string, directory: string): Promise<VFile[]> {
  const entries = await readdir(join(root, directory), {recursive: true, withFileTypes: true})
  const paths = entries
    .filter((entry) => entry.name.endsWith('.md'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort()
  return Promise.all(paths.map((path) => readMarkdown(root, path)))
}
