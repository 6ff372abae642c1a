import {createRule, ranBefore, report} from '../rule.js'
import {linkTargets} from '../util/links.js'
import {bareHost, canonicalUrl, parseHttpUrl} from '../util/urls.js'

interface Options {
  /** Hosts (and their subdomains) known to serve https. */
  hosts: string[]
}

/** `http:` to a host that serves https: the https URL is the same page, so the fix is safe. */
export const preferHttps = createRule<Options>({
  id: 'prefer-https',
  description: '`http:` link to a well-known host that serves https (github.com, arxiv.org, doi.org, …)',
  severity: 'warn',
  fixable: true,
  defaults: {hosts: ['github.com', 'arxiv.org', 'doi.org', 'githubusercontent.com', 'github.io', 'huggingface.co', 'openreview.net']},
  reads: ['ignoreUrls'],
  examples: {
    ok: [{title: 'https, and http to hosts not known to serve https', markdown: '<https://github.com/x/y> [a](http://example.com)\n'}],
    notOk: [
      {
        title: 'http to github.com and arxiv.org',
        markdown: '[Code](http://github.com/x/y) <http://www.arxiv.org/abs/2502.15214>\n',
        messages: [
          '1:8-1:29: Unexpected `http:` URL `http://github.com/x/y`, expected `https://github.com/x/y` (github.com serves https) (prefer-https)',
          '1:32-1:67: Unexpected `http:` URL `http://www.arxiv.org/abs/2502.15214`, expected `https://www.arxiv.org/abs/2502.15214` (arxiv.org serves https) (prefer-https)'
        ],
        fixed: '[Code](https://github.com/x/y) <https://www.arxiv.org/abs/2502.15214>\n'
      },
      {
        title: 'a subdomain of a host that serves https',
        markdown: '[Page](http://user.github.io/x)\n',
        messages: [
          '1:8-1:31: Unexpected `http:` URL `http://user.github.io/x`, expected `https://user.github.io/x` (user.github.io serves https) (prefer-https)'
        ],
        fixed: '[Page](https://user.github.io/x)\n'
      },
      {
        title: 'a variant over http, while canonical-url is off',
        markdown: '[DOI](http://dx.doi.org/10.1000/1)\n',
        messages: [
          '1:7-1:34: Unexpected `http:` URL `http://dx.doi.org/10.1000/1`, expected `https://dx.doi.org/10.1000/1` (dx.doi.org serves https) (prefer-https)'
        ],
        fixed: '[DOI](https://dx.doi.org/10.1000/1)\n'
      },
      {
        title: 'an extra host from the options',
        markdown: '[a](http://example.com/x)\n',
        options: {hosts: ['example.com']},
        messages: [
          '1:5-1:25: Unexpected `http:` URL `http://example.com/x`, expected `https://example.com/x` (example.com serves https) (prefer-https)'
        ],
        fixed: '[a](https://example.com/x)\n'
      }
    ]
  },
  check({tree, file, options}) {
    // One URL, one fix: canonical-url's fix of `http://dx.doi.org/…` already goes to `https://doi.org/…`.
    const canonicalReported = ranBefore(file, 'canonical-url')
    for (const target of linkTargets(tree, file)) {
      const parsed = parseHttpUrl(target.url)
      if (!parsed || parsed.protocol !== 'http:' || (canonicalReported && canonicalUrl(target.url) !== undefined)) continue
      const host = bareHost(parsed.hostname)
      if (!options.hosts.some((known) => host === known || host.endsWith(`.${known}`))) continue
      const https = `https${target.url.slice(4)}`
      report(file, `Unexpected \`http:\` URL \`${target.url}\`, expected \`${https}\` (${host} serves https)`, target.position, {
        ...(target.offset === undefined ? {} : {fix: {start: target.offset, end: target.offset + 4, replacement: 'https'}}),
        actual: target.url,
        expected: [https]
      })
    }
  }
})
