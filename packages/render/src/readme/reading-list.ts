import {nameKey, type Environment, type Method, type NamedLink, type ReadingEntry, type Survey} from '@fmrl/model'
import type {PhrasingContent, RootContent} from 'mdast'
import {heading, joined, link, list, paragraph, text} from '../nodes.js'
import {categoryName, roleTitle} from '../shared/survey.js'

/**
 * The reading list and the environments as awesome-list entries: `- [Title](url) - Description.`
 * Nothing is rendered for an empty list, not even its heading.
 */

/** The related lists entries come from, in order of first use, each once. */
export function usedLists(entries: ReadonlyArray<{list: string}>): string[] {
  return [...new Set(entries.map((entry) => entry.list))]
}

/** The sections of the reading list, in the order they first appear. */
export function readingSections(survey: Survey): string[] {
  return [...new Set(survey.readingList.map((entry) => entry.section))]
}

/** The survey's methods by name key (the first of each, as duplicates are matched), for `readingItem`: one look-up an entry, not a pass over the methods. */
export function methodsByNameKey(survey: Survey): ReadonlyMap<string, Method> {
  const methods = new Map<string, Method>()
  for (const method of survey.methods) {
    const key = nameKey(method.name)
    if (!methods.has(key)) methods.set(key, method)
  }
  return methods
}

/** `📖 Reading List`: an introduction crediting the related lists, then one list per section under its heading. */
export function renderReadingList(survey: Survey): RootContent[] {
  if (survey.readingList.length === 0) return []
  const methods = methodsByNameKey(survey)
  return [
    heading(2, text('📖 Reading List')),
    paragraph(
      text('Papers beyond Table 1, from the related lists '),
      ...credits(survey, usedLists(survey.readingList), []),
      text('. An entry that is a method of Table 1 names its row instead of repeating its links.')
    ),
    ...readingSections(survey).flatMap((section) => [
      heading(3, text(section)),
      list(survey.readingList.filter((entry) => entry.section === section).map((entry) => readingItem(survey, entry, methods)))
    ])
  ]
}

/** `🎮 Environments`: open-source environments as entries, crediting the lists the reading list did not. */
export function renderEnvironments(survey: Survey): RootContent[] {
  if (survey.environments.length === 0) return []
  return [
    heading(2, text('🎮 Environments')),
    paragraph(text('Open-source environments and benchmarks to run RL experiments in, from '), ...credits(survey, usedLists(survey.environments), usedLists(survey.readingList)), text('.')),
    list(survey.environments.map(environmentItem))
  ]
}

/** The lists named, each linked unless an earlier section linked it already (a link is listed once). */
function credits(survey: Survey, ids: readonly string[], linkedBefore: readonly string[]): PhrasingContent[] {
  return joined(ids.map((id) => {
    const related = survey.relatedLists.find((candidate) => candidate.id === id)
    if (!related) return [text(id)]
    return related.url && !linkedBefore.includes(id) ? [link(related.url, text(related.title))] : [text(related.title)]
  }))
}

/**
 * One reading-list entry. An entry that is a survey method (found in `methods`, from
 * `methodsByNameKey`) drops the links its row already has (its paper and code) and says where the
 * row is; the rest is kept.
 */
export function readingItem(survey: Survey, entry: ReadingEntry, methods: ReadonlyMap<string, Method>): PhrasingContent[] {
  const method = entry.method === null ? undefined : methods.get(nameKey(entry.method))
  const known = new Set(method ? [method.paper, method.code].filter((url): url is string => url !== null) : [])
  const fresh = (links: readonly NamedLink[]) => links.filter((named) => !named.url || !known.has(named.url))
  const title: PhrasingContent = entry.url && !known.has(entry.url) ? link(entry.url, text(entry.title)) : text(entry.title)
  const sentences: PhrasingContent[][] = [
    ...(method ? [[text(`In Table 1 as ${method.name}, ${roleTitle(survey.taxonomy.find((role) => role.id === method.role)!)} › ${categoryName(survey, method)}`)]] : []),
    ...(entry.authors.length > 0 ? [[text(entry.authors.join(', '))]] : []),
    ...(entry.venue || entry.date ? [[text([entry.venue, entry.date].filter(Boolean).join(', '))]] : []),
    ...(entry.keywords.length > 0 ? [[text(`Keywords: ${entry.keywords.join(', ')}`)]] : []),
    ...namedLinks('Environments', fresh(entry.environments)),
    ...namedLinks('Links', fresh(entry.links)),
    ...(entry.note ? [[text(entry.note)]] : []),
    ...(entry.overview ? [[text(entry.overview)]] : [])
  ]
  return [title, ...description(sentences)]
}

function environmentItem(environment: Environment): PhrasingContent[] {
  return [
    link(environment.url, text(environment.name)),
    ...description([
      ...(environment.description ? [[text(environment.description)]] : []),
      ...(environment.image ? [[link(environment.image, text('Picture'))]] : [])
    ])
  ]
}

function namedLinks(label: string, links: readonly NamedLink[]): PhrasingContent[][] {
  if (links.length === 0) return []
  return [[text(`${label}: `), ...joined(links.map((named) => [named.url ? link(named.url, text(named.name)) : text(named.name)]))]]
}

/** ` - First. Second.`: sentences after the entry's link, each closed by a full stop unless it ends in one. */
function description(sentences: PhrasingContent[][]): PhrasingContent[] {
  if (sentences.length === 0) return []
  const closed = sentences.map((sentence) => {
    const last = sentence.at(-1)
    return last?.type === 'text' && /[.!?…]$/.test(last.value) ? sentence : [...sentence, text('.')]
  })
  return merge([text(' - '), ...joined(closed, ' ')])
}

/** Adjacent text nodes as one, as a Markdown reader would give them back. */
function merge(nodes: PhrasingContent[]): PhrasingContent[] {
  const merged: PhrasingContent[] = []
  for (const node of nodes) {
    const last = merged.at(-1)
    if (node.type === 'text' && last?.type === 'text') merged[merged.length - 1] = text(last.value + node.value)
    else merged.push(node)
  }
  return merged
}
