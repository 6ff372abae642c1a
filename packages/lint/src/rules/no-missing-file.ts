import {posix} from 'node:path'
import {lintData} from '../data.js'
import {createRule, report} from '../rule.js'
import {linkTargets} from '../util/links.js'
import {isRelativePath} from '../util/urls.js'

function decodePath(path: string): string {
  try {
    return decodeURI(path)
  } catch {
    return path
  }
}

/** The repository path a relative target points at, or undefined when it leaves the repository. */
export function resolveTarget(from: string, url: string): string | undefined {
  const path = decodePath(url.replace(/[?#].*$/, ''))
  if (path === '') return undefined
  // GitHub reads a leading slash as the repository root.
  const joined = path.startsWith('/') ? path.slice(1) : posix.join(posix.dirname(from), path)
  const resolved = posix.normalize(joined).replace(/\/$/, '')
  return resolved.startsWith('..') ? undefined : resolved
}

/** A relative link or image (Markdown or HTML) to a file the repository does not have; needs `files` data. */
const pathsOf = new WeakMap<readonly string[], ReadonlySet<string>>()

/** The files and the folders that hold them, built once per list: every file of a run shares its repository's list. */
function existingPaths(files: readonly string[]): ReadonlySet<string> {
  let paths = pathsOf.get(files)
  if (!paths) {
    const folders = files.flatMap((path) => path.split('/').slice(0, -1).map((_, index, parts) => parts.slice(0, index + 1).join('/')))
    paths = new Set([...files, ...folders])
    pathsOf.set(files, paths)
  }
  return paths
}

export const noMissingFile = createRule({
  id: 'no-missing-file',
  description: 'Relative link or image (Markdown or HTML `src`/`href`) to a file that does not exist',
  severity: 'error',
  defaults: {},
  reads: ['files', 'ignoreUrls'],
  examples: {
    ok: [
      {
        title: 'files and folders that exist',
        path: 'docs/list.md',
        markdown: '[Contributing](../CONTRIBUTING.md#how) ![Figure](images/a%20b.png) [Docs](/docs/) <img src="./images/a b.png">\n',
        data: {files: ['CONTRIBUTING.md', 'docs/list.md', 'docs/images/a b.png']}
      },
      {
        title: 'URLs that lost their scheme (no-malformed-url reports them)',
        markdown: '[a](://github.com/x/y) [b](github.com/x/y) [c](www.example.com)\n',
        data: {files: ['README.md']}
      }
    ],
    notOk: [
      {
        title: 'missing Markdown link, image and HTML image',
        path: 'lists/vlm.md',
        markdown: 'Please refer to [HERE](CONTRIBUTING.md).\n\n![](./images/crafter.gif)\n\n<img src="./images/RL-GPT framework.png" style="zoom: 50%;" />\n\n<p><a href="url">Code</a> <a href="url">Paper</a></p>\n',
        data: {files: ['README.md', 'lists/vlm.md']},
        messages: [
          '1:24-1:39: Unexpected link to missing file `CONTRIBUTING.md`, expected `lists/CONTRIBUTING.md` to exist in the repository (no-missing-file)',
          '3:5-3:25: Unexpected image to missing file `./images/crafter.gif`, expected `lists/images/crafter.gif` to exist in the repository (no-missing-file)',
          '5:11-5:40: Unexpected image to missing file `./images/RL-GPT framework.png`, expected `lists/images/RL-GPT framework.png` to exist in the repository (no-missing-file)',
          '7:13-7:16: Unexpected link to missing file `url`, expected `lists/url` to exist in the repository (no-missing-file)',
          '7:36-7:39: Unexpected link to missing file `url`, expected `lists/url` to exist in the repository (no-missing-file)'
        ]
      }
    ]
  },
  check({tree, file, skip}) {
    const files = lintData(file).files
    if (!files) {
      if (linkTargets(tree, file).some((target) => isRelativePath(target.url))) skip('files')
      return
    }
    for (const target of linkTargets(tree, file)) {
      if (!isRelativePath(target.url)) continue
      const resolved = resolveTarget(file.path, target.url)
      if (resolved === undefined || existingPaths(files).has(resolved)) continue
      const what = target.kind === 'image' || /^<img\b/i.test(target.node.type === 'html' ? target.node.value.trim() : '') ? 'image' : 'link'
      report(file, `Unexpected ${what} to missing file \`${target.url}\`, expected \`${resolved}\` to exist in the repository`, target.position)
    }
  }
})
