import {formatCitation, type Method} from '@fmrl/model'

/**
 * A Mermaid node id made from a name: a prefix, then the name folded to lowercase ASCII letters and
 * digits joined by `_`. The prefix keeps every id clear of Mermaid's keywords (`end`, `graph`), and
 * only `[a-z0-9_]` can reach the chart, so no name can break its syntax.
 */
export function mermaidId(prefix: string, name: string): string {
  const slug = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z\d]+/g, '_').replace(/^_+|_+$/g, '')
  return slug ? `${prefix}_${slug}` : prefix
}

/**
 * Node ids for methods, derived from each method and never from its position, so that adding or
 * moving one method leaves every other node's line as it was. Names that fold to one id take their
 * citation too; only methods alike in name and citation (which lint reports as duplicates) are
 * told apart by a counter.
 */
export function methodIds(methods: readonly Method[]): Map<Method, string> {
  const byName = (method: Method) => mermaidId('m', method.name)
  const nameCounts = countBy(methods, byName)
  const cited = (method: Method) => (nameCounts.get(byName(method))! > 1 ? mermaidId('m', `${method.name} ${formatCitation(method.citation)}`) : byName(method))
  const seen = new Map<string, number>()
  return new Map(methods.map((method) => {
    const id = cited(method)
    const count = (seen.get(id) ?? 0) + 1
    seen.set(id, count)
    return [method, count === 1 ? id : `${id}_${count}`]
  }))
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1)
  return counts
}
