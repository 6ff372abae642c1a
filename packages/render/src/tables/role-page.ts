import {methodColumns, type Role, type Survey} from '@fmrl/model'
import type {Root} from 'mdast'
import {heading, link, paragraph, table, text} from '../nodes.js'
import {renderGeneratedComment} from '../readme/header.js'
import {categoryMethods, roleTitle} from '../readme/roles.js'
import {methodCells} from './cells.js'

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
        text(`${count} methods in ${role.categories.length} categories. Symbols are explained in the `),
        link('table1.md#legend', text('legend of Table 1')),
        text('; '),
        link('table1.md', text('Table 1')),
        text(' lists all roles together.')
      ),
      ...role.categories.flatMap((category) => [
        heading(2, text(category.name)),
        paragraph(text(category.description)),
        table(methodColumns.map((column) => column.header), categoryMethods(survey, role, category).map((method) => {
          const cells = methodCells(survey, method)
          return methodColumns.map((column) => cells[column.key])
        }))
      ])
    ]
  }
}
