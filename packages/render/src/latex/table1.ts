import {citedNameColumn, findTerm, formatCitation, methodViews, noValue, vocabularyColumns, type Method, type MethodColumn, type Survey, type Vocabulary} from '@fmrl/model'
import {generatedNotice} from '../shared/generated.js'
import {categoryMethods} from '../shared/survey.js'
import {escapeLatex, escapeLatexUrl} from './escape.js'

const columns = methodViews.table1

const title = 'LLM- and VLM-integrated RL methods'

// Text columns wrap ragged-right (array's `>{…}`); the short symbol columns stay on one line.
const wrap = (width: string) => `>{\\raggedright\\arraybackslash}p{${width}}`
const columnSpec = `@{}${wrap('5cm')}${wrap('3.6cm')}l${wrap('2.4cm')}lll${wrap('2.2cm')}${wrap('2.6cm')}l@{}`

/**
 * tables/table1.tex: Table 1 as a booktabs longtable with the legend in its caption. Every string from
 * content/ goes through `escapeLatex`; the vocabularies' `latex` fields are trusted and set as written.
 */
export function renderTable1Latex(survey: Survey): string {
  const header = `${columns.map((entry) => escapeLatex(entry.header)).join(' & ')} \\\\`
  return [
    `% ${generatedNotice}`,
    '% Needs LuaLaTeX with fonts for every script of content/, amssymb, array, booktabs, longtable and hyperref; tables/table1-wrapper.tex compiles it.',
    '\\begingroup',
    '\\footnotesize',
    '\\setlength{\\tabcolsep}{3pt}',
    '\\setlength{\\LTcapwidth}{\\textwidth}',
    `\\begin{longtable}{${columnSpec}}`,
    `\\caption[${title}]{${title}. ${renderLatexLegend(survey)}}\\label{tab:table1} \\\\`,
    '\\toprule', header, '\\midrule', '\\endfirsthead',
    '\\toprule', header, '\\midrule', '\\endhead',
    '\\bottomrule', '\\endfoot',
    ...renderGroups(survey),
    '\\end{longtable}',
    '\\endgroup',
    ''
  ].join('\n')
}

function renderGroups(survey: Survey): string[] {
  const groups = survey.taxonomy.flatMap((role) => role.categories.map((category) => ({role, category})))
  return groups.flatMap(({role, category}, index) => [
    ...(index === 0 ? [] : ['\\midrule']),
    `\\multicolumn{${columns.length}}{@{}l}{\\textbf{${escapeLatex(`${role.name}: ${category.name}`)}}} \\\\`,
    ...categoryMethods(survey, role, category).map((method) => `${columns.map((entry) => latexCell(survey, method, entry.column)).join(' & ')} \\\\`)
  ])
}

function latexCell(survey: Survey, method: Method, column: MethodColumn): string {
  const {key} = column
  if (column === citedNameColumn) {
    const name = escapeLatex(method.name)
    return `${method.paper ? `\\href{${escapeLatexUrl(method.paper)}}{${name}}` : name} ${escapeLatex(`[${formatCitation(method.citation)}]`)}`
  }
  if (key === 'models') return escapeLatex(method.models.join(', '))
  if (key === 'code') return method.code ? `\\href{${escapeLatexUrl(method.code)}}{Code}` : escapeLatex(noValue)
  const vocabulary = survey.vocabularies.find((candidate) => candidate.id === column.vocabulary)
  const value = method[key] as string | string[]
  return (typeof value === 'string' ? [value] : value).map((symbol) => symbolLatex(vocabulary, symbol)).join(', ')
}

/** A symbol as the paper sets it (trusted, from content/legend.md), or escaped text when no term defines it. */
function symbolLatex(vocabulary: Vocabulary | undefined, symbol: string): string {
  const term = vocabulary && findTerm(vocabulary, symbol)
  return term ? term.latex : escapeLatex(symbol)
}

/** The caption's legend, from the vocabularies: `\textbf{FT} (Fine-Tuning): {\checkmark}: full fine-tuning; …` */
export function renderLatexLegend(survey: Survey): string {
  return survey.vocabularies.map((vocabulary) => {
    const lead = vocabulary.description.replace(/\.$/, '')
    const terms = vocabulary.terms.map((term) => `{${term.latex}}: ${escapeLatex(term.meaning)}`).join('; ')
    return `\\textbf{${escapeLatex(vocabularyColumns[vocabulary.id])}}${lead ? ` (${escapeLatex(lead)})` : ''}: ${terms}.`
  }).join(' ')
}
