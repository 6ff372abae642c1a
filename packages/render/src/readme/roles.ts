import type {Category, Role, Survey} from '@fmrl/model'
import type {RootContent} from 'mdast'
import {heading, list, paragraph, text} from '../nodes.js'
import {methodTable} from '../shared/cells.js'
import {categoryMethods, roleTitle} from '../shared/survey.js'

/** One section per role: description, member list per category, then one table per category. */
export function renderRole(survey: Survey, role: Role): RootContent[] {
  return [
    heading(2, text(roleTitle(role))),
    paragraph(text(role.description)),
    renderMembers(survey, role),
    ...role.categories.flatMap((category) => renderCategory(survey, role, category))
  ]
}

/**
 * `Parametric (6): AGILE, …`: derived from the model so it can never disagree with the tables.
 * Plain text first, as awesome-lint's list-item rule wants of a list item that is no link entry.
 */
export function renderMembers(survey: Survey, role: Role): RootContent {
  return list(role.categories.map((category) => {
    const methods = categoryMethods(survey, role, category)
    return [text(`${category.name} (${methods.length}): ${methods.map((method) => method.name).join(', ')}`)]
  }))
}

function renderCategory(survey: Survey, role: Role, category: Category): RootContent[] {
  return [heading(3, text(category.name)), paragraph(text(category.description)), methodTable(survey, categoryMethods(survey, role, category), 'readme')]
}
