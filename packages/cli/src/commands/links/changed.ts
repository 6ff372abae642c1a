import {onlineTargets} from '@fmrl/lint'
import {parseMarkdown} from '@fmrl/parser'
import {VFile} from 'vfile'
import {readAtCommit, resolveRef} from '../../git.js'
import {UsageError} from '../../io.js'

/**
 * For `--changed-since <ref>`: per file, the URLs it links to at that ref (an empty set for a file
 * that did not exist then). A link counts as changed when its URL is not among them.
 */
export async function urlsAtRef(root: string, ref: string, paths: readonly string[]): Promise<Map<string, Set<string>>> {
  const commit = await resolveRef(root, ref)
  if (!commit) throw new UsageError(`Unexpected \`--changed-since ${ref}\`, expected a git commit, branch or tag of the repository (for a pull request, fetch its base first)`)
  const before = new Map<string, Set<string>>()
  for (const path of paths) {
    const text = await readAtCommit(root, commit, path)
    const file = new VFile({path, value: text ?? ''})
    before.set(path, new Set(text === undefined ? [] : onlineTargets(parseMarkdown(text), file).http.map((target) => target.request)))
  }
  return before
}
