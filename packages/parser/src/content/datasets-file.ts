import {datasetColumns, type Dataset} from '@fmrl/model'
import {readTables} from '../tables.js'
import {recordSource, type FileContext} from './context.js'
import {checkLayout} from './layout.js'
import {readEntries} from './rows.js'

/** Read `datasets.md`: one row per dataset or environment. */
export function parseDatasetsFile(context: FileContext): Dataset[] {
  checkLayout(context, {what: 'the datasets file', expected: 'the datasets table'})
  const entries = readTables(context.tree).flatMap((table) => readEntries<Dataset>(context, table, datasetColumns, {vocabularies: [], format: 'content'})).filter((read) => read.complete)
  return entries.map(({value, cells, row}, index) => {
    recordSource(context, `/datasets/${index}`, cells.get('name')?.node ?? row.node)
    return value as Dataset
  })
}
