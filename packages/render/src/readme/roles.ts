import {formatCitation, type Category, type Method, type Role, type Survey} from '@fmrl/model'
import type {PhrasingContent, RootContent} from 'mdast'
import {heading, link, list, paragraph, strong, table, text} from '../nodes.js'
import {symbolCell} from '../symbols.js'

/** The methods of one category, in the survey's order. */
export function categoryMethods(survey: Survey, role: Role, category: Category): Method[] {
  return survey.methods.filter((method) => method.role === role.id && method.category === category.id)
}

/** A role's heading text, emoji first when it has one. */
export function roleTitle(role: Role): string {
  return role.emoji ? `${role.emoji} ${role.name}` : role.name
}

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

const headers = ['Method [citation]', 'Model(s)', 'FT', 'RL Role', 'Metrics', 'Code']

function renderCategory(survey: Survey, role: Role, category: Category): RootContent[] {
  const rows = categoryMethods(survey, role, category).map((method) => [
    methodCell(method),
    [text(method.models.join(', '))],
    symbolCell(survey, 'ft', [method.ft]),
    symbolCell(survey, 'rlRole', method.rlRoles),
    symbolCell(survey, 'metric', method.metrics),
    codeCell(method.code)
  ])
  return [heading(3, text(category.name)), paragraph(text(category.description)), table(headers, rows)]
}

/** The method's name (linked to its paper where known) and its citation in brackets. */
export function methodCell(method: Method): PhrasingContent[] {
  const name = method.paper ? link(method.paper, text(method.name)) : text(method.name)
  return [name, text(` [${formatCitation(method.citation)}]`)]
}

/** `[Code](url)`, or `-` when the method has no public code. */
export function codeCell(url: string | null): PhrasingContent[] {
  return url ? [link(url, text('Code'))] : [text('-')]
}

