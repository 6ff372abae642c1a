import type {Nodes} from 'mdast'

/** A node and the nodes containing it. */
export interface Visited<Node extends Nodes = Nodes> {
  readonly node: Node
  /** The nodes containing it, root first: a new array at each read. */
  readonly ancestors: readonly Nodes[]
}

/**
 * A visited node with a link to its parent's visit. The ancestors are made when read (at text nodes and
 * link targets), and most are garbage at once: an array held for every node with children was an eighth
 * of the live heap while a 4,000-row file was linted (mostly the spare room of arrays made by spreading).
 */
class Visit implements Visited {
  constructor(
    readonly node: Nodes,
    private readonly parent: Visit | undefined
  ) {}

  get ancestors(): Nodes[] {
    const ancestors: Nodes[] = []
    for (let visit = this.parent; visit; visit = visit.parent) ancestors.push(visit.node)
    return ancestors.reverse()
  }
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
  const visit = (node: Nodes, parent: Visit | undefined) => {
    const visited = new Visit(node, parent)
    all.push(visited)
    const same = byType.get(node.type)
    if (same) same.push(visited)
    else byType.set(node.type, [visited])
    if (!('children' in node)) return
    for (const child of node.children as Nodes[]) visit(child, visited)
  }
  visit(tree, undefined)
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
