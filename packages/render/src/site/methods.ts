import {formatCitation, methodViews, modelFamilies, symbolAttributes, type Method, type Survey} from '@fmrl/model'
import type {Element, ElementContent} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import type {Raw} from 'mdast-util-to-hast'
import {sha256} from '../digest.js'
import {remembered, type SerializedMemory} from '../memory.js'
import {methodCells} from '../shared/cells.js'
import {categoryName} from '../shared/survey.js'
import type {Facet} from './facets.js'
import {breakLines, jsonForScript, phrasingHastEach, removeUnsafeLinks} from './hast.js'

/** A column of the page's table: its header, each method's cell, and the key it sorts by. */
export interface PageColumn {
  id: string
  header: string
  cell(method: Method, index: number): ElementContent[]
  sortKey(method: Method): string
}

/** What the page's script knows of one method: its values per filter, its search text, its sort key per column. */
export interface RowData {
  facets: Record<string, string[]>
  text: string
  sort: string[]
}

/** How many methods' cells are converted to hast together (`pageColumns`). */
export const conversionBatch = 256

const pad = (index: number) => String(index).padStart(3, '0')

/**
 * The table's columns: those of the role pages (every column, each cell through the column codec)
 * but the paper, which the method's name links already, with the method's place in the taxonomy
 * after its citation.
 */
export function pageColumns(survey: Survey, together: readonly Method[] = survey.methods): PageColumn[] {
  // The cells of `together` a batch at a time, when one of the batch is first asked for: a conversion's set-up (mdast-util-to-hast's state) costs more than a method's cells, and the rows are asked for in order, so only one batch's hast is held.
  const width = methodViews.rolePage.length
  const places = new Map(together.map((method, index) => [method, index]))
  let batch: {start: number; cells: ElementContent[][]} | undefined
  const cellsOf = (method: Method) => {
    const place = places.get(method)
    if (place === undefined) return phrasingHastEach(methodCells(survey, method, 'rolePage'))
    if (!batch || place < batch.start || place >= batch.start + conversionBatch) {
      const start = place - (place % conversionBatch)
      batch = {start, cells: phrasingHastEach(together.slice(start, start + conversionBatch).flatMap((one) => methodCells(survey, one, 'rolePage')))}
    }
    return batch.cells.slice((place - batch.start) * width, (place - batch.start + 1) * width)
  }
  const view = methodViews.rolePage.flatMap((entry, position): PageColumn[] => (entry.column.key === 'paper' ? [] : [{
    id: entry.column.key,
    header: entry.header,
    cell: (method) => cellsOf(method)[position]!,
    sortKey: (method) => sortKey(survey, method, entry.column.key)
  }]))
  const taxonomy: PageColumn = {
    id: 'taxonomy',
    header: 'Category',
    // The role as its emoji, named for screen readers and on hover; its name where it has no emoji.
    cell: (method) => {
      const role = survey.taxonomy.find((candidate) => candidate.id === method.role)
      const name = role?.name ?? method.role
      const mark = role?.emoji ? h('span', {role: 'img', ariaLabel: name, title: name}, role.emoji) : h('span', name)
      return [mark, {type: 'text', value: ` ${categoryName(survey, method)}`}]
    },
    sortKey: (method) => {
      const roleIndex = survey.taxonomy.findIndex((role) => role.id === method.role)
      return `${pad(roleIndex)} ${pad(survey.taxonomy[roleIndex]?.categories.findIndex((category) => category.id === method.category) ?? 0)}`
    }
  }
  return [view[0]!, view[1]!, taxonomy, ...view.slice(2)]
}

/** How a column sorts: names and models as text, citations by year, symbols in their legend's order, links present first. */
function sortKey(survey: Survey, method: Method, key: string): string {
  const symbol = symbolAttributes.find((attribute) => attribute.key === key)
  if (symbol) {
    const terms = survey.vocabularies.find((vocabulary) => vocabulary.id === symbol.vocabulary)?.terms ?? []
    const value = method[symbol.key]
    return (typeof value === 'string' ? [value] : value).map((item) => pad(terms.findIndex((term) => term.symbol === item))).join(' ')
  }
  if (key === 'citation') return `${method.citation.year} ${formatCitation(method.citation)}`
  if (key === 'models') return method.models.join(', ')
  if (key === 'code' || key === 'paper') {
    const url = method[key]
    return url ? `0 ${url}` : '1'
  }
  return method.name
}

/**
 * The key of each row of the methods table (`rowKeys`), and the methods whose rows neither this
 * render nor the earlier one in `memory` made: the ones whose cells are to be converted.
 */
export function keptRows(survey: Survey, memory: SerializedMemory | undefined): {keys: string[]; missing: Method[]} {
  const keys = rowKeys(survey)
  return {keys, missing: survey.methods.filter((_, row) => memory?.texts?.has(keys[row]!) !== true && memory?.kept?.has(keys[row]!) !== true)}
}

/**
 * What a row of the table is made of: its method and place, and everything of the survey but the
 * other methods (its taxonomy and vocabularies name the cells). A row that came to show another
 * method would need it here.
 */
function rowKeys(survey: Survey): string[] {
  const context = sha256(JSON.stringify({...survey, methods: undefined}))
  return survey.methods.map((method, row) => sha256(`${context}\u0000${row}\u0000${JSON.stringify(method)}`))
}

/**
 * The methods table, and its rows' HTML apart (see `fillMethodRows`): a sort button in every column
 * header, the method's name as each row's header. Each row is serialized on its own, its unsafe links removed and its lines broken as the page's
 * are (both only look within the row), so a row kept in `memory` is taken as it was: as HTML, which
 * is why `memory.kept` must be what this very renderer made (the CLI's cache, by its fingerprint).
 */
export function renderMethodsTable(survey: Survey, columns: readonly PageColumn[], {keys, memory}: {keys: readonly string[]; memory?: SerializedMemory | undefined}): {table: Element; rows: string[]} {
  const rowHtml = (method: Method, row: number) => {
    const tr = h('tr', {dataIndex: String(row)}, columns.map((column, index) => h(index === 0 ? 'th' : 'td', index === 0 ? {scope: 'row'} : {}, column.cell(method, row))))
    removeUnsafeLinks(tr)
    breakLines(tr)
    // Raw nodes in a row are KaTeX's MathML only (see mathElement); every other node is escaped.
    return toHtml(tr, {allowDangerousHtml: true})
  }
  const table = h('table', {id: 'methods-table'}, [
    h('caption', {id: 'methods-caption'}, `The ${survey.methods.length} methods with every attribute of the survey's Table 1. Select a column's header to sort by it.`),
    h('thead', h('tr', columns.map((column, index) => h('th', {scope: 'col'}, h('button', {type: 'button', dataColumn: String(index)}, [column.header, h('span', {className: ['arrow'], ariaHidden: 'true'})]))))),
    h('tbody', [{type: 'raw', value: methodRowsSlot} satisfies Raw])
  ])
  return {table, rows: survey.methods.map((method, row) => remembered(memory, keys[row]!, () => rowHtml(method, row)))}
}

/**
 * Where the table's rows go in the page's HTML (`fillSlots`). hast-util-to-html joins each
 * element's children into a new string, so rows inside the tree (16 MB of HTML at 10,000 rows) were
 * copied once for every element around them; put in once at the end, they are copied once. No other
 * raw HTML of the page is a comment, and its text is escaped, so the slot is found only where it was put.
 */
export const methodRowsSlot = '<!--fmrl:methods-table-rows-->'

/** Where the page's data for its script goes (`pageDataParts`), as the rows do. */
export const pageDataSlot = '<!--fmrl:page-data-->'

/** A slot in the page's HTML and the parts that go in its place. */
export interface SlotFill {
  slot: string
  parts: readonly string[]
}

/** The page's HTML with each slot filled, as parts whose concatenation is the page. Each slot must be in it once. */
export function fillSlots(html: string, fills: readonly SlotFill[]): string[] {
  const placed = fills.map((fill) => {
    const at = html.indexOf(fill.slot)
    if (at < 0 || html.includes(fill.slot, at + 1)) throw new Error(`The page must hold the slot \`${fill.slot}\` once`)
    return {...fill, at}
  })
  const parts: string[] = []
  let from = 0
  for (const {slot, parts: filling, at} of placed.sort((a, b) => a.at - b.at)) {
    parts.push(html.slice(from, at))
    // One by one: a spread of 100,000 parts would pass as many arguments.
    for (const part of filling) parts.push(part)
    from = at + slot.length
  }
  parts.push(html.slice(from))
  return parts
}

/** The table's rows as parts, a line between rows (as breakLines puts one between the page's other blocks). */
export function rowParts(rows: readonly string[]): string[] {
  return separated(rows, '\n')
}

/** `parts` with `separator` between each two, as parts: what `parts.join(separator)` is, never one string. */
function separated(parts: readonly string[], separator: string): string[] {
  return parts.flatMap((part, index) => (index === 0 ? [part] : [separator, part]))
}

/**
 * The page's data for its script as parts of its JSON (`jsonForScript`): the filters' and columns'
 * ids, then each method's `RowData`, made and escaped one at a time, so that neither every row's
 * data nor the whole JSON (39 million characters at 50,000 rows) is held at once.
 */
export function pageDataParts(survey: Survey, facets: readonly Facet[], columns: readonly PageColumn[]): string[] {
  // The data without rows ends with its rows' `[]}`, the last key's: the rows go between the brackets.
  const empty = jsonForScript({facets: facets.map((facet) => facet.id), columns: columns.map((column) => column.id), rows: []})
  const rows = survey.methods.map((method) => jsonForScript(rowDatum(survey, facets, columns, method)))
  return [empty.slice(0, -2), ...separated(rows, ','), empty.slice(-2)]
}

/** A method's filter values, search text and sort keys. */
export function rowDatum(survey: Survey, facets: readonly Facet[], columns: readonly PageColumn[], method: Method): RowData {
  return {
    facets: Object.fromEntries(facets.map((facet) => [facet.id, facet.values(method)])),
    text: searchText(survey, method),
    sort: columns.map((column) => column.sortKey(method))
  }
}

/**
 * What the search box matches, lowercased: the name, citation, venue, models and their families,
 * role and category, and the meaning of every symbol (so `sample efficiency` finds `se`).
 */
export function searchText(survey: Survey, method: Method): string {
  const role = survey.taxonomy.find((candidate) => candidate.id === method.role)
  const meanings = symbolAttributes.flatMap((attribute) => {
    const terms = survey.vocabularies.find((vocabulary) => vocabulary.id === attribute.vocabulary)?.terms ?? []
    const value = method[attribute.key]
    return (typeof value === 'string' ? [value] : value).map((symbol) => terms.find((term) => term.symbol === symbol)?.meaning ?? symbol)
  })
  return [method.name, formatCitation(method.citation), method.venue ?? '', ...method.models, ...modelFamilies(method), role?.name ?? '', categoryName(survey, method), ...meanings].filter(Boolean).join(' \u00b7 ').toLowerCase()
}
