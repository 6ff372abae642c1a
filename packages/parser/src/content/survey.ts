import {Survey, SectionId, checkSurvey, emptyDraft, formatCitation, type Method, type Role, type Section, type SurveyDraft} from '@fmrl/model'
import type {Root} from 'mdast'
import type {Position} from 'unist'
import {VFile} from 'vfile'
import {quoteList, reportError, type ParseRuleId} from '../diagnostics.js'
import {checkMarkdownLimits} from '../limits.js'
import {fileContext, type ReadOptions} from './context.js'
import {SourceMap, type PlaceLookup} from './source-map.js'
import {readKept} from './kept-read.js'
import {parseDatasetsFile} from './datasets-file.js'
import {parseLegendFile} from './legend-file.js'
import {methodReads, parseMethodsFile, type MethodRead} from './methods-file.js'
import {parseEnvironmentsFile, parseListsFile, parseReadingListFile} from './reading-list-file.js'
import {parseReferencesFile} from './references-file.js'
import {parseSectionFile} from './section-file.js'
import {parseSurveyFile} from './survey-file.js'
import {parseTaxonomyFile} from './taxonomy-file.js'

/** The survey parsed from content/, where each value came from; messages are on the files. */
export interface ContentRead {
  /** Undefined when any file has an error: a partial survey must never be rendered. */
  survey: Survey | undefined
  /** What could be read, errors or not (rows with missing values included): what `fmrl import` merges into. */
  draft: SurveyDraft
  sources: SourceMap
  /**
   * With `keepTrees`, the tree of each content file that was parsed or read from the cache (not those
   * past the limits or refused, nor those whose kept read was taken: their trees stay in the cache,
   * nor those past a budget of characters), so that a caller linting the same files need not read
   * them again; else empty, and each file's tree is garbage once the file is read. Nothing keeps it
   * but the caller.
   */
  trees: Map<VFile, Root>
}

/** The kind of a content file, from its path below content/. */
export type ContentFileKind = (typeof singles)[number] | 'methods' | 'section'

const singles = ['survey', 'taxonomy', 'legend', 'references', 'datasets', 'lists', 'reading-list', 'environments'] as const

/** Tell a content file's kind from its path (`…/methods/agent.md` is a methods file). */
export function contentFileKind(path: string): ContentFileKind | undefined {
  const [folder, name] = path.split('/').slice(-2)
  const base = name?.replace(/\.md$/, '')
  if (folder === 'methods') return 'methods'
  if (folder === 'sections') return 'section'
  return singles.find((kind) => kind === base)
}

/** How content/ is read: as a draft or not, with a parse cache, and whether the trees are handed back. */
export interface ContentOptions extends Pick<ReadOptions, 'drafting' | 'cache'> {
  /**
   * Hand back the tree of each file read (`trees`), for a caller that lints the files next; a number:
   * only while the files whose trees are handed back hold no more than that many characters in all,
   * in the order they are read, and of the files past that, the one parsed when it is the only one
   * (the others' kept reads were taken, as after an edit). The caller reads the others' trees again,
   * from its cache.
   */
  keepTrees?: boolean | number | undefined
}

/**
 * Parse every content file into one survey. Files are read in dependency order (taxonomy and legend
 * before methods); problems become positioned messages on the file they concern.
 */
export function parseContent(files: VFile[], {drafting = false, cache, keepTrees = false}: ContentOptions = {}): ContentRead {
  const [first] = files
  if (!first) throw new Error('parseContent needs the content files')
  const sources = new SourceMap()
  const handing = handTreesBack(keepTrees === true ? Infinity : keepTrees || 0)
  const {trees} = handing
  // A file past the parser's limits is not parsed at all; its limit error is the one to fix first.
  if (!files.map(checkMarkdownLimits).every(Boolean)) return {survey: undefined, draft: emptyDraft(), sources, trees: handing.handedBack()}
  const byKind = new Map<ContentFileKind, VFile[]>()
  for (const file of files) {
    const kind = contentFileKind(file.path)
    if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), file])
    else reportError(file, undefined, `Unexpected content file \`${file.path}\`, expected ${quoteList([...singles.map((kind) => `${kind}.md`), 'methods/<role>.md', 'sections/<section>.md'])}`, 'unknown-file')
  }
  for (const kind of singles) {
    for (const extra of byKind.get(kind)?.slice(1) ?? []) reportError(extra, undefined, `Unexpected second \`${kind}.md\` at \`${extra.path}\`, expected one`, 'unknown-file')
  }
  // A file already refused by its reader (bytes that are not UTF-8) is there, but has nothing to parse.
  const readable = (file: VFile) => !file.messages.some((message) => message.fatal)
  const reading: ReadOptions = {drafting, trees, cache}
  const single = (kind: (typeof singles)[number]) => {
    const file = byKind.get(kind)?.[0]
    if (!file) reportError(first, undefined, `Unexpected content without \`${kind}.md\`, expected one`, 'missing-section')
    return file && readable(file) ? file : undefined
  }
  const one = (kind: (typeof singles)[number]) => {
    const file = single(kind)
    return file ? fileContext(file, sources, reading) : undefined
  }
  const surveyContext = one('survey')
  const metadata = surveyContext ? parseSurveyFile(surveyContext) : undefined
  const taxonomyContext = one('taxonomy')
  const taxonomy = taxonomyContext ? parseTaxonomyFile(taxonomyContext) : []
  const legendContext = one('legend')
  const vocabularies = legendContext ? parseLegendFile(legendContext) : []
  // The files that grow with the list (its methods and references) are read through the cache's kept reads,
  // each as what it is read as and against (the methods against the taxonomy and the legend).
  const referencesFile = single('references')
  const methodFiles = byKind.get('methods') ?? []
  const known = {taxonomy, vocabularies}
  const references = referencesFile ? readKept(referencesFile, sources, reading, 'references', null, parseReferencesFile) : []
  const datasetsContext = one('datasets')
  const datasets = datasetsContext ? parseDatasetsFile(datasetsContext) : []
  const listsContext = one('lists')
  const relatedLists = listsContext ? parseListsFile(listsContext) : []
  const readingContext = one('reading-list')
  const readingList = readingContext ? parseReadingListFile(readingContext).map((read) => read.entry) : []
  const environmentsContext = one('environments')
  const environments = environmentsContext ? parseEnvironmentsFile(environmentsContext) : []
  checkMethodFiles(methodFiles, taxonomy, first)
  // After the check: a file it refused (not named by a role) is not read.
  const methods = orderMethods(
    methodFiles.filter(readable).flatMap((file) => readKept(file, sources, reading, 'methods', known, (context) => parseMethodsFile(context, known), methodReads).map((read) => ({...read, file}))),
    taxonomy
  )
  const sections = (byKind.get('section') ?? []).filter(readable).flatMap((file) => readSection(file, sources, {trees, cache}))
  const venues = new Map(references.map((reference) => [formatCitation(reference.citation), reference.venue]))
  const complete = methods.filter((read) => read.complete)
  for (const read of methods) read.method.venue = read.method.citation ? (venues.get(formatCitation(read.method.citation)) ?? null) : null
  complete.forEach((read, index) => {
    for (const [key, position] of read.cells) recordCell(sources, read.file, `/methods/${index}/${key}`, position)
  })
  const candidate = {metadata, taxonomy, vocabularies, methods: complete.map((read) => read.method), datasets, references, sections: orderSections(sections), relatedLists, readingList, environments}
  const draft: SurveyDraft = {...candidate, metadata: metadata ?? {}, methods: methods.map((read) => read.method)}
  if (drafting) return {survey: undefined, draft: {...draft, methods: methods.map((read) => read.method)}, sources, trees: handing.handedBack()}
  const survey = validate(candidate, files, sources, first)
  return {survey: files.some((file) => file.messages.some((message) => message.fatal)) ? undefined : survey, draft, sources, trees: handing.handedBack()}
}

/**
 * What `parseContent` hands back of the trees it reads with a budget of `budget` characters (see
 * `keepTrees`): the trees of the files that fit in what is left of it, and when one file parsed
 * does not (the others' kept reads were taken, as after an edit), its tree too. When a second such
 * file is parsed, neither is: each would be held while the other is parsed. `trees` is what the
 * files' readers are given, `handedBack` what is handed back once the read is done.
 */
function handTreesBack(budget: number): {trees: ReadOptions['trees']; handedBack: () => Map<VFile, Root>} {
  let room = budget
  const fitting = new Map<VFile, Root>()
  let larger: {file: VFile; tree: Root} | undefined
  let largerParsed = 0
  const size = (file: VFile) => String(file.value).length
  const trees: ReadOptions['trees'] = {
    parsing(file) {
      if (size(file) > room && ++largerParsed > 1) larger = undefined
    },
    set(file, tree) {
      if (size(file) <= room) {
        room -= size(file)
        fitting.set(file, tree)
      } else if (largerParsed === 1) larger = {file, tree}
    }
  }
  return {trees: budget > 0 ? trees : undefined, handedBack: () => (larger ? new Map([...fitting, [larger.file, larger.tree]]) : fitting)}
}

/**
 * Content as far as it can be read, for tools that merge into it (`fmrl import`): rows with empty
 * cells are kept with those values empty, and nothing is validated. The files' own messages are
 * left untouched (the draft is read from copies).
 */
export function parseContentDraft(files: readonly VFile[]): SurveyDraft {
  const copies = files.map((file) => new VFile({path: file.path, value: file.value}))
  return parseContent(copies, {drafting: true}).draft
}

/** One methods file per role, named by its id: a missing one would lose the role's methods without a word. */
function checkMethodFiles(files: readonly VFile[], taxonomy: readonly Role[], first: VFile): void {
  const roleOf = (file: VFile) => file.path.split('/').pop()?.replace(/\.md$/, '')
  for (const file of files) {
    if (!taxonomy.some((role) => role.id === roleOf(file))) {
      reportError(file, undefined, `Unexpected methods file \`${file.path}\`, expected one named by a role id: ${quoteList(taxonomy.map((role) => `methods/${role.id}.md`))}`, 'unknown-file')
    }
  }
  for (const role of taxonomy) {
    if (!files.some((file) => roleOf(file) === role.id)) reportError(first, undefined, `Unexpected content without \`methods/${role.id}.md\`, expected one methods file per role`, 'missing-section')
  }
}

function readSection(file: VFile, sources: SourceMap, options: ReadOptions): Section[] {
  const id = SectionId.safeParse(file.path.split('/').pop()?.replace(/\.md$/, ''))
  if (!id.success) {
    reportError(file, undefined, `Unexpected section file \`${file.path}\`, expected one of ${quoteList(SectionId.options.map((option) => `sections/${option}.md`))}`, 'unknown-file')
    return []
  }
  const section = parseSectionFile(fileContext(file, sources, options), id.data)
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

function recordCell(sources: SourceMap, file: VFile, pointer: string, position: Position | undefined): void {
  if (!position) return
  const {start, end} = position
  sources.set(pointer, {file: file.path, line: start.line, column: start.column, endLine: end.line, endColumn: end.column})
}

/** Validate with the schema and the cross-reference check; report each problem at its source. */
function validate(candidate: unknown, files: VFile[], sources: SourceMap, first: VFile): Survey | undefined {
  const parsed = Survey.safeParse(candidate)
  const problems: Array<{path: PropertyKey[]; message: string; ruleId: ParseRuleId}> = parsed.success
    ? checkSurvey(parsed.data).map((issue) => ({...issue, ruleId: (issue.ruleId ?? 'invalid-value') as ParseRuleId}))
    : parsed.error.issues
        // An empty cell was reported where it is (missing-cell); the schema need not say it again.
        .filter((issue) => !isEmptyCell(valueAt(candidate, issue.path), issue.path))
        .map((issue) => ({path: issue.path, message: `Unexpected value at \`${issue.path.join('.')}\`: ${issue.message}`, ruleId: 'invalid-value' as const}))
  for (const problem of problems) {
    const place = findPlace(sources, problem.path)
    const file = files.find((candidateFile) => candidateFile.path === place?.file) ?? first
    reportError(file, place && {start: {line: place.line, column: place.column}, end: {line: place.endLine, column: place.endColumn}}, problem.message, problem.ruleId)
  }
  return parsed.success ? parsed.data : undefined
}

/** A value read from an empty cell: empty text, or an entry's empty list (a whole table's rows are not a cell). */
function isEmptyCell(value: unknown, path: readonly PropertyKey[]): boolean {
  return value === '' || (Array.isArray(value) && value.length === 0 && path.some((key) => typeof key === 'number'))
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((current, key) => (current && typeof current === 'object' ? (current as Record<PropertyKey, unknown>)[key] : undefined), value)
}

/** The place of the deepest recorded value on `path`. */
function findPlace(sources: PlaceLookup, path: PropertyKey[]) {
  for (let length = path.length; length > 0; length--) {
    const place = sources.get(`/${path.slice(0, length).map(String).join('/')}`)
    if (place) return place
  }
  return undefined
}
