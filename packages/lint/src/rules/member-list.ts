import type {Heading, Nodes, Root, RootContent} from 'mdast'
import {splitList} from '@fmrl/model'
import {toString} from 'mdast-util-to-string'
import {repairMojibake} from '../mojibake.js'
import {createRule, report} from '../rule.js'
import {labelledLines, type LabelledLine} from '../util/lines.js'
import {locateIn} from '../util/place.js'
import {methodRows, nameKey, roleTables, type MethodRow, type RoleTable} from '../util/tables.js'

interface MemberList {
  line: LabelledLine
  label: string
  count: number | undefined
  members: string[]
}

const listShape = /^\s*(?:\((\d+)\))?\s*:\s*(.+)$/

/** A labelled line that lists names: `**Parametric** (6): AGILE, TWOSOME, …`. */
function memberList(line: LabelledLine): MemberList | undefined {
  const labelText = repairMojibake(toString(line.label), {trustLonePairs: true}).trim()
  // The colon may sit inside the strong text (`**Reward Function:** a, b`).
  const rest = labelText.endsWith(':') ? `:${line.rest}` : line.rest
  const match = listShape.exec(repairMojibake(rest, {trustLonePairs: true}))
  if (!match) return undefined
  const members = splitList(match[2]!)
  if (members.length === 0) return undefined
  return {line, label: labelText.replace(/:$/, ''), count: match[1] === undefined ? undefined : Number(match[1]), members}
}

/** A method row with its name key. */
interface KeyedRow {
  row: MethodRow
  key: string
}

/** The tables after a node up to the next heading as deep as (or deeper than) the one the node sits under. */
function tablesBeneath(tree: Root, node: Nodes, tables: readonly RoleTable[]): RoleTable[] {
  const top = tree.children
  const offset = node.position?.start.offset ?? -1
  const index = top.findIndex((child) => (child.position?.start.offset ?? -2) <= offset && offset <= (child.position?.end.offset ?? -2))
  if (index < 0) return []
  const depth = top.slice(0, index).reverse().find((child): child is Heading => child.type === 'heading')?.depth ?? 0
  const end = top.slice(index + 1).findIndex((child: RootContent) => child.type === 'heading' && child.depth <= depth)
  const scope = new Set(top.slice(index + 1, end < 0 ? undefined : index + 1 + end))
  return tables.filter((table) => table.kind === 'methods' && scope.has(table.read.node))
}

/** Hand-written member lists (`**Parametric**: AGILE, TWOSOME, …`) against the method table beneath them. */
export const memberListRule = createRule({
  id: 'member-list',
  description: 'Hand-written member list (`**Parametric** (6): AGILE, …`) that disagrees with the method table beneath it',
  severity: 'warn',
  defaults: {},
  examples: {
    ok: [
      {
        title: 'a list and a count that match their table',
        markdown: '## Agent\n\n- **Parametric** (2): AGILE, Zhai et al.\n\n### Parametric\n\n| Method | FT |\n| - | - |\n| AGILE \\[Feng et al., 2024] | ✓ |\n| Zhai et al. \\[Zhai et al., 2024] | ✓ |\n'
      }
    ],
    notOk: [
      {
        title: 'missing and unknown members, a wrong count',
        markdown: '## Agent\n\n**Parametric (fine-tuned)**: AGILE, POAD\n**Non-parametric** (3): Reflexion, ICPI\n\n### Parametric\n\n| Method | FT |\n| - | - |\n| AGILE \\[Feng et al., 2024] | ✓ |\n| GLAM \\[Carta et al., 2023] | ✓ |\n\n### Non-parametric\n\n| Method | FT |\n| - | - |\n| ICPI \\[Brooks et al., 2023] | × |\n| Reflexion \\[Shinn et al., 2023] | × |\n',
        messages: [
          '3:1-3:28: Unexpected member list `Parametric (fine-tuned)` without `GLAM`, expected all 2 methods of the table at line 8 (member-list)',
          '3:37-3:41: Unexpected member `POAD` in `Parametric (fine-tuned)`, expected only methods of the table at line 8 (member-list)',
          '4:20-4:23: Unexpected count (3) for `Non-parametric`, expected (2): the table at line 15 lists 2 methods (member-list)'
        ]
      }
    ]
  },
  check({tree, file}) {
    const tables = roleTables(tree)
    // Each table's rows with their name keys, computed once: comparing every member with every
    // row by a fresh name key made the rule members × rows for each list.
    const rowsOf = new Map<RoleTable, KeyedRow[]>()
    for (const row of methodRows(tables)) {
      const keyed = rowsOf.get(row.table)
      const entry = {row, key: nameKey(row.name)}
      if (keyed) keyed.push(entry)
      else rowsOf.set(row.table, [entry])
    }
    for (const line of labelledLines(tree)) {
      const list = memberList(line)
      if (!list) continue
      const keys = new Set(list.members.map(nameKey))
      const candidates = tablesBeneath(tree, line.parent, tables).map((table) => {
        const rows = rowsOf.get(table) ?? []
        return {table, rows, overlap: rows.filter((entry) => keys.has(entry.key)).length}
      })
      const best = candidates.sort((a, b) => b.overlap - a.overlap)[0]
      if (!best || best.overlap === 0) continue
      compare(list, keys, best.table, best.rows)
    }

    function compare(list: MemberList, keys: ReadonlySet<string>, table: RoleTable, tableRows: readonly KeyedRow[]): void {
      const line = table.read.node.position?.start.line
      const where = line ? `the table at line ${line}` : 'the table below'
      const names = new Set(tableRows.map((entry) => entry.key))
      const missing = tableRows.filter((entry) => !keys.has(entry.key)).map((entry) => entry.row)
      if (missing.length > 0) {
        report(file, `Unexpected member list \`${list.label}\` without ${missing.map((row) => `\`${row.name}\``).join(', ')}, expected all ${tableRows.length} methods of ${where}`, list.line.label)
      }
      for (const member of list.members) {
        if (names.has(nameKey(member))) continue
        report(file, `Unexpected member \`${member}\` in \`${list.label}\`, expected only methods of ${where}`, locateIn(file, list.line.parent, member, list.line.from).position)
      }
      if (list.count !== undefined && list.count !== tableRows.length) {
        report(file, `Unexpected count (${list.count}) for \`${list.label}\`, expected (${tableRows.length}): ${where} lists ${tableRows.length} methods`, locateIn(file, list.line.parent, `(${list.count})`, list.line.from).position)
      }
    }
  }
})
