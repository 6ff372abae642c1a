import type {Survey} from '@fmrl/model'
import type {RootContent} from 'mdast'
import {taxonomyChart} from '../mermaid/taxonomy.js'
import {methodsPerYear, yearChart} from '../mermaid/years.js'
import {code, heading, joined, link, paragraph, strong, table, text} from '../nodes.js'
import {rolePagePath, roleTitle} from '../shared/survey.js'

/** Links to the other outputs, then the taxonomy and the methods per year as pictures GitHub draws from Mermaid. */
export function renderPictures(survey: Survey): RootContent[] {
  return [
    renderOutputLinks(survey),
    heading(3, text('Taxonomy')),
    code('mermaid', taxonomyChart(survey)),
    heading(3, text('Methods per year')),
    code('mermaid', yearChart(survey)),
    renderYearTable(survey)
  ]
}

/** The chart's numbers as a table: readable where Mermaid is not drawn, and exact where bars are not. */
function renderYearTable(survey: Survey): RootContent {
  const rows = methodsPerYear(survey).map(({year, counts}) => [
    [text(String(year))],
    ...counts.map((count) => [text(String(count))]),
    [text(String(counts.reduce((sum, count) => sum + count, 0)))]
  ])
  return table(['Year', ...survey.taxonomy.map(roleTitle), 'Total'], rows)
}

function renderOutputLinks(survey: Survey): RootContent {
  return paragraph(
    strong(text('Every view of the survey')),
    text(', generated from the same model: '),
    link('tables/table1.md', text('Table 1 with its legend')),
    text(' (also as '),
    link('tables/table1.tex', text('LaTeX')),
    text('), one page per role ('),
    ...joined(survey.taxonomy.map((role) => [link(`tables/${rolePagePath(role)}`, text(role.name))])),
    text(') and the whole model as '),
    link('export/survey.json', text('JSON')),
    text(' with its '),
    link('export/survey.schema.json', text('JSON Schema')),
    text('.')
  )
}
