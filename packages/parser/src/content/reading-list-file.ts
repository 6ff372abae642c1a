import {environmentColumns, readingEntryColumns, relatedListColumns, type Environment, type ReadingEntry, type RelatedList} from '@fmrl/model'
import {reportError} from '../diagnostics.js'
import {readTables} from '../tables.js'
import {recordSource, type FileContext} from './context.js'
import {checkLayout} from './layout.js'
import {readEntries} from './rows.js'

/** Read `lists.md`: the related awesome lists whose entries this list includes. */
export function parseListsFile(context: FileContext): RelatedList[] {
  checkLayout(context, {what: 'the lists file', expected: 'the table of related lists'})
  const entries = readTables(context.tree).flatMap((table) => readEntries<RelatedList>(context, table, relatedListColumns, {vocabularies: [], format: 'content'})).filter((read) => read.complete)
  return entries.map(({value, cells, row}, index) => {
    recordSource(context, `/relatedLists/${index}`, cells.get('id')?.node ?? row.node)
    return value as RelatedList
  })
}

/** Read `reading-list.md`: one table per section (its `##` heading), one row per paper. */
export function parseReadingListFile(context: FileContext): Array<{entry: ReadingEntry; cells: Map<string, unknown>}> {
  checkLayout(context, {what: 'the reading list', expected: 'a section heading (`## Name`) and its table'})
  const entries = readTables(context.tree).flatMap((table) => {
    const section = table.headings[1]
    if (section === undefined) {
      reportError(context.file, table.node, 'Unexpected table without a section heading, expected it under a `## Section` heading such as `## VLM-RL`', 'unknown-heading')
      return []
    }
    return readEntries<ReadingEntry>(context, table, readingEntryColumns, {vocabularies: [], format: 'content'}).filter((read) => read.complete).map((read) => ({...read, section}))
  })
  return entries.map(({value, cells, row, section}, index) => {
    for (const [key, cell] of cells) recordSource(context, `/readingList/${index}/${key}`, cell.node)
    recordSource(context, `/readingList/${index}`, cells.get('title')?.node ?? row.node)
    return {entry: {...value, section} as ReadingEntry, cells}
  })
}

/** Read `environments.md`: one row per open-source RL environment. */
export function parseEnvironmentsFile(context: FileContext): Environment[] {
  checkLayout(context, {what: 'the environments file', expected: 'the environments table'})
  const entries = readTables(context.tree).flatMap((table) => readEntries<Environment>(context, table, environmentColumns, {vocabularies: [], format: 'content'})).filter((read) => read.complete)
  return entries.map(({value, cells, row}, index) => {
    for (const [key, cell] of cells) recordSource(context, `/environments/${index}/${key}`, cell.node)
    recordSource(context, `/environments/${index}`, cells.get('name')?.node ?? row.node)
    return value as Environment
  })
}
