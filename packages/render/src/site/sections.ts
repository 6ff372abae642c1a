import {datasetColumns, type Survey} from '@fmrl/model'
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import {methodsByNameKey, readingItem, readingSections, renderEnvironments, renderReadingList} from '../readme/reading-list.js'
import {entryTable} from '../shared/cells.js'
import {phrasingHast, toPageHast} from './hast.js'

/**
 * The page's sections beside the methods, each rendered from the same mdast as the README's, so an
 * entry reads alike in both: the reading list, the environments, the datasets. An empty list
 * renders no section at all.
 */

/** A section with its heading, labelled for landmarks and linked from the navigation by `id`. */
export function section(id: string, title: string, ...content: ElementContent[]): Element {
  return h('section', {id, ariaLabelledby: `${id}-title`}, [h('h2', {id: `${id}-title`}, title), ...content])
}

export function renderReadingSection(survey: Survey): Element | undefined {
  const readme = renderReadingList(survey)
  if (readme.length === 0) return undefined
  const [, intro] = readme
  const methods = methodsByNameKey(survey)
  return section('reading-list', 'Reading list',
    ...toPageHast([intro!]),
    ...readingSections(survey).flatMap((name, index) => [
      h('h3', {id: `reading-${index + 1}`}, name),
      h('ul', {className: ['entries']}, survey.readingList.filter((entry) => entry.section === name).map((entry) => h('li', phrasingHast(readingItem(survey, entry, methods)))))
    ])
  )
}

export function renderEnvironmentSection(survey: Survey): Element | undefined {
  const readme = renderEnvironments(survey)
  if (readme.length === 0) return undefined
  const [, intro, list] = readme
  return section('environments', 'Environments', ...toPageHast([intro!, list!]).map(withClass('entries')))
}

export function renderDatasetSection(survey: Survey): Element | undefined {
  if (survey.datasets.length === 0) return undefined
  return section('datasets', 'Datasets', h('div', {className: ['table-wrap']}, toPageHast([entryTable(datasetColumns, survey.datasets, 'markdown')])))
}

/** Gives a `ul` a class (lists converted from mdast come without one). */
function withClass(name: string) {
  return (node: ElementContent): ElementContent => (node.type === 'element' && node.tagName === 'ul' ? {...node, properties: {...node.properties, className: [name]}} : node)
}
