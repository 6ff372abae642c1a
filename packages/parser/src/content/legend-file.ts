import {TermOrigin, vocabularyColumns, type Term, type Vocabulary, type VocabularyId} from '@fmrl/model'
import type {Heading, Paragraph} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {quoteList, reportError} from '../diagnostics.js'
import {readTable} from '../tables.js'
import {checkColumns} from './columns.js'
import {recordSource, type FileContext} from './context.js'
import {optionalText} from './values.js'

const termColumns = ['Symbol', 'Markdown', 'LaTeX', 'Meaning', 'Origin', 'Note'] as const

/** Read `legend.md`: one section per symbol column (its header as heading), a description, a terms table. */
export function parseLegendFile(context: FileContext): Vocabulary[] {
  const vocabularies: Vocabulary[] = []
  let current: Vocabulary | undefined
  for (const node of context.tree.children) {
    if (node.type === 'heading' && node.depth === 2) current = startVocabulary(context, node, vocabularies)
    else if (node.type === 'paragraph' && current && current.terms.length === 0) current.description = paragraphText(node)
    else if (node.type === 'table' && current) current.terms = readTerms(context, node, vocabularies.length - 1)
  }
  return vocabularies
}

function startVocabulary(context: FileContext, heading: Heading, vocabularies: Vocabulary[]): Vocabulary | undefined {
  const column = toString(heading).trim()
  const id = (Object.keys(vocabularyColumns) as VocabularyId[]).find((key) => vocabularyColumns[key] === column)
  if (!id) {
    reportError(context.file, heading, `Unexpected legend section \`${column}\`, expected a symbol column: ${quoteList(Object.values(vocabularyColumns))}`, 'unknown-heading')
    return undefined
  }
  recordSource(context, `/vocabularies/${vocabularies.length}`, heading)
  const vocabulary: Vocabulary = {id, description: '', terms: []}
  vocabularies.push(vocabulary)
  return vocabulary
}

function paragraphText(paragraph: Paragraph): string {
  return toString(paragraph).trim()
}

function readTerms(context: FileContext, table: Parameters<typeof readTable>[0], vocabularyIndex: number): Term[] {
  return checkColumns(context, readTable(table), termColumns).flatMap(({cell}, index) => {
    const origin = TermOrigin.safeParse(cell('Origin').text)
    if (!origin.success) {
      reportError(context.file, cell('Origin').node, `Unexpected origin \`${cell('Origin').text}\`, expected one of ${quoteList(TermOrigin.options)}`, 'invalid-value')
      return []
    }
    recordSource(context, `/vocabularies/${vocabularyIndex}/terms/${index}`, cell('Symbol').node)
    const note = optionalText(cell('Note'))
    return [{
      symbol: cell('Symbol').text,
      markdown: cell('Markdown').text,
      latex: cell('LaTeX').text,
      meaning: cell('Meaning').text,
      origin: origin.data,
      ...(note === null ? {} : {note})
    }]
  })
}
