import {readdir} from 'node:fs/promises'
import {join, relative, sep} from 'node:path'
import type {VFile} from 'vfile'
import {readMarkdown} from './read-markdown.js'

/**
 * The root-relative paths of every Markdown file below `directory`, sorted (so messages come in a
 * stable order). Every `.md` entry is listed, whatever it is: a symbolic link is followed, and a
 * folder named `….md` is an error when read (EISDIR), never a file silently left out.
 */
export async function contentFilePaths(root: string, directory: string): Promise<string[]> {
  const entries = await readdir(join(root, directory), {recursive: true, withFileTypes: true})
  return entries
    .filter((entry) => entry.name.endsWith('.md'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort()
}

/** Read every Markdown file below `directory` (see `contentFilePaths`). */
export async function readContentFiles(root: string, directory: string): Promise<VFile[]> {
  return Promise.all((await contentFilePaths(root, directory)).map((path) => readMarkdown(root, path)))
}
