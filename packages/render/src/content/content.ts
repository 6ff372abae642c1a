import {datasetColumns, environmentColumns, formatCitation, noValue, readingEntryColumns, relatedListColumns, vocabularyColumns, type Method, type MethodDraft, type Role, type Survey, type SurveyDraft, type Term} from '@fmrl/model'
import type {PhrasingContent, Root, RootContent} from 'mdast'
import {fromMarkdown} from '../markdown.js'
import {code, heading, paragraph, table, text} from '../nodes.js'
import {entryTable, methodCells, methodTable} from '../shared/cells.js'
import {notation} from '../symbols.js'

/** One content file in canonical form: its path below content/ and its tree. */
export interface ContentFileTree {
  path: string
  tree: Root
}

const root = (...children: RootContent[]): Root => ({type: 'root', children})
// A draft (`fmrl import` into an empty folder) leaves unknown values empty, for `fmrl build` to ask for.
const cell = (value: string | undefined): PhrasingContent[] => [text(value ?? '')]
const optional = (value: string | null | undefined): PhrasingContent[] => cell(value ?? noValue)

/**
 * The survey as content/ files in canonical form: what `fmrl add` appends, `fmrl import` writes and
 * round-trips compare. A draft renders too, its unknown values as empty cells.
 */
export function renderContent(survey: SurveyDraft): ContentFileTree[] {
  return [
    {path: 'survey.md', tree: renderSurveyFile(survey)},
    {path: 'taxonomy.md', tree: renderTaxonomyFile(survey)},
    {path: 'legend.md', tree: renderLegendFile(survey)},
    {path: 'references.md', tree: renderReferencesFile(survey)},
    {path: 'datasets.md', tree: renderDatasetsFile(survey)},
    {path: 'lists.md', tree: root(heading(1, text('Related lists')), entryTable(relatedListColumns, survey.relatedLists, 'content'))},
    {path: 'reading-list.md', tree: renderReadingListFile(survey)},
    {path: 'environments.md', tree: root(heading(1, text('Environments')), entryTable(environmentColumns, survey.environments, 'content'))},
    ...survey.taxonomy.map((role) => ({path: `methods/${role.id}.md`, tree: renderMethodsFile(survey, role)})),
    ...survey.sections.map((section) => ({
      path: `sections/${section.id}.md`,
      tree: root(heading(1, text(section.title)), ...(fromMarkdown(section.markdown).children as RootContent[]))
    }))
  ]
}

function renderSurveyFile(survey: SurveyDraft): Root {
  const {metadata} = survey
  return root(
    heading(1, text(metadata.title ?? '')),
    table(['Field', 'Value'], [
      [cell('List'), cell(metadata.list)],
      [cell('arXiv'), cell(metadata.arxiv)],
      [cell('Last update'), cell(metadata.lastUpdate)]
    ]),
    heading(2, text('Authors')),
    table(['Author', 'Affiliations', 'Equal contribution'], (metadata.authors ?? []).map((author) => [
      cell(author.name), cell(author.affiliations.join(', ')), cell(author.equalContribution ? 'yes' : 'no')
    ])),
    heading(2, text('Affiliations')),
    table(['Id', 'Affiliation', 'Short'], (metadata.affiliations ?? []).map((affiliation) => [
      cell(String(affiliation.id)), cell(affiliation.name), optional(affiliation.short)
    ])),
    heading(2, text('Citation')),
    code('bibtex', metadata.bibtex ?? '')
  )
}

function renderTaxonomyFile(survey: SurveyDraft): Root {
  return root(
    heading(1, text('Taxonomy')),
    heading(2, text('Roles')),
    table(['Role', 'Name', 'Emoji', 'Description'], survey.taxonomy.map((role) => [cell(role.id), cell(role.name), optional(role.emoji), cell(role.description)])),
    heading(2, text('Categories')),
    table(['Role', 'Category', 'Name', 'Description'], survey.taxonomy.flatMap((role) =>
      role.categories.map((category) => [cell(role.id), cell(category.id), cell(category.name), cell(category.description)])
    ))
  )
}

function renderLegendFile(survey: SurveyDraft): Root {
  return root(
    heading(1, text('Legend')),
    ...survey.vocabularies.flatMap((vocabulary) => [
      heading(2, text(vocabularyColumns[vocabulary.id])),
      ...(vocabulary.description ? [paragraph(text(vocabulary.description))] : []),
      table(['Symbol', 'Markdown', 'LaTeX', 'Meaning', 'Origin', 'Note'], vocabulary.terms.map(termRow))
    ])
  )
}

function termRow(term: Term): PhrasingContent[][] {
  return [cell(term.symbol), [notation(term.markdown)], [{type: 'inlineCode', value: term.latex}], cell(term.meaning), cell(term.origin), optional(term.note)]
}

function renderReferencesFile(survey: SurveyDraft): Root {
  return root(
    heading(1, text('References')),
    table(['Citation', 'Authors', 'Title', 'Venue'], survey.references.map((reference) => [
      cell(reference.citation && formatCitation(reference.citation)), cell(reference.authors), cell(reference.title), cell(reference.venue)
    ]))
  )
}

function renderDatasetsFile(survey: SurveyDraft): Root {
  return root(heading(1, text('Datasets')), entryTable(datasetColumns, survey.datasets, 'content'))
}

/** The reading list: one section heading and table per section, in the order sections first appear. */
function renderReadingListFile(survey: SurveyDraft): Root {
  const sections = [...new Set(survey.readingList.map((entry) => entry.section))]
  return root(
    heading(1, text('Reading list')),
    ...sections.flatMap((section) => [
      heading(2, text(section ?? '')),
      entryTable(readingEntryColumns, survey.readingList.filter((entry) => entry.section === section), 'content')
    ])
  )
}

function renderMethodsFile(survey: SurveyDraft, role: Role): Root {
  return root(
    heading(1, text(role.name)),
    ...role.categories.flatMap((category) => [
      heading(2, text(category.name)),
      methodTable(survey, survey.methods.filter((method) => method.role === role.id && method.category === category.id), 'content')
    ])
  )
}

/** A method as one content row, every column in content/'s order. */
export function methodRow(survey: Pick<Survey, 'vocabularies'>, method: Method | MethodDraft): PhrasingContent[][] {
  return methodCells(survey, method, 'content')
}
