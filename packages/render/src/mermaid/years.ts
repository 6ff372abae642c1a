import type {Survey} from '@fmrl/model'
import {roleTitle} from '../shared/survey.js'
import {mermaidString} from './escape.js'

/** Methods per citation year and role, every year from the first to the last (years without methods count 0). */
export function methodsPerYear(survey: Survey): Array<{year: number; counts: number[]}> {
  const years = survey.methods.map((method) => method.citation.year)
  if (years.length === 0) return []
  const first = Math.min(...years)
  return Array.from({length: Math.max(...years) - first + 1}, (_, offset) => ({
    year: first + offset,
    counts: survey.taxonomy.map((role) => survey.methods.filter((method) => method.role === role.id && method.citation.year === first + offset).length)
  }))
}

/**
 * A stacked bar chart of methods per year per role (Mermaid xychart). xychart draws bars on top of
 * each other, so each role's bar is the running total up to it, drawn tallest first: the visible
 * stack reads bottom-up in taxonomy order and each bar's title names its visible segment.
 */
export function yearChart(survey: Survey): string {
  const rows = methodsPerYear(survey)
  const totals = (upTo: number) => rows.map((row) => row.counts.slice(0, upTo + 1).reduce((sum, count) => sum + count, 0))
  const top = Math.max(0, ...totals(survey.taxonomy.length - 1))
  const bars = survey.taxonomy.map((role, index) => `  bar ${mermaidString(roleTitle(role))} [${totals(index).join(', ')}]`).reverse()
  return [
    'xychart-beta',
    `  title ${mermaidString('Methods per year and role')}`,
    `  x-axis ${mermaidString('Year')} [${rows.map((row) => mermaidString(String(row.year))).join(', ')}]`,
    `  y-axis ${mermaidString('Methods')} 0 --> ${top}`,
    ...bars
  ].join('\n')
}
