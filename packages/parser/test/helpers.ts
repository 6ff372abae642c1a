import {readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {join, relative} from 'node:path'
import {VFile} from 'vfile'

export const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url))

/** The repository's content/ files as vfiles with paths like `content/methods/agent.md`. */
export function contentFiles(): VFile[] {
  return readdirSync(join(repositoryRoot, 'content'), {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => relative(repositoryRoot, join(entry.parentPath, entry.name)))
    .sort()
    .map((path) => new VFile({path, value: readFileSync(join(repositoryRoot, path), 'utf8')}))
}

/** Every message of `files` as `path:line:column-line:column: reason (rule-id)`. */
export function messages(files: VFile[]): string[] {
  return files.flatMap((file) =>
    [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)).map((message) => {
      const place = message.place && 'start' in message.place ? message.place : undefined
      const range = place ? `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}` : `${message.line ?? 0}:${message.column ?? 0}`
      return `${file.path}:${range}: ${message.reason} (${message.ruleId})`
    })
  )
}
