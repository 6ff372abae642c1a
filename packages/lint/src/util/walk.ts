import type {Nodes} from 'mdast'

/** A node and the nodes containing it, root first (shared between siblings: never change it). */
export interface Visited<Node extends Nodes = Nodes> {
  node: Node
  ancestors: readonly Nodes[]
}

interface Walk {
  all: Visited[]
  byType: Map<string, Visited[]>
}

const walks = new WeakMap<Nodes, Walk>()

/**
 * Walk a tree once for every rule: its nodes in document order (preorder, as unist-util-visit
 * visits them), all of them and by type. A rule reads the nodes it cares about from here instead
 * of walking the whole tree itself; the walk is remembered for as long as the tree lives.
 */
function walkOf(tree: Nodes): Walk {
  const known = walks.get(tree)
  if (known) return known
  const all: Visited[] = []
  const byType = new Map<string, Visited[]>()
  const visit = (node: Nodes, ancestors: readonly Nodes[]) => {
    const visited = {node, ancestors}
    all.push(visited)
    const same = byType.get(node.type)
    if (same) same.push(visited)
    else byType.set(node.type, [visited])
    if (!('children' in node)) return
    const inside = [...ancestors, node]
    for (const child of node.children as Nodes[]) visit(child, inside)
  }
  visit(tree, [])
  const walk = {all, byType}
  walks.set(tree, walk)
  return walk
}

/** Every node of a tree, the tree first, in document order. */
export function nodesOf(tree: Nodes): readonly Visited[] {
  return walkOf(tree).all
}

/** The nodes of one type, in document order. */
export function nodesOfType<Type extends Nodes['type']>(tree: Nodes, type: Type): ReadonlyArray<Visited<Extract<Nodes, {type: Type}>>> {
  return (walkOf(tree).byType.get(type) ?? []) as Array<Visited<Extract<Nodes, {type: Type}>>>
}
