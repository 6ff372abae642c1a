import type {Affiliation, Author} from '@fmrl/model'
import {toString} from 'mdast-util-to-string'
import {quoteList, reportError} from '../diagnostics.js'
import {readTables, type TableRead} from '../tables.js'
import {checkColumns} from './columns.js'
import {recordSource, type FileContext} from './context.js'
import {integer, optionalText, yesNo} from './values.js'

/** The survey's metadata as read from `survey.md`, not yet validated. */
export interface SurveyFileRead {
  title?: string
  list?: string
  arxiv?: string
  lastUpdate?: string
  authors: Author[]
  affiliations: Affiliation[]
  bibtex?: string
}

const fields = {List: 'list', arXiv: 'arxiv', 'Last update': 'lastUpdate'} as const

/** Read `survey.md`: title heading, field table, authors, affiliations and the BibTeX block. */
export function parseSurveyFile(context: FileContext): SurveyFileRead {
  const read: SurveyFileRead = {authors: [], affiliations: []}
  const title = context.tree.children.find((node) => node.type === 'heading' && node.depth === 1)
  if (title) {
    read.title = toString(title).trim()
    recordSource(context, '/metadata/title', title)
    recordSource(context, '/metadata', title)
  }
  for (const table of readTables(context.tree)) readSurveyTable(context, table, read)
  const bibtex = context.tree.children.find((node) => node.type === 'code' && node.lang === 'bibtex')
  if (bibtex?.type === 'code') {
    read.bibtex = bibtex.value
    recordSource(context, '/metadata/bibtex', bibtex)
  }
  return read
}

function readSurveyTable(context: FileContext, table: TableRead, read: SurveyFileRead): void {
  const section = table.headings[1]
  if (section === undefined) readFields(context, table, read)
  else if (section === 'Authors') read.authors = readAuthors(context, table)
  else if (section === 'Affiliations') read.affiliations = readAffiliations(context, table)
  else reportError(context.file, table.node, `Unexpected table under \`${section}\`, expected one under \`Authors\`, \`Affiliations\` or the title`, 'unknown-heading')
}

function readFields(context: FileContext, table: TableRead, read: SurveyFileRead): void {
  for (const {cell} of checkColumns(context, table, ['Field', 'Value'])) {
    const field = fields[cell('Field').text as keyof typeof fields]
    if (!field) {
      reportError(context.file, cell('Field').node, `Unexpected field \`${cell('Field').text}\`, expected one of ${quoteList(Object.keys(fields))}`, 'invalid-value')
      continue
    }
    read[field] = cell('Value').text
    recordSource(context, `/metadata/${field}`, cell('Value').node)
  }
}

function readAuthors(context: FileContext, table: TableRead): Author[] {
  return checkColumns(context, table, ['Author', 'Affiliations', 'Equal contribution']).flatMap(({cell}, index) => {
    // An empty cell is already reported; the author is kept, their affiliations unknown.
    const affiliations = cell('Affiliations').text === '' ? [] : cell('Affiliations').text.split(',').map((id) => id.trim())
    const equalContribution = yesNo(context, cell('Equal contribution'), 'equal contribution')
    if (!affiliations.every((id) => /^\d+$/.test(id))) {
      reportError(context.file, cell('Affiliations').node, `Unexpected affiliations \`${cell('Affiliations').text}\`, expected affiliation ids such as \`1, 3\``, 'invalid-value')
      return []
    }
    if (equalContribution === undefined) return []
    recordSource(context, `/metadata/authors/${index}`, cell('Author').node)
    return [{name: cell('Author').text, affiliations: affiliations.map(Number), equalContribution}]
  })
}

function readAffiliations(context: FileContext, table: TableRead): Affiliation[] {
  return checkColumns(context, table, ['Id', 'Affiliation', 'Short']).flatMap(({cell}) => {
    const id = integer(context, cell('Id'), 'affiliation id')
    if (id === undefined) return []
    const short = optionalText(cell('Short'))
    return [{id, name: cell('Affiliation').text, ...(short === null ? {} : {short})}]
  })
}
