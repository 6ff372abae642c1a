import {parseCitation, type Reference} from '@fmrl/model'
import {reportError} from '../diagnostics.js'
import {readTables} from '../tables.js'
import {checkColumns} from './columns.js'
import {recordSource, type FileContext} from './context.js'

/** Read `references.md`: one row per entry of the paper's reference list. */
export function parseReferencesFile(context: FileContext): Reference[] {
  return readTables(context.tree).flatMap((table) =>
    checkColumns(context, table, ['Citation', 'Authors', 'Title', 'Venue']).flatMap(({cell}, index) => {
      const citation = parseCitation(cell('Citation').text)
      if (!citation) {
        reportError(context.file, cell('Citation').node, `Unexpected citation \`${cell('Citation').text}\`, expected short authors and a year such as \`Zhang et al., 2023a\``, 'invalid-value')
        return []
      }
      recordSource(context, `/references/${index}`, cell('Citation').node)
      return [{citation, authors: cell('Authors').text, title: cell('Title').text, venue: cell('Venue').text}]
    })
  )
}
