import type {Survey} from '@fmrl/model'
import {categoryMethods, roleTitle} from '../shared/survey.js'
import {mermaidString} from './escape.js'

/**
 * The taxonomy as a Mermaid flowchart, like the paper's Figure 1: the survey, its roles, their
 * categories (with counts) and each category's methods. Node ids are positional (`r0`, `r0c1`, `m12`)
 * so no name can clash with Mermaid keywords such as `end`.
 */
export function taxonomyChart(survey: Survey): string {
  const lines = ['flowchart LR', `  survey[${mermaidString(survey.metadata.title)}]`]
  let next = 0
  survey.taxonomy.forEach((role, roleIndex) => {
    const roleId = `r${roleIndex}`
    lines.push(`  survey --> ${roleId}[${mermaidString(roleTitle(role))}]`)
    role.categories.forEach((category, categoryIndex) => {
      const categoryId = `${roleId}c${categoryIndex}`
      const methods = categoryMethods(survey, role, category)
      lines.push(`  ${roleId} --> ${categoryId}[${mermaidString(`${category.name} (${methods.length})`)}]`)
      for (const method of methods) lines.push(`  ${categoryId} --> m${next++}[${mermaidString(method.name)}]`)
    })
  })
  return lines.join('\n')
}
