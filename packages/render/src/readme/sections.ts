import {datasetColumns, table1Attributes, type Section, type SectionId, type Survey} from '@fmrl/model'
import type {RootContent} from 'mdast'
import {fromMarkdown} from '../markdown.js'
import {code, heading, link, paragraph, strong, text} from '../nodes.js'
import {entryTable} from '../shared/cells.js'
import {counted} from '../shared/survey.js'

/** Find a prose section; content/ must hold every one (the parser reports a missing file). */
export function section(survey: Survey, id: SectionId): Section | undefined {
  return survey.sections.find((candidate) => candidate.id === id)
}

/** A prose section: its heading, then its Markdown body as nodes. */
export function renderProse(survey: Survey, id: SectionId, extra: RootContent[] = []): RootContent[] {
  const prose = section(survey, id)
  if (!prose) return []
  return [heading(2, text(prose.title)), ...(fromMarkdown(prose.markdown).children as RootContent[]), ...extra]
}

/** Counts stated in prose go stale; this one is derived from the model at every build. */
export function renderAtAGlance(survey: Survey): RootContent {
  const categories = survey.taxonomy.reduce((count, role) => count + role.categories.length, 0)
  return paragraph(
    strong(text('At a glance')),
    text(`: ${counted(survey.methods.length, 'method')} in ${counted(survey.taxonomy.length, 'role')} and ${counted(categories, 'category', 'categories')}, each compared on the ${table1Attributes.length} attributes of the survey's Table 1.`)
  )
}

export function renderDatasets(survey: Survey): RootContent[] {
  return [heading(2, text('🔍 Datasets')), entryTable(datasetColumns, survey.datasets, 'markdown')]
}

/**
 * After the contributing prose: where the contributor guide and the code of conduct are. Rendered
 * here, not written in content/sections/, because the links are relative to README.md.
 */
export function renderContributorLinks(): RootContent {
  return paragraph(
    link('CONTRIBUTING.md', text('CONTRIBUTING.md')),
    text(' tells how to check and lint a change, what the build generates, and how CI and the web page run. Everyone taking part follows the '),
    link('code-of-conduct.md', text('code of conduct')),
    text('.')
  )
}

export function renderCitation(survey: Survey): RootContent[] {
  return [
    heading(2, text('📚 Citation')),
    paragraph(text('If you find this work helpful, please cite the survey:')),
    code('bibtex', survey.metadata.bibtex)
  ]
}

// An emoji without a variation selector: GitHub and awesome-lint's table-of-contents rule disagree on whether U+FE0F belongs in the heading's id.
export function renderLastUpdate(survey: Survey): RootContent[] {
  return [heading(2, text('📅 Last Update')), paragraph(text(survey.metadata.lastUpdate))]
}
