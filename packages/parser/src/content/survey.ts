import {Survey, SectionId, checkSurvey, formatCitation, type Method, type Role, type Section} from '@fmrl/model'
import type {VFile} from 'vfile'
import {quoteList, reportError, type ParseRuleId} from '../diagnostics.js'
import {checkMarkdownLimits} from '../limits.js'
import {fileContext, type SourceMap} from './context.js'
import {parseDatasetsFile} from './datasets-file.js'
import {parseLegendFile} from './legend-file.js'
import {parseMethodsFile, type MethodRead} from './methods-file.js'
import {parseReferencesFile} from './references-file.js'
import {parseSectionFile} from './section-file.js'
import {parseSurveyFile} from './survey-file.js'
import {parseTaxonomyFile} from './taxonomy-file.js'

/** The survey parsed from content/, where each value came from; messages are on the files. */
export interface ContentRead {
  /** Undefined when any file has an error: a partial survey must never be rendered. */
  survey: Survey | undefined
  sources: SourceMap
}

/** The kind of a content file, from its path below content/. */
export type ContentFileKind = 'survey' | 'taxonomy' | 'legend' | 'references' | 'datasets' | 'methods' | 'section'

const singles = ['survey', 'taxonomy', 'legend', 'references', 'datasets'] as const

/** Tell a content file's kind from its path (`…/methods/agent.md` is a methods file). */
export function contentFileKind(path: string): ContentFileKind | undefined {
  const [folder, name] = path.split('/').slice(-2)
  const base = name?.replace(/\.md$/, '')
  if (folder === 'methods') return 'methods'
  if (folder === 'sections') return 'section'
  return singles.find((kind) => kind === base)
}

/**
 * Parse every content file into one survey. Files are read in dependency order (taxonomy and legend
 * before methods); problems become positioned messages on the file they concern.
 */
export function parseContent(files: VFile[]): ContentRead {
  const [first] = files
  if (!first) throw new Error('parseContent needs the content files')
  const sources: SourceMap = new Map()
  // A file past the parser's limits is not parsed at all; its limit error is the one to fix first.
  if (!files.map(checkMarkdownLimits).every(Boolean)) return {survey: undefined, sources}
  const byKind = new Map<ContentFileKind, VFile[]>()
  for (const file of files) {
    const kind = contentFileKind(file.path)
    if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), file])
    else reportError(file, undefined, `Unexpected content file \`${file.path}\`, expected ${quoteList([...singles.map((kind) => `${kind}.md`), 'methods/<role>.md', 'sections/<section>.md'])}`, 'unknown-file')
  }
  const one = (kind: (typeof singles)[number]) => {
    const file = byKind.get(kind)?.[0]
    if (!file) reportError(first, undefined, `Unexpected content without \`${kind}.md\`, expected one`, 'missing-section')
    return file && fileContext(file, sources)
  }
  const surveyContext = one('survey')
  const metadata = surveyContext ? parseSurveyFile(surveyContext) : undefined
  const taxonomyContext = one('taxonomy')
  const taxonomy = taxonomyContext ? parseTaxonomyFile(taxonomyContext) : []
  const legendContext = one('legend')
  const vocabularies = legendContext ? parseLegendFile(legendContext) : []
  const referencesContext = one('references')
  const references = referencesContext ? parseReferencesFile(referencesContext) : []
  const datasetsContext = one('datasets')
  const datasets = datasetsContext ? parseDatasetsFile(datasetsContext) : []
  const methods = orderMethods(
    (byKind.get('methods') ?? []).flatMap((file) => parseMethodsFile(fileContext(file, sources), {taxonomy, vocabularies}).map((read) => ({...read, file}))),
    taxonomy
  )
  const sections = (byKind.get('section') ?? []).flatMap((file) => readSection(file, sources))
  const venues = new Map(references.map((reference) => [formatCitation(reference.citation), reference.venue]))
  methods.forEach((read, index) => {
    read.method.venue = venues.get(formatCitation(read.method.citation)) ?? null
    for (const [key, cell] of read.cells) recordCell(sources, read.file, `/methods/${index}/${key}`, cell.node)
  })
  const candidate = {metadata, taxonomy, vocabularies, methods: methods.map((read) => read.method), datasets, references, sections: orderSections(sections)}
  const survey = validate(candidate, files, sources, first)
  return {survey: files.some((file) => file.messages.some((message) => message.fatal)) ? undefined : survey, sources}
}

function readSection(file: VFile, sources: SourceMap): Section[] {
  const id = SectionId.safeParse(file.path.split('/').pop()?.replace(/\.md$/, ''))
  if (!id.success) {
    reportError(file, undefined, `Unexpected section file \`${file.path}\`, expected one of ${quoteList(SectionId.options.map((option) => `sections/${option}.md`))}`, 'unknown-file')
    return []
  }
  const section = parseSectionFile(fileContext(file, sources), id.data)
  return section ? [section] : []
}

function orderSections(sections: Section[]): Section[] {
  return [...sections].sort((a, b) => SectionId.options.indexOf(a.id) - SectionId.options.indexOf(b.id))
}

/** Methods in taxonomy order (role, then category), each category in the order its file lists it. */
function orderMethods<T extends MethodRead>(reads: T[], taxonomy: Role[]): T[] {
  const rank = (method: Method) => {
    const role = taxonomy.findIndex((candidate) => candidate.id === method.role)
    const category = taxonomy[role]?.categories.findIndex((candidate) => candidate.id === method.category) ?? 0
    return role * 100 + category
  }
  return reads.map((read, index) => ({read, index})).sort((a, b) => rank(a.read.method) - rank(b.read.method) || a.index - b.index).map(({read}) => read)
}

function recordCell(sources: SourceMap, file: VFile, pointer: string, node: {position?: {start: {line: number; column: number}; end: {line: number; column: number}} | undefined}): void {
  if (!node.position) return
  const {start, end} = node.position
  sources.set(pointer, {file: file.path, line: start.line, column: start.column, endLine: end.line, endColumn: end.column})
}

/** Validate with the schema and the cross-reference check; report each problem at its source. */
function validate(candidate: unknown, files: VFile[], sources: SourceMap, first: VFile): Survey | undefined {
  const parsed = Survey.safeParse(candidate)
  const problems: Array<{path: PropertyKey[]; message: string; ruleId: ParseRuleId}> = parsed.success
    ? checkSurvey(parsed.data).map((issue) => ({...issue, ruleId: issue.path.includes('citation') ? 'unknown-citation' : 'invalid-value'}))
    : parsed.error.issues.map((issue) => ({path: issue.path, message: `Unexpected value at \`${issue.path.join('.')}\`: ${issue.message}`, ruleId: 'invalid-value'}))
  for (const problem of problems) {
    const place = findPlace(sources, problem.path)
    const file = files.find((candidateFile) => candidateFile.path === place?.file) ?? first
    reportError(file, place && {start: {line: place.line, column: place.column}, end: {line: place.endLine, column: place.endColumn}}, problem.message, problem.ruleId)
  }
  return parsed.success ? parsed.data : undefined
}

/** The place of the deepest recorded value on `path`. */
function findPlace(sources: SourceMap, path: PropertyKey[]) {
  for (let length = path.length; length > 0; length--) {
    const place = sources.get(`/${path.slice(0, length).map(String).join('/')}`)
    if (place) return place
  }
  return undefined
}
