import type {Definition} from 'mdast'
import {createRule, report} from '../rule.js'
import {nodesOf} from '../util/walk.js'

/** A definition (`[label]: url`) that no reference uses. */
export const noUnusedDefinition = createRule({
  id: 'no-unused-definition',
  description: 'Definition (`[label]: url`) that no reference uses',
  severity: 'warn',
  defaults: {},
  examples: {
    ok: [{title: 'a used definition', markdown: '[Awesome][a] ![b]\n\n[a]: https://awesome.re\n[B]: https://awesome.re/badge.svg\n'}],
    notOk: [{title: 'an unused definition', markdown: '[Awesome][a]\n\n[a]: https://awesome.re\n[old]: https://example.com\n', messages: [
                                                                                                                                 '4:1-4:27: Unexpected unused definition `[old]`, expected a reference to it; remove it or link with `[text][old]` (no-unused-definition)'
                                                                                                                               ]}]
  },
  check({tree, file}) {
    const used = new Set<string>()
    const definitions: Definition[] = []
    nodesOf(tree).forEach(({node}) => {
      if (node.type === 'linkReference' || node.type === 'imageReference') used.add(node.identifier)
      if (node.type === 'definition') definitions.push(node)
    })
    for (const definition of definitions) {
      if (used.has(definition.identifier)) continue
      report(file, `Unexpected unused definition \`[${definition.label ?? definition.identifier}]\`, expected a reference to it; remove it or link with \`[text][${definition.label ?? definition.identifier}]\``, definition)
    }
  }
})
