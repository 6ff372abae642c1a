import type {Survey} from '@fmrl/model'
import type {Element, ElementContent, Root} from 'hast'
import type {Raw} from 'mdast-util-to-hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import {renderYearTable} from '../readme/pictures.js'
import {roleColours} from '../shared/palette.js'
import type {SerializedMemory} from '../memory.js'
import {generatedNotice} from '../shared/generated.js'
import {roleTitle} from '../shared/survey.js'
import {sha256} from '../digest.js'
import {renderTaxonomySvg, renderYearSvg} from './charts.js'
import {bootTheme, runPage} from './client.js'
import {pageFacets, type Facet} from './facets.js'
import {breakLines, inlineHast, removeUnsafeLinks, toPageHast} from './hast.js'
import {fillSlots, keptRows, methodRowsSlot, pageColumns, pageDataParts, pageDataSlot, renderMethodsTable, rowParts} from './methods.js'
import {renderDatasetSection, renderEnvironmentSection, renderReadingSection, section} from './sections.js'
import {pageStyle} from './style.js'

/**
 * site/index.html: one static page with every method, filterable, sortable and searchable, the
 * charts as SVG, the reading list and environments, in light and dark. Everything is built as hast,
 * so every text from content/ is escaped by the serializer (math is KaTeX's MathML); links other
 * than http(s) and in-page ones are dropped; a Content-Security-Policy lets only the page's own two
 * scripts and style run. The methods table's rows are remembered in `memory` (`SerializedMemory`),
 * each by its method, its place and the rest of the survey: a row an earlier render made is taken.
 */
export function renderSite(survey: Survey, memory?: SerializedMemory): string {
  return renderSiteParts(survey, memory).join('')
}

/**
 * `renderSite`'s page as parts whose concatenation is its text, each row of the methods table one of
 * them: at 50,000 rows the page is 83 million characters, so a caller that encodes or writes the parts
 * one by one never makes it one string. No part ends inside a character (a surrogate pair).
 */
export function renderSiteParts(survey: Survey, memory?: SerializedMemory): string[] {
  const scripts = {boot: `(${bootTheme.toString()})()`, page: `(${runPage.toString()})()`}
  const style = pageStyle + Object.entries(roleColours).map(([role, colour]) => `.swatch.${role}{background:${colour.hex}}`).join('\n') + '\n'
  const facets = pageFacets(survey)
  // The rows an earlier render made are taken; only the others' cells are converted.
  const {keys, missing} = keptRows(survey, memory)
  const columns = pageColumns(survey, missing)
  const methods = renderMethodsTable(survey, columns, {keys, memory})
  const main = [
    renderMethodsSection(survey, facets, methods.table),
    renderChartsSection(survey),
    renderReadingSection(survey),
    renderEnvironmentSection(survey),
    renderDatasetSection(survey),
    section('citation', 'Citation', h('p', 'If you find this work helpful, please cite the survey:'), h('pre', h('code', survey.metadata.bibtex)))
  ].filter((node): node is Element => node !== undefined)
  const tree: Root = {
    type: 'root',
    children: [
      {type: 'doctype'},
      {type: 'comment', value: ` ${generatedNotice} `},
      h('html', {lang: 'en'}, [
        h('head', [
          h('meta', {charset: 'utf-8'}),
          h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
          h('meta', {httpEquiv: 'Content-Security-Policy', content: contentSecurityPolicy([scripts.boot, scripts.page], [style])}),
          h('title', survey.metadata.list),
          // No favicon to fetch.
          h('link', {rel: 'icon', href: 'data:,'}),
          h('meta', {name: 'description', content: `The ${survey.methods.length} methods of the survey ${survey.metadata.title}, to filter, sort and search.`}),
          h('style', style),
          script(scripts.boot)
        ]),
        h('body', [
          h('a', {className: ['skip'], href: '#methods'}, 'Skip to the methods'),
          renderPageHeader(survey, main),
          h('main', main),
          h('footer', [h('p', [`Last update ${survey.metadata.lastUpdate}. `, generatedNotice])]),
          h('script', {type: 'application/json', id: 'page-data'}, [{type: 'raw', value: pageDataSlot} satisfies Raw]),
          script(scripts.page)
        ])
      ])
    ]
  }
  removeUnsafeLinks(tree)
  breakLines(tree)
  // Raw nodes are KaTeX's MathML (see mathElement), and the slots of the table's rows and of the page's data (escaped for a script); every other node is escaped.
  const parts = fillSlots(toHtml(tree, {allowDangerousHtml: true}), [{slot: methodRowsSlot, parts: rowParts(methods.rows)}, {slot: pageDataSlot, parts: pageDataParts(survey, facets, columns)}])
  parts.push('\n')
  return parts
}

/** An inline script of the page's own; its text must not be able to end the element. */
function script(source: string): Element {
  if (/<\/script/i.test(source)) throw new Error('An inline script must not contain `</script`')
  return h('script', source)
}

/** Nothing loads from anywhere: only these scripts and this style sheet run, by their hashes. */
function contentSecurityPolicy(scripts: readonly string[], styles: readonly string[]): string {
  const hash = (source: string) => `'sha256-${sha256(source)}'`
  return [`default-src 'none'`, `script-src ${scripts.map(hash).join(' ')}`, `style-src ${styles.map(hash).join(' ')}`, `img-src 'self' data:`, `base-uri 'none'`, `form-action 'none'`].join('; ')
}

function renderPageHeader(survey: Survey, sections: readonly Element[]): Element {
  const {metadata} = survey
  return h('header', [
    h('h1', metadata.list),
    h('p', {className: ['paper']}, [
      'The methods of the survey ',
      h('a', {href: `https://arxiv.org/abs/${metadata.arxiv}`}, metadata.title),
      ` (${metadata.authors.map((author) => author.name).join(', ')}), `,
      `compared on every attribute of its Table 1.`
    ]),
    h('div', {className: ['bar']}, [
      h('nav', {ariaLabel: 'Sections'}, h('ul', sections.map((node) => h('li', h('a', {href: `#${String(node.properties.id)}`}, sectionTitle(node)))))),
      h('button', {type: 'button', id: 'theme-toggle', hidden: true}, 'Dark theme')
    ])
  ])
}

function sectionTitle(node: Element): string {
  const heading = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'h2')
  const text = heading?.children[0]
  return text?.type === 'text' ? text.value : String(node.properties.id)
}

function renderMethodsSection(survey: Survey, facets: readonly Facet[], table: Element): Element {
  return section('methods', 'Methods',
    h('div', {className: ['layout']}, [
      h('details', {id: 'filter-panel', open: true}, [
        h('summary', 'Filters and legend'),
        h('form', {id: 'filters', ariaLabel: 'Filter the methods'}, [
          h('label', {className: ['search'], for: 'search'}, 'Search'),
          h('input', {type: 'search', id: 'search', autocomplete: 'off', placeholder: 'name, model, meaning…'}),
          h('p', {className: ['lead']}, 'Within a filter, a method matches any checked value; it must match every filter.'),
          ...facets.map(renderFacet),
          h('button', {type: 'button', id: 'clear'}, 'Clear filters')
        ])
      ]),
      h('div', {className: ['results']}, [
        h('p', {id: 'status', role: 'status'}, `Showing all ${survey.methods.length} methods.`),
        h('div', {className: ['table-wrap'], role: 'region', ariaLabelledby: 'methods-caption', tabIndex: 0}, table)
      ])
    ])
  )
}

/** A filter as a group of checkboxes; each option shows its symbol and meaning, so the filters are the legend. */
function renderFacet(facet: Facet): Element {
  return h('fieldset', [
    h('legend', [facet.label, h('span', {dataSelected: facet.id}), ...(facet.description ? [h('span', {className: ['lead']}, facet.description)] : [])]),
    h('ul', facet.options.map((option) => h('li', h('label', [
      h('input', {type: 'checkbox', name: facet.id, value: option.value}),
      ...(option.meaning === undefined ? [h('span', inlineHast(option.label))] : [h('span', {className: ['symbol']}, inlineHast(option.label)), h('span', option.meaning)]),
      h('span', {className: ['count'], title: option.count === 1 ? '1 method' : `${option.count} methods`}, String(option.count))
    ]))))
  ])
}

function renderChartsSection(survey: Survey): Element {
  const legend = h('ul', {className: ['legend']}, survey.taxonomy.map((role) => h('li', [h('span', {className: ['swatch', role.id]}), `${roleTitle(role)} (${roleColours[role.id].name})`])))
  const content: ElementContent[] = [
    h('h3', 'Methods per year'),
    h('p', 'Each year\'s bar stacks its methods by role, from the bottom in this order:'),
    legend,
    h('div', {className: ['figure']}, renderYearSvg(survey)),
    h('div', {className: ['table-wrap']}, toPageHast([renderYearTable(survey)])),
    h('h3', 'Taxonomy'),
    h('p', 'Select a method to show only it in the table.'),
    h('div', {className: ['figure']}, renderTaxonomySvg(survey))
  ]
  return section('charts', 'Charts', ...content)
}
