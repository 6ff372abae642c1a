import type {Survey} from '@fmrl/model'
import {categoryMethods, roleTitle} from '../shared/survey.js'
import {mermaidString} from './escape.js'
import {mermaidId, methodIds} from './ids.js'

/**
 * The taxonomy as a Mermaid flowchart, like the paper's Figure 1: the survey, its roles, their
 * categories (with counts) and each category's methods. Node ids come from the role, category and
 * method themselves (`r_agent`, `c_agent_parametric`, `m_agile`), so a new method adds one line and
 * changes its category's count, and nothing else.
 */
export function taxonomyChart(survey: Survey): string {
  const ids = methodIds(survey.methods)
  const lines = ['flowchart LR', `  survey[${mermaidString(survey.metadata.title)}]`]
  for (const role of survey.taxonomy) {
    const roleId = mermaidId('r', role.id)
    lines.push(`  survey --> ${roleId}[${mermaidString(roleTitle(role))}]`)
    for (const category of role.categories) {
      const categoryId = mermaidId('c', `${role.id} ${category.id}`)
      const methods = categoryMethods(survey, role, category)
      lines.push(`  ${roleId} --> ${categoryId}[${mermaidString(`${category.name} (${methods.length})`)}]`)
      for (const method of methods) lines.push(`  ${categoryId} --> ${ids.get(method)}[${mermaidString(method.name)}]`)
    }
  }
  return lines.join('\n')
}
