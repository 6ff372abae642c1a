import type {Survey} from '@fmrl/model'
import type {Root, RootContent} from 'mdast'
import {heading, joined, link, paragraph, text} from '../nodes.js'
import {methodTable} from '../shared/cells.js'
import {renderGeneratedComment} from '../shared/generated.js'
import {categoryMethods, rolePagePath, roleTitle} from '../shared/survey.js'
import {renderLegend} from './legend.js'

/**
 * tables/table1.md: the survey's Table 1 with its ten columns, one table per category under a heading
 * per role, in the paper's order, then the legend.
 */
export function renderTable1(survey: Survey): Root {
  return {
    type: 'root',
    children: [
      renderGeneratedComment(),
      heading(1, text('Table 1: LLM- and VLM-integrated RL methods')),
      paragraph(
        text(`The ${survey.methods.length} methods of the survey `),
        link(`https://arxiv.org/abs/${survey.metadata.arxiv}`, text(survey.metadata.title)),
        text(', compared on the attributes of its Table 1, by role and category in the paper\'s order. Symbols are explained in the '),
        link('#legend', text('legend')),
        text('. One page per role: '),
        ...joined(survey.taxonomy.map((role) => [link(rolePagePath(role), text(role.name))])),
        text('.')
      ),
      ...survey.taxonomy.flatMap((role): RootContent[] => [
        heading(2, text(roleTitle(role))),
        ...role.categories.flatMap((category) => [
          heading(3, text(category.name)),
          methodTable(survey, categoryMethods(survey, role, category), 'table1')
        ])
      ]),
      ...renderLegend(survey)
    ]
  }
}
