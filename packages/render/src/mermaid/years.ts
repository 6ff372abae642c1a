import type {Survey} from '@fmrl/model'
import {roleColours} from '../shared/palette.js'
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
 * A stacked bar chart of methods per year per role (Mermaid xychart), its y axis from 0. xychart
 * draws bars on top of each other, so each role's bar is the running total up to it, drawn tallest
 * first: the visible stack reads bottom-up in taxonomy order, each bar's title names its visible
 * segment, and a role without methods in a year adds a segment of height 0.
 *
 * An init directive sets the palette (one colour per role, in the bars' order) and hides the y
 * axis's labels: with labels, xychart lifts its 0 by half a label's height above the base the bars
 * stand on, so every bar grows by that much and a zero draws a sliver. Without them 0 is the base,
 * heights are proportional and a zero draws nothing; the table beside the chart gives the numbers.
 */
export function yearChart(survey: Survey): string {
  const rows = methodsPerYear(survey)
  const totals = (upTo: number) => rows.map((row) => row.counts.slice(0, upTo + 1).reduce((sum, count) => sum + count, 0))
  const top = Math.max(1, ...totals(survey.taxonomy.length - 1))
  const drawn = survey.taxonomy.map((role, index) => ({role, index})).reverse()
  const init = {
    xyChart: {yAxis: {showLabel: false, showTick: false}},
    themeVariables: {xyChart: {plotColorPalette: drawn.map(({role}) => roleColours[role.id].hex).join(', ')}}
  }
  return [
    `%%{init: ${JSON.stringify(init)}}%%`,
    'xychart-beta',
    `  title ${mermaidString('Methods per year and role')}`,
    `  x-axis ${mermaidString('Year')} [${rows.map((row) => mermaidString(String(row.year))).join(', ')}]`,
    `  y-axis ${mermaidString('Methods, from 0')} 0 --> ${top}`,
    ...drawn.map(({role, index}) => `  bar ${mermaidString(roleTitle(role))} [${totals(index).join(', ')}]`)
  ].join('\n')
}
