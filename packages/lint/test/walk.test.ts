import {readFileSync} from 'node:fs'
import {parseMarkdown} from '@fmrl/parser'
import type {Nodes} from 'mdast'
import {visitParents} from 'unist-util-visit-parents'
import {expect, test} from 'vitest'
import {nodesOf, nodesOfType} from '../src/util/walk.js'

// The one walk every rule reads must visit what unist-util-visit-parents visits, in its order,
// with the same ancestors: the rules walked the tree with it before.
test('nodesOf visits the nodes of the README in unist-util-visit order, with their ancestors', () => {
  const tree = parseMarkdown(readFileSync(new URL('../../../README.md', import.meta.url), 'utf8'))
  const expected: Array<{node: Nodes; ancestors: Nodes[]}> = []
  visitParents(tree, (node: Nodes, ancestors: Nodes[]) => void expected.push({node, ancestors: [...ancestors]}))
  const walked = nodesOf(tree)
  expect(walked.length).toBe(expected.length)
  walked.forEach((visited, index) => {
    expect(visited.node).toBe(expected[index]!.node)
    expect(visited.ancestors).toEqual(expected[index]!.ancestors)
  })
  expect(nodesOf(tree)).toBe(walked)
  expect(nodesOfType(tree, 'link').map((visited) => visited.node)).toEqual(expected.filter((visited) => visited.node.type === 'link').map((visited) => visited.node))
})
