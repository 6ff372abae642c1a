import type {Survey} from '@fmrl/model'
import type {RootContent} from 'mdast'
import {taxonomyChart} from '../mermaid/taxonomy.js'
import {methodsPerYear, yearChart} from '../mermaid/years.js'
import {code, heading, html, joined, link, paragraph, strong, table, text} from '../nodes.js'
import {roleColours} from '../shared/palette.js'
import {rolePagePath, roleTitle} from '../shared/survey.js'
import {sitePath} from '../site/paths.js'

/**
 * Links to the other outputs, then the taxonomy and the methods per year as pictures GitHub draws
 * from Mermaid. The taxonomy, a tall chart with a node per method, is folded in `<details>`.
 */
export function renderPictures(survey: Survey): RootContent[] {
  return [
    renderOutputLinks(survey),
    heading(3, text('Taxonomy')),
    ...folded(`The taxonomy as a chart: ${survey.taxonomy.length} roles, ${survey.taxonomy.reduce((count, role) => count + role.categories.length, 0)} categories, ${survey.methods.length} methods`, code('mermaid', taxonomyChart(survey))),
    heading(3, text('Methods per year')),
    code('mermaid', yearChart(survey)),
    renderYearCaption(survey),
    renderYearTable(survey)
  ]
}

/** Content GitHub shows collapsed under a summary line (the summary is plain text, no HTML of content/). */
function folded(summary: string, content: RootContent): RootContent[] {
  return [html(`<details>\n<summary>${summary}</summary>`), content, html('</details>')]
}

/** Which bar is which, by position and colour name: the chart says nothing by colour alone. */
function renderYearCaption(survey: Survey): RootContent {
  const roles = survey.taxonomy.map((role) => `${roleTitle(role)} (${roleColours[role.id].name})`)
  return paragraph(text(`Each year's bar stacks, from the bottom: ${roles.join(', ')}. The table gives the numbers.`))
}

/** The chart's numbers as a table: readable where Mermaid is not drawn, and exact where bars are not. */
export function renderYearTable(survey: Survey): RootContent {
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
    link(sitePath, text('a web page to filter and sort the methods')),
    text(', '),
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
