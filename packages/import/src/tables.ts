import {
  citedNameColumn,
  columnForHeader,
  datasetColumns,
  environmentColumns,
  isNoValue,
  methodColumn,
  methodColumns,
  nameKey,
  normalizeHeader,
  readingEntryColumns,
  type CellText,
  type Column,
  type Dataset,
  type Environment,
  type Method,
  type MethodColumn,
  type MethodDraft,
  type NamedLink,
  type ReadingEntry
} from '@fmrl/model'
import {linkKind} from './inline.js'
import {placeTable, type MemberList} from './placement.js'
import {innermost, type Scope} from './scope.js'
import {readingSection} from './sections.js'
import type {ImportState, Origin} from './state.js'
import {learnSymbols} from './symbols.js'
import type {InputCell, InputTable} from './table-input.js'
import {isHttp, normalizeUrl} from './urls.js'

/** What a table holds, told from its headers. */
type TableKind = 'methods' | 'summary' | 'datasets' | 'environments' | 'papers' | 'record' | 'unknown'

const methodLike = [citedNameColumn, ...methodColumns]

/** A cell as the column codec reads it, with link texts that only name a link's kind left out of the text. */
function codecCell(cell: InputCell): CellText {
  return {text: cell.text, links: cell.links.map((link) => ({url: normalizeUrl(link.url), text: link.text}))}
}

/** The method column a header names; a name column holding `Name [citation]` reads as the cited name. */
function methodHeader(header: string): MethodColumn | undefined {
  return columnForHeader(methodLike, header)
}

/**
 * The method column of each header of a table. A table without a name column names its entries in
 * its `Paper` (or `Title`, `Link`) column, `[title](url)`: that column is the name, linked to the paper.
 */
function tableColumns(table: InputTable): Array<MethodColumn | undefined> {
  const columns = table.headers.map((cell) => methodHeader(cell.text))
  if (columns.some((column) => column?.key === 'name')) return columns
  const titled = columns.findIndex((column, index) => column?.key === 'paper' && table.rows.some((row) => (row[index]?.links ?? []).some((link) => linkKind(link) === undefined && link.text !== link.url)))
  if (titled >= 0) columns[titled] = methodColumn('name')
  return columns
}

function kindOf(table: InputTable, scope: Scope, known: (name: string) => boolean): TableKind {
  const headers = table.headers.map((cell) => normalizeHeader(cell.text))
  // `| Paper | [Title](url) |` over `| GitHub | … |` rows: one paper written as a key/value table.
  if (headers.length === 2 && /^(?:project or paper|paper|title|project|name)$/.test(headers[0]!) && (table.headers[1]?.links.length ?? 0) > 0) return 'record'
  if (headers.some((header) => /^datasets?$/.test(header))) return 'datasets'
  const columns = tableColumns(table)
  const hasName = columns.some((column) => column?.key === 'name')
  const attributes = columns.filter((column) => column && (column.vocabulary || column.key === 'models' || column.key === 'citation'))
  if (hasName && attributes.length > 0) return 'methods'
  if (headers.some((header) => /^(?:environments?|simulators?|env)$/.test(header))) return 'environments'
  const nameIndex = columns.findIndex((column) => column?.key === 'name')
  const names = nameIndex < 0 ? [] : table.rows.map((row) => row[nameIndex]?.text ?? '').filter((text) => text !== '')
  // A table whose rows are methods listed elsewhere, with a few columns of its own, only repeats them.
  if (hasName && names.length > 0 && names.filter(known).length * 2 >= names.length) return 'summary'
  if (hasName || headers.some((header) => /^(?:title|paper|papers)$/.test(header))) return 'papers'
  return /environment/i.test(innermost(scope) ?? '') ? 'environments' : 'unknown'
}

/** Import one table: its rows become methods, datasets, reading-list entries or environments; every cell is accounted for. */
export function importTable(state: ImportState, table: InputTable, scope: Scope, memberLists: readonly MemberList[]): void {
  const known = (name: string) => [...state.methods.map((read) => read.method), ...state.target.methods].some((method) => nameKey(method.name) === nameKey(stripCitation(name)))
  const kind = kindOf(table, scope, known)
  if (kind === 'methods') importMethods(state, table, scope, memberLists)
  else if (kind === 'summary') importSummary(state, table)
  else if (kind === 'datasets') importEntries(state, table, datasetColumns, 'datasets', (value, origin) => pushDataset(state, value, origin))
  else if (kind === 'environments') importEntries(state, table, environmentColumns, 'environments', (value, origin) => pushEnvironment(state, value, origin))
  else if (kind === 'papers') importPapers(state, table, scope)
  else if (kind === 'record') importRecord(state, table, scope)
  else for (const row of table.rows) for (const cell of row) count(state, cell, false, 'a cell of a table the import does not recognise (no column names a method, paper, dataset or environment)')
}

/** Count a cell once: mapped, or reported with its reason. Empty cells and repeated spanning cells are not counted. */
function count(state: ImportState, cell: InputCell | undefined, mapped: boolean, reason = '', what = 'cell'): void {
  if (!cell || cell.repeated) return
  if (mapped) state.accounting.mapped('cell')
  else state.accounting.reported('cell', cell.position, what, cell.text, reason)
}

const stripCitation = (text: string) => text.replace(/\s*\\?\[[^[\]]*\]\s*$/, '').trim()

/** The header cells a row's cell sits under; a row longer or shorter than its header is reported, never cut. */
function rowCells(state: ImportState, table: InputTable, row: InputCell[]): Array<{header: string; cell: InputCell | undefined}> {
  if (row.length > table.headers.length) {
    for (const extra of row.slice(table.headers.length)) count(state, extra, false, `a cell past the last of the table's ${table.headers.length} columns`, 'extra cell')
  }
  if (row.length < table.headers.length && row[0]) {
    state.accounting.note(row[0].position, 'short row', row.map((cell) => cell.text).join(' | '), `the row has ${row.length} of the table's ${table.headers.length} cells; the missing ones are left unknown`)
  }
  return table.headers.map((header, index) => ({header: header.text, cell: row[index]}))
}

function importMethods(state: ImportState, table: InputTable, scope: Scope, memberLists: readonly MemberList[]): void {
  const columns = tableColumns(table)
  const nameHeader = columns.findIndex((column) => column?.key === 'name')
  const names = table.rows.map((row) => stripCitation(row[nameHeader]?.text ?? ''))
  const placed = placeTable(state, scope, memberLists, names)
  if ('problem' in placed) {
    for (const row of table.rows) for (const cell of row) count(state, cell, false, `not placed: ${placed.problem}`)
    return
  }
  for (const row of table.rows) {
    const method: MethodDraft = {name: '', role: placed.role.id, category: placed.category.id}
    const places = new Map<string, Origin>()
    for (const [index, {header, cell}] of rowCells(state, table, row).entries()) {
      if (!cell || cell.text === '' && cell.links.length === 0) continue
      const column = columns[index]
      if (!column) {
        count(state, cell, false, `column \`${header}\` holds nothing the model has a field for`)
        continue
      }
      const read = readMethodCell(state, column, cell)
      if (!read.ok) {
        count(state, cell, false, read.reason)
        continue
      }
      Object.assign(method, read.value)
      for (const key of Object.keys(read.value)) places.set(key, {file: state.file, position: cell.position})
      count(state, cell, true)
    }
    if (method.name === '') continue
    state.methods.push({method, places})
  }
}

/**
 * Read a cell of a method column leniently: variants of symbols (`✅`, `√ó` once repaired), every
 * "no value" spelling, `[Link](…)` for a URL, and a citation written `Name [2024]` as `Name, 2024`.
 */
function readMethodCell(state: ImportState, column: MethodColumn, cell: InputCell): {ok: true; value: Partial<Method>} | {ok: false; reason: string} {
  if (column.vocabulary) learnSymbols(state, column, cell.text)
  const context = {vocabularies: state.vocabularies, lenient: true}
  const input = codecCell(cell)
  if (column.key === 'name') {
    const kindLinks = input.links.filter((link, index) => linkKind(cell.links[index]!) !== undefined)
    const titled = {text: input.text, links: input.links.filter((link) => !kindLinks.includes(link))}
    const cited = /\\?\[[^[\]]+\]\s*$/.test(titled.text) ? citedName(titled, state) : methodColumn('name').decode(titled, context)
    if (!cited.ok) return {ok: false, reason: cited.problem.reason}
    // A kind link beside the name (`AGILE [paper](…)`) is the paper.
    const paper = kindLinks.find((link) => /paper|pdf|arxiv|abs|doi|openreview|html/i.test(link.text))
    return {ok: true, value: {...cited.value, ...(paper && cited.value.paper == null ? {paper: paper.url} : {})}}
  }
  const read = column.decode(input, context)
  return read.ok ? {ok: true, value: read.value} : {ok: false, reason: read.problem.reason}
}

/** `AGILE [Feng et al., 2024]`, or `Zeng et al. [2024]` (the authors are the name, the year in brackets). */
function citedName(cell: CellText, state: ImportState) {
  const context = {vocabularies: state.vocabularies, lenient: true}
  const yearOnly = /^(.*?)\s*\\?\[((?:19|20)\d\d[a-z]?)\]\s*$/.exec(cell.text)
  if (yearOnly && /\bet al\.?$|\band\b/.test(yearOnly[1]!)) {
    return citedNameColumn.decode({...cell, text: `${yearOnly[1]} [${yearOnly[1]}, ${yearOnly[2]}]`}, context)
  }
  return citedNameColumn.decode(cell, context)
}

/**
 * A summary table (`| Method | Type | Code |` with ✅) repeats other tables: it adds no entry. Each
 * cell is checked against the method it names; agreeing cells are mapped (they say what the method
 * already says), others are reported with what the method's table says instead.
 */
function importSummary(state: ImportState, table: InputTable): void {
  const nameIndex = tableColumns(table).findIndex((column) => column?.key === 'name')
  for (const row of table.rows) {
    const nameCell = row[nameIndex]
    const name = stripCitation(nameCell?.text ?? '')
    const imported = state.methods.find((read) => nameKey(read.method.name) === nameKey(name))
    const method = imported?.method ?? state.target.methods.find((candidate) => nameKey(candidate.name) === nameKey(name))
    if (!method) {
      for (const cell of row) count(state, cell, false, `a summary row naming \`${name}\`, which no method table of the list has: a summary repeats its tables, so it adds no method`)
      continue
    }
    for (const {header, cell} of rowCells(state, table, row)) {
      if (!cell) continue
      const disagreement = summaryDisagreement(state, header, cell, method, imported)
      count(state, cell, disagreement === undefined, disagreement)
    }
  }
}

/** Why a summary cell disagrees with its method, or undefined when it agrees (or fills what the method's table leaves out). */
function summaryDisagreement(state: ImportState, header: string, cell: InputCell, method: MethodDraft, imported: {method: MethodDraft; places: Map<string, Origin>} | undefined): string | undefined {
  const column = methodHeader(header)
  if (column?.key === 'name') {
    const link = cell.links[0]
    if (!link) return undefined
    const url = normalizeUrl(link.url)
    const key = /github\.com|gitlab\.com/i.test(url) ? 'code' : 'paper'
    if (method[key] === undefined || method[key] === null) {
      // The summary is the only place the list gives this link: keep it.
      if (imported) {
        imported.method[key] = url
        imported.places.set(key, {file: state.file, position: cell.position})
      }
      return undefined
    }
    return method[key] === url ? undefined : `the summary links \`${method.name}\` to \`${url}\`, its table to \`${method[key]}\``
  }
  if (column?.key === 'code') {
    const hasCode = !isNoValue(cell.text, true) && !/^[✗✘❌×]$/.test(cell.text)
    if (method.code === undefined) return undefined
    return hasCode === (method.code !== null) ? undefined : `the summary says \`${method.name}\` ${hasCode ? 'has' : 'has no'} code, its table says ${method.code ? `\`${method.code}\`` : '`-`'}`
  }
  const category = state.taxonomy.find((role) => role.id === method.role)?.categories.find((candidate) => candidate.id === method.category)
  if (category && (nameKey(category.name).includes(nameKey(cell.text)) || nameKey(cell.text).includes(nameKey(category.name)))) return undefined
  return `column \`${header}\` says \`${cell.text}\`; ${category ? `the method's table puts \`${method.name}\` under \`${category.name}\`` : 'the model has no field for it'}`
}

/** Rows of a table with the columns of one kind of entry (datasets, environments). */
function importEntries<T>(state: ImportState, table: InputTable, columns: ReadonlyArray<Column<T>>, what: string, push: (value: Partial<T>, origin: Origin) => void): void {
  for (const row of table.rows) {
    const value: Partial<T> = {}
    for (const {header, cell} of rowCells(state, table, row)) {
      if (!cell) continue
      const column = columnForHeader(columns, header)
      if (!column) {
        count(state, cell, false, `column \`${header}\` holds nothing the model's ${what} have a field for`)
        continue
      }
      const read = column.decode(codecCell(cell), {vocabularies: [], lenient: true})
      if (read.ok) Object.assign(value, read.value)
      count(state, cell, read.ok, read.ok ? '' : read.problem.reason)
    }
    if (Object.keys(value).length > 0) push(value, {file: state.file, position: row[0]?.position})
  }
}

function pushDataset(state: ImportState, value: Partial<Dataset>, origin: Origin): void {
  state.draft.datasets.push(value)
  state.places.datasets.push(origin)
}

function pushEnvironment(state: ImportState, value: Partial<Environment>, origin: Origin): void {
  state.draft.environments.push({...value, list: state.listId})
  state.places.environments.push(origin)
}

/** A table of papers (`| Title | Venue | Date | Code |`): each row a reading-list entry of the section it sits in. */
function importPapers(state: ImportState, table: InputTable, scope: Scope): void {
  const columns = tableColumns(table)
  const named = namingColumn(table, columns)
  for (const row of table.rows) {
    const entry: Partial<ReadingEntry> = {section: readingSection(state, scope), list: state.listId, authors: [], venue: null, date: null, keywords: [], environments: [], note: null, overview: null, method: null, url: null}
    const links: NamedLink[] = []
    const read = rowCells(state, table, row).flatMap(({header, cell}, index) => {
      if (!cell) return []
      const unsafe = cell.links.find((link) => !isHttp(link.url))
      const safe = unsafe ? {...cell, links: cell.links.filter((link) => isHttp(link.url))} : cell
      const reason = index === named?.name
        ? readNameCell(safe, entry)
        : named?.papers.has(index)
          ? readPaperLinkCell(safe, entry, links)
          : readPaperCell(state, header, columns[index], safe, entry, links)
      return [{cell, reason: unsafe ? `Unexpected link \`${unsafe.url}\`, expected an http(s) URL: the link is not kept` : reason}]
    })
    // A row without a title makes no entry, so none of its cells is mapped.
    const titled = entry.title !== undefined && entry.title !== ''
    for (const {cell, reason} of read) count(state, cell, titled && reason === undefined, reason ?? 'a cell of a row without a title: no reading-list entry holds it')
    if (!titled) continue
    entry.links = links
    state.draft.readingList.push(entry)
    state.places.readingList.push({file: state.file, position: row[0]?.position})
  }
}

/**
 * A paper table whose `Paper` column holds only kind links (`[Paper](…)`, `[arXiv](…)`) names its
 * papers in another column: its `Title` column, or else its first column (`| Model | … | Paper |`).
 * That column is the title; the kind link is the paper's URL, never a title.
 */
function namingColumn(table: InputTable, columns: ReadonlyArray<MethodColumn | undefined>): {name: number; papers: Set<number>} | undefined {
  const titled = table.headers.flatMap((header, index) => (columns[index]?.key === 'name' || /^(?:title|paper|papers)$/.test(normalizeHeader(header.text)) ? [index] : []))
  const kindOnly = (index: number) => {
    const cells = table.rows.map((row) => row[index]).filter((cell): cell is InputCell => cell !== undefined && !isNoValue(cell.text, true))
    return cells.length > 0 && cells.every((cell) => (cell.links.length > 0 && cell.links.every((link) => linkKind(link) !== undefined || link.text === link.url)) || (cell.links.length === 0 && bareUrl.test(cell.text)))
  }
  const papers = titled.filter(kindOnly)
  if (papers.length === 0) return undefined
  const firstIsText = !papers.includes(0) && table.rows.every((row) => (row[0]?.links.length ?? 0) === 0)
  const name = titled.find((index) => !papers.includes(index)) ?? (firstIsText ? 0 : undefined)
  return name === undefined ? undefined : {name, papers: new Set(papers)}
}

const bareUrl = /^https?:\/\/\S+$/i

function readNameCell(cell: InputCell, entry: Partial<ReadingEntry>): string | undefined {
  entry.title = stripCitation(cell.text)
  return entry.title === '' ? 'a title cell without text' : undefined
}

function readPaperLinkCell(cell: InputCell, entry: Partial<ReadingEntry>, links: NamedLink[]): string | undefined {
  const [first, ...rest] = cell.links
  if (first) entry.url = normalizeUrl(first.url)
  else if (bareUrl.test(cell.text)) entry.url = normalizeUrl(cell.text)
  for (const link of rest) links.push({name: kindName(link), url: normalizeUrl(link.url)})
  return undefined
}

/** Read one cell of a paper table into its entry; the reason it was not, or undefined when it was. */
function readPaperCell(state: ImportState, header: string, method: MethodColumn | undefined, cell: InputCell, entry: Partial<ReadingEntry>, links: NamedLink[]): string | undefined {
  if (method?.key === 'name' || /^(?:title|paper|papers)$/.test(normalizeHeader(header))) {
    const titleLink = cell.links.find((link) => linkKind(link) === undefined)
    entry.title = stripCitation(titleLink?.text || cell.text.replace(/\[[^\]]*\]\([^)]*\)/g, '').trim() || cell.text)
    if (titleLink) entry.url = normalizeUrl(titleLink.url)
    for (const link of cell.links.filter((candidate) => candidate !== titleLink)) links.push({name: kindName(link), url: normalizeUrl(link.url)})
    return entry.title === '' ? 'a title cell without text' : undefined
  }
  const column = columnForHeader(readingEntryColumns, header)
  if (column && column.key !== 'title' && column.key !== 'url' && column.key !== 'links') {
    const read = column.decode(codecCell(cell), {vocabularies: [], lenient: true})
    if (read.ok) Object.assign(entry, read.value)
    return read.ok ? undefined : read.problem.reason
  }
  if (method?.key === 'code' || column?.key === 'links' || column?.key === 'url' || cell.links.length > 0) {
    if (cell.links.length === 0) return isNoValue(cell.text, true) ? undefined : `column \`${header}\` holds text, not a link`
    for (const link of cell.links) {
      if (column?.key === 'url' && entry.url === undefined) entry.url = normalizeUrl(link.url)
      else links.push({name: method?.key === 'code' ? 'Code' : kindName(link), url: normalizeUrl(link.url)})
    }
    return undefined
  }
  return isNoValue(cell.text, true) ? undefined : `column \`${header}\` holds nothing the reading list has a field for`
}

/** A link's name in the entry's links: its kind (`Code`, `arXiv`), or its text. */
function kindName(link: {text: string; url: string; image: boolean}): string {
  const kind = linkKind(link)
  if (kind === undefined) return link.text || new URL(link.url, 'https://x.invalid').hostname
  return kind === 'code' || kind === 'github' || kind === 'repo' ? 'Code' : kind.charAt(0).toUpperCase() + kind.slice(1)
}

/**
 * One paper as a key/value table (`| Project or Paper | [Title](url) |`, then `| GitHub | [repo](…) |`,
 * `| Core Insights | … |` rows): the header names the paper, each row one of its fields. Labels of
 * rows the reading list has no field for are reported with their values.
 */
function importRecord(state: ImportState, table: InputTable, scope: Scope): void {
  const title = table.headers[1]!
  const link = title.links.find((candidate) => linkKind(candidate) === undefined) ?? title.links[0]!
  const entry: Partial<ReadingEntry> = {
    title: link.text || title.text, url: normalizeUrl(link.url), section: readingSection(state, scope), list: state.listId,
    authors: [], venue: null, date: null, keywords: [], environments: [], links: [], note: null, overview: null, method: null
  }
  count(state, title, true)
  for (const row of table.rows) {
    const [label, value] = row
    if (!label) continue
    const reason = value ? readRecordRow(entry, label.text, value) : 'a row without a value'
    count(state, label, reason === undefined, reason)
    count(state, value, reason === undefined, reason)
    for (const extra of row.slice(2)) count(state, extra, false, 'a cell past the two columns of a key/value table', 'extra cell')
  }
  state.draft.readingList.push(entry)
  state.places.readingList.push({file: state.file, position: table.position})
}

function readRecordRow(entry: Partial<ReadingEntry>, label: string, value: InputCell): string | undefined {
  const name = normalizeHeader(label)
  if (isNoValue(value.text, true)) return undefined
  if (/^(?:github|code|repo|repository|project page|homepage)$/.test(name)) {
    if (value.links.length === 0) return `a \`${label}\` row without a link`
    entry.links = [...(entry.links ?? []), ...value.links.map((link) => ({name: name === 'github' || name === 'code' ? 'Code' : kindName(link), url: normalizeUrl(link.url)}))]
    return undefined
  }
  const column = columnForHeader(readingEntryColumns, label) ?? (/insights?|overview|summary|abstract/.test(name) ? columnForHeader(readingEntryColumns, 'overview') : undefined)
  if (!column || column.key === 'title' || column.key === 'url') return `a \`${label}\` row, which the reading list has no field for`
  const read = column.decode(codecCell(value), {vocabularies: [], lenient: true})
  if (!read.ok) return read.problem.reason
  Object.assign(entry, read.value)
  return undefined
}
