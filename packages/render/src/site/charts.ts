import type {Survey} from '@fmrl/model'
import type {Element} from 'hast'
import {s} from 'hastscript'
import {methodsPerYear} from '../mermaid/years.js'
import {roleColours} from '../shared/palette.js'
import {categoryMethods, roleTitle} from '../shared/survey.js'

/**
 * The page's charts as SVG drawn at build time (no Mermaid at run time). Text takes the theme's
 * colour (`currentColor`); bars the role colours, which hold 3:1 on both themes' backgrounds.
 * Widths of text are estimated from its length, as no fonts are measured here.
 */

const round = (value: number) => Math.round(value * 10) / 10

/** Axis steps of 1, 2, 5, 10, … so that at most six ticks label the axis. */
function tickStep(top: number): number {
  for (let magnitude = 1; ; magnitude *= 10) for (const step of [1, 2, 5]) if (top / (step * magnitude) <= 6) return step * magnitude
}

/** Methods per year as stacked bars, one segment per role from the bottom in taxonomy order; the y axis starts at 0 and a zero draws nothing. */
export function renderYearSvg(survey: Survey): Element {
  const rows = methodsPerYear(survey)
  const totals = rows.map((row) => row.counts.reduce((sum, count) => sum + count, 0))
  const step = tickStep(Math.max(1, ...totals))
  const top = Math.max(step, Math.ceil(Math.max(1, ...totals) / step) * step)
  const [left, right, upper, lower, band] = [40, 12, 16, 34, 84]
  const width = left + right + band * Math.max(1, rows.length)
  const height = 240
  const y = (value: number) => round(upper + (height - upper - lower) * (1 - value / top))
  const ticks = Array.from({length: top / step + 1}, (_, index) => index * step)
  const bars = rows.flatMap((row, column) => {
    const x = left + column * band + band * 0.2
    let base = 0
    const segments = row.counts.flatMap((count, roleIndex) => {
      const role = survey.taxonomy[roleIndex]!
      const from = base
      base += count
      if (count === 0) return []
      return [s('rect', {x, y: y(from + count), width: round(band * 0.6), height: round(y(from) - y(from + count)), fill: roleColours[role.id].hex, dataRole: role.id, dataYear: String(row.year), dataCount: String(count)}, s('title', `${row.year}, ${roleTitle(role)}: ${count}`))]
    })
    return [
      ...segments,
      s('text', {x: round(x + band * 0.3), y: y(totals[column]!) - 4, textAnchor: 'middle', className: ['total']}, String(totals[column])),
      s('text', {x: round(x + band * 0.3), y: height - lower + 16, textAnchor: 'middle'}, String(row.year))
    ]
  })
  return s('svg', {viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', ariaLabelledby: 'year-chart-title', className: ['chart']}, [
    s('title', {id: 'year-chart-title'}, `Methods per year and role, stacked from the bottom: ${survey.taxonomy.map((role) => `${roleTitle(role)} (${roleColours[role.id].name})`).join(', ')}`),
    ...ticks.flatMap((tick) => [
      s('line', {x1: left, x2: width - right, y1: y(tick), y2: y(tick), className: ['grid']}),
      s('text', {x: left - 6, y: y(tick) + 4, textAnchor: 'end'}, String(tick))
    ]),
    ...bars
  ])
}

/** The taxonomy as a left-to-right tree: roles, their categories with counts, each category's methods. */
export function renderTaxonomySvg(survey: Survey): Element {
  const [rowHeight, categoryGap, roleGap, top] = [20, 8, 18, 14]
  const columns = {role: 8, category: 188, method: 368}
  const nodes: Element[] = []
  let cursor = top
  for (const role of survey.taxonomy) {
    const categoryCentres: number[] = []
    for (const category of role.categories) {
      const methods = categoryMethods(survey, role, category)
      const rows = methods.map((_, index) => cursor + index * rowHeight)
      const centre = rows.length > 0 ? (rows[0]! + rows.at(-1)!) / 2 : cursor
      categoryCentres.push(centre)
      nodes.push(label(columns.category, centre, `${category.name} (${methods.length})`, 'category'))
      for (const [index, method] of methods.entries()) {
        nodes.push(connector(columns.category + 150, centre, columns.method - 6, rows[index]!))
        nodes.push(s('a', {href: `?q=${encodeURIComponent(method.name)}#methods`}, label(columns.method, rows[index]!, method.name, 'method')))
      }
      cursor += Math.max(1, methods.length) * rowHeight + categoryGap
    }
    const centre = (categoryCentres[0]! + categoryCentres.at(-1)!) / 2
    nodes.push(label(columns.role, centre, roleTitle(role), 'role'))
    for (const categoryCentre of categoryCentres) nodes.push(connector(columns.role + 160, centre, columns.category - 6, categoryCentre))
    cursor += roleGap
  }
  const width = columns.method + 8 + 8 * Math.max(10, ...survey.methods.map((method) => method.name.length))
  const height = Math.round(cursor - roleGap - categoryGap + 4)
  return s('svg', {viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', ariaLabelledby: 'taxonomy-chart-title', className: ['chart', 'taxonomy']}, [
    s('title', {id: 'taxonomy-chart-title'}, `The taxonomy: ${survey.taxonomy.length} roles, their categories and ${survey.methods.length} methods`),
    ...nodes
  ])
}

function label(x: number, y: number, text: string, kind: string): Element {
  return s('text', {x, y: round(y + 4), className: [kind]}, text)
}

/** An elbow from a parent's right to a child's left. */
function connector(fromX: number, fromY: number, toX: number, toY: number): Element {
  const middle = round((fromX + toX) / 2)
  return s('path', {d: `M${fromX} ${round(fromY)}H${middle}V${round(toY)}H${toX}`, className: ['edge']})
}
