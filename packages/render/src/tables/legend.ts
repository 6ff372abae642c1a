import {vocabularyColumns, type Survey} from '@fmrl/model'
import type {RootContent} from 'mdast'
import {heading, paragraph, table, text} from '../nodes.js'
import {notation} from '../symbols.js'

/**
 * The legend of Table 1, rendered from the vocabularies (never hand-written): per column its name,
 * the caption's lead for it, and each symbol in its Markdown notation with its meaning.
 */
export function renderLegend(survey: Survey): RootContent[] {
  return [
    heading(2, text('Legend')),
    ...survey.vocabularies.flatMap((vocabulary) => [
      heading(3, text(vocabularyColumns[vocabulary.id])),
      ...(vocabulary.description ? [paragraph(text(vocabulary.description))] : []),
      table(['Symbol', 'Meaning'], vocabulary.terms.map((term) => [[notation(term.markdown)], [text(term.meaning)]]))
    ])
  ]
}
