import {distance} from 'fastest-levenshtein'
import {createRule, report} from '../rule.js'
import {linkTargets} from '../util/links.js'
import {hasScheme, lacksScheme} from '../util/urls.js'

const knownSchemes = ['http', 'https', 'mailto', 'ftp', 'tel', 'data', 'irc', 'ircs']

/** Why a link target is not a usable URL, as a message; undefined when it is fine. */
export function urlProblem(url: string): string | undefined {
  const trimmed = url.trim()
  if (trimmed === '') return undefined
  if (/^https?(?:\/\/|:\/(?!\/)|:(?!\/))/i.test(trimmed)) {
    const scheme = trimmed.toLowerCase().startsWith('https') ? 'https' : 'http'
    return `Unexpected incomplete scheme in \`${trimmed}\`, expected \`${scheme}://${trimmed.replace(/^https?:?\/*/i, '')}\``
  }
  if (lacksScheme(trimmed)) return `Unexpected \`${trimmed}\` without a scheme (it reads as a file path), expected \`https://${trimmed.replace(/^:\/\//, '')}\``
  if (!hasScheme(trimmed)) return undefined
  const scheme = trimmed.slice(0, trimmed.indexOf(':')).toLowerCase()
  if (!knownSchemes.includes(scheme)) {
    const near = ['https', 'http'].find((candidate) => distance(candidate, scheme) <= 2)
    return near ? `Unexpected scheme \`${scheme}:\` in \`${trimmed}\`, expected \`${near}:\`` : undefined
  }
  if (scheme !== 'http' && scheme !== 'https') return undefined
  let parsed: URL
  try {
    parsed = new URL(trimmed)
  } catch {
    return `Unexpected unparsable URL \`${trimmed}\`, expected one such as \`https://example.com/path\``
  }
  if (!parsed.hostname.includes('.') && parsed.hostname !== 'localhost') {
    return `Unexpected host \`${parsed.hostname}\` in \`${trimmed}\`, expected a host with a domain such as \`github.com\``
  }
  return undefined
}

/** A link target that is not a usable URL: a mistyped or incomplete scheme, a scheme-less `www.`, no host. */
export const noMalformedUrl = createRule({
  id: 'no-malformed-url',
  description: 'Malformed URL: mistyped or incomplete scheme, no scheme (`www.…`, `://…`, `github.com/…`), no valid host',
  severity: 'error',
  defaults: {},
  reads: ['ignoreUrls'],
  examples: {
    ok: [{title: 'URLs, paths, anchors and mail', markdown: '[a](https://github.com/x/y) [b](docs/a.md) [c](#top) [d](mailto:a@b.org) <https://arxiv.org/abs/2502.15214> [e](http://localhost:8080/x)\n'}],
    notOk: [
      {
        title: 'broken schemes and hosts',
        markdown: '[a](htps://github.com/x) [b](https//arxiv.org)\n[c](www.example.com) [d](https://localhost2/x)\n',
        messages: [
          '1:5-1:24: Unexpected scheme `htps:` in `htps://github.com/x`, expected `https:` (no-malformed-url)',
          '1:30-1:46: Unexpected incomplete scheme in `https//arxiv.org`, expected `https://arxiv.org` (no-malformed-url)',
          '2:5-2:20: Unexpected `www.example.com` without a scheme (it reads as a file path), expected `https://www.example.com` (no-malformed-url)',
          '2:26-2:46: Unexpected host `localhost2` in `https://localhost2/x`, expected a host with a domain such as `github.com` (no-malformed-url)'
        ]
      },
      {
        title: 'a scheme lost before `://`, a host written as a path',
        markdown: '- [Mario](://github.com/ppaquette/gym-super-mario)\n- [Repo](github.com/x/y)\n',
        messages: [
          '1:11-1:50: Unexpected `://github.com/ppaquette/gym-super-mario` without a scheme (it reads as a file path), expected `https://github.com/ppaquette/gym-super-mario` (no-malformed-url)',
          '2:10-2:24: Unexpected `github.com/x/y` without a scheme (it reads as a file path), expected `https://github.com/x/y` (no-malformed-url)'
        ]
      }
    ]
  },
  check({tree, file}) {
    for (const target of linkTargets(tree, file)) {
      const problem = urlProblem(target.url)
      if (problem) report(file, problem, target.position)
    }
  }
})
