import {createRule, report} from '../rule.js'
import {linkTargets} from '../util/links.js'
import {canonicalUrl} from '../util/urls.js'

/**
 * A URL variant with a plainer equivalent (GitHub's `?tab=readme-ov-file`, `www.github.com`,
 * `dx.doi.org`), over `https:`: it runs before prefer-https, which then leaves these URLs alone.
 */
export const canonicalUrlRule = createRule({
  id: 'canonical-url',
  description: 'URL variant with a plainer equivalent: GitHub `?tab=readme-ov-file`, `www.github.com`, `dx.doi.org`',
  severity: 'warn',
  fixable: true,
  defaults: {},
  reads: ['ignoreUrls'],
  examples: {
    ok: [{title: 'canonical URLs', markdown: 'https://github.com/danijar/crafter and [DOI](https://doi.org/10.1000/1)\n'}],
    notOk: [
      {
        title: 'UI tab, www and dx variants',
        markdown: '- Crafter: https://github.com/danijar/crafter?tab=readme-ov-file\n- [Repo](https://www.github.com/x/y) [DOI](https://dx.doi.org/10.1000/1)\n',
        messages: [
          '1:12-1:65: Unexpected URL variant `https://github.com/danijar/crafter?tab=readme-ov-file`, expected `https://github.com/danijar/crafter` (canonical-url)',
          '2:10-2:36: Unexpected URL variant `https://www.github.com/x/y`, expected `https://github.com/x/y` (canonical-url)',
          '2:44-2:72: Unexpected URL variant `https://dx.doi.org/10.1000/1`, expected `https://doi.org/10.1000/1` (canonical-url)'
        ],
        fixed: '- Crafter: https://github.com/danijar/crafter\n- [Repo](https://github.com/x/y) [DOI](https://doi.org/10.1000/1)\n'
      },
      {
        title: 'a variant over http: one finding, one fix for both',
        markdown: '[DOI](http://dx.doi.org/10.1000/1) [Repo](http://www.github.com/x/y)\n',
        messages: [
          '1:7-1:34: Unexpected URL variant `http://dx.doi.org/10.1000/1`, expected `https://doi.org/10.1000/1` (canonical-url)',
          '1:43-1:68: Unexpected URL variant `http://www.github.com/x/y`, expected `https://github.com/x/y` (canonical-url)'
        ],
        fixed: '[DOI](https://doi.org/10.1000/1) [Repo](https://github.com/x/y)\n'
      }
    ]
  },
  check({tree, file}) {
    for (const target of linkTargets(tree, file)) {
      const canonical = canonicalUrl(target.url)
      if (!canonical) continue
      report(file, `Unexpected URL variant \`${target.url}\`, expected \`${canonical}\``, target.position, {
        ...(target.offset === undefined ? {} : {fix: {start: target.offset, end: target.offset + target.url.length, replacement: canonical}}),
        actual: target.url,
        expected: [canonical]
      })
    }
  }
})
