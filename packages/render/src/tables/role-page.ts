import type {Role, Survey} from '@fmrl/model'
import type {Root} from 'mdast'
import {heading, link, paragraph, text} from '../nodes.js'
import {methodTable} from '../shared/cells.js'
import {renderGeneratedComment} from '../shared/generated.js'
import {categoryMethods, counted, roleTitle} from '../shared/survey.js'

/** tables/<role>.md: one role's methods with every column, one table per category, each row linking code and paper. */
export function renderRolePage(survey: Survey, role: Role): Root {
  const count = survey.methods.filter((method) => method.role === role.id).length
  return {
    type: 'root',
    children: [
      renderGeneratedComment(),
      heading(1, text(roleTitle(role))),
      paragraph(text(role.description)),
      paragraph(
        text(`${counted(count, 'method')} in ${counted(role.categories.length, 'category', 'categories')}. Symbols are explained in the `),
        link('table1.md#legend', text('legend of Table 1')),
        text('; '),
        link('table1.md', text('Table 1')),
        text(' lists all roles together.')
      ),
      ...role.categories.flatMap((category) => [
        heading(2, text(category.name)),
        paragraph(text(category.description)),
        methodTable(survey, categoryMethods(survey, role, category), 'rolePage')
      ])
    ]
  }
}
