import type {Nodes} from 'mdast'

/** Move every position in a tree by `lines`, `columns` and `offset`: a tree parsed from a part of a text, to where the part is in it. */
export function movePositions(node: Nodes, lines: number, columns: number, offset: number): void {
  const place = node.position
  if (place) {
    place.start = {line: place.start.line + lines, column: place.start.column + columns, offset: (place.start.offset ?? 0) + offset}
    place.end = {line: place.end.line + lines, column: place.end.column + columns, offset: (place.end.offset ?? 0) + offset}
  }
  if ('children' in node) for (const child of node.children) movePositions(child, lines, columns, offset)
}
