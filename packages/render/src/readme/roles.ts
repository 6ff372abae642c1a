import type {Category, Role, Survey} from '@fmrl/model'
import type {RootContent} from 'mdast'
import {heading, list, paragraph, strong, text} from '../nodes.js'
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

/** `**Parametric** (6): AGILE, …`: derived from the model so it can never disagree with the tables. */
export function renderMembers(survey: Survey, role: Role): RootContent {
  return list(role.categories.map((category) => {
    const methods = categoryMethods(survey, role, category)
    return [strong(text(category.name)), text(` (${methods.length}): ${methods.map((method) => method.name).join(', ')}`)]
  }))
}

function renderCategory(survey: Survey, role: Role, category: Category): RootContent[] {
  return [heading(3, text(category.name)), paragraph(text(category.description)), methodTable(survey, categoryMethods(survey, role, category), 'readme')]
}
