import {decoded, namedLinksColumn, plainColumn, problem, text, textColumn, textListColumn, urlColumn, type Column} from './codec.js'
import type {Environment, ReadingEntry, RelatedList} from './reading-list.js'
import type {Dataset} from './survey.js'

/** A four-digit year cell. */
function yearColumn<T, K extends keyof T & string>(key: K, header: string, aliases: readonly string[]): Column<T, K> {
  return plainColumn({
    key,
    header,
    aliases,
    optional: false,
    encode: (entry) => (entry[key] === undefined ? [] : [text(String(entry[key]))]),
    decode(cell) {
      const written = cell.text.trim()
      return /^\d{4}$/.test(written) ? decoded<T>({[key]: Number(written)} as Partial<T>) : problem(`Unexpected year \`${written}\` in column \`${header}\`, expected four digits such as \`2024\``, 'invalid-value', written)
    }
  })
}

/** The columns of content/datasets.md and the README's datasets table. */
export const datasetColumns: ReadonlyArray<Column<Dataset>> = [
  textColumn<Dataset, 'name'>('name', 'Dataset', ['dataset', 'datasets', 'benchmark', 'name']),
  yearColumn<Dataset, 'year'>('year', 'Year', ['year', 'date']),
  textColumn<Dataset, 'domain'>('domain', 'Domain', ['domain', 'area']),
  textColumn<Dataset, 'modality'>('modality', 'Modality', ['modality', 'modalities']),
  urlColumn<Dataset, 'url'>('url', 'Link', 'Link', ['link', 'url', 'code', 'github', 'homepage'], false)
]

/** The columns of a reading-list table in content/reading-list.md (its section is the heading above it). */
export const readingEntryColumns: ReadonlyArray<Column<ReadingEntry>> = [
  textColumn<ReadingEntry, 'title'>('title', 'Title', ['title', 'paper', 'name']),
  urlColumn<ReadingEntry, 'url'>('url', 'Paper', 'Paper', ['paper', 'link', 'url', 'pdf', 'arxiv']),
  textListColumn<ReadingEntry, 'authors'>('authors', 'Authors', ['authors', 'author'], 0),
  textColumn<ReadingEntry, 'venue'>('venue', 'Venue', ['venue', 'conference', 'journal', 'published', 'publication'], true),
  textColumn<ReadingEntry, 'date'>('date', 'Date', ['date', 'year', 'time', 'published date', 'release'], true),
  textListColumn<ReadingEntry, 'keywords'>('keywords', 'Keywords', ['keywords', 'keyword', 'key words', 'tags'], 0),
  namedLinksColumn<ReadingEntry, 'environments'>('environments', 'Environments', ['environments', 'environment', 'expenv', 'experiment environment', 'benchmarks']),
  namedLinksColumn<ReadingEntry, 'links'>('links', 'Links', ['links', 'homepage', 'project', 'project page', 'code']),
  textColumn<ReadingEntry, 'note'>('note', 'Note', ['note', 'notes', 'remark'], true),
  textColumn<ReadingEntry, 'overview'>('overview', 'Overview', ['overview', 'method overview', 'summary', 'description', 'tl;dr', 'tldr'], true),
  textColumn<ReadingEntry, 'method'>('method', 'Survey method', ['survey method', 'in the survey'], true),
  textColumn<ReadingEntry, 'list'>('list', 'List', ['list', 'source'])
]

/** The columns of the environments table in content/environments.md. */
export const environmentColumns: ReadonlyArray<Column<Environment>> = [
  textColumn<Environment, 'name'>('name', 'Environment', ['environment', 'name', 'benchmark', 'simulator']),
  urlColumn<Environment, 'url'>('url', 'Link', 'Link', ['link', 'url', 'code', 'github', 'repository'], false),
  textColumn<Environment, 'description'>('description', 'Description', ['description', 'about', 'summary'], true),
  urlColumn<Environment, 'image'>('image', 'Image', 'Image', ['image', 'picture', 'preview', 'gif']),
  textColumn<Environment, 'list'>('list', 'List', ['list', 'source'])
]

/** The columns of content/lists.md: the related lists entries credit. */
export const relatedListColumns: ReadonlyArray<Column<RelatedList>> = [
  textColumn<RelatedList, 'id'>('id', 'List', ['list', 'id']),
  textColumn<RelatedList, 'title'>('title', 'Title', ['title', 'name']),
  urlColumn<RelatedList, 'url'>('url', 'Link', 'Link', ['link', 'url', 'repository']),
  textColumn<RelatedList, 'description'>('description', 'Description', ['description', 'about'])
]
