import type {Dataset} from '@fmrl/model'
import {readTables} from '../tables.js'
import {checkColumns} from './columns.js'
import {recordSource, type FileContext} from './context.js'
import {integer} from './values.js'

/** Read `datasets.md`: one row per dataset or environment. */
export function parseDatasetsFile(context: FileContext): Dataset[] {
  return readTables(context.tree).flatMap((table) =>
    checkColumns(context, table, ['Dataset', 'Year', 'Domain', 'Modality', 'Link']).flatMap(({cell}, index) => {
      const year = integer(context, cell('Year'), 'year')
      if (year === undefined) return []
      recordSource(context, `/datasets/${index}`, cell('Dataset').node)
      const link = cell('Link')
      return [{name: cell('Dataset').text, year, domain: cell('Domain').text, modality: cell('Modality').text, url: link.url ?? link.text}]
    })
  )
}
