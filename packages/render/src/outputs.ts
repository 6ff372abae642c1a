import type {Survey} from '@fmrl/model'
import {renderSurveyJson, renderSurveySchema} from './export.js'
import {renderTable1Latex} from './latex/table1.js'
import {toMarkdown} from './markdown.js'
import type {SerializedMemory} from './memory.js'
import {renderReadme} from './readme/readme.js'
import {renderRolePage} from './tables/role-page.js'
import {rolePagePath} from './shared/survey.js'
import {renderTable1} from './tables/table1.js'
import {renderSite, renderSiteParts} from './site/page.js'
import {sitePath} from './site/paths.js'
import {readmePath, surveyJsonPath, surveySchemaPath, table1LatexPath, table1Path} from './paths.js'

/** A generated file: its path from the repository root and its exact bytes as text. */
export interface Output {
  path: string
  content: string
}

/** What a render remembers its serialized pieces in: the Markdown outputs' cells and texts, and the page's rows (see `SerializedMemory`). */
export interface OutputMemory {
  markdown?: SerializedMemory | undefined
  page?: SerializedMemory | undefined
}

/** Every file `fmrl build` generates, rendered in memory; the CLI writes or compares them. */
export function renderOutputs(survey: Survey, memory: OutputMemory = {}): Output[] {
  return [...eachOutput(survey, memory)]
}

/** `renderOutputs` one output at a time, each rendered when it is asked for: a caller that writes each before asking for the next holds one. */
export function* eachOutput(survey: Survey, memory: OutputMemory = {}): Generator<Output> {
  yield* eachMarkdownOutput(survey, memory.markdown)
  yield* eachDataOutput(survey)
  yield renderPageOutput(survey, memory.page)
}

/**
 * The Markdown outputs (the README, Table 1 and the role pages), in `renderOutputs`' order. The
 * README and the tables show the same cells: each is serialized once for all of them, into this
 * render's own memory of cells; each method's row, and each text outside a table, into
 * `memory.texts` when given (from `memory.kept`, when an earlier render serialized it).
 */
export function renderMarkdownOutputs(survey: Survey, memory: SerializedMemory = {}): Output[] {
  return [...eachMarkdownOutput(survey, memory)]
}

/** `renderMarkdownOutputs` one output at a time (see `eachOutput`). */
export function* eachMarkdownOutput(survey: Survey, {texts = new Map(), kept}: SerializedMemory = {}): Generator<Output> {
  // The cells' pieces are this render's alone (see `MarkdownOptions.scratch`), dropped with it.
  const options = {texts, kept, scratch: new Map<string, string>()}
  yield {path: readmePath, content: toMarkdown(renderReadme(survey), options)}
  yield {path: table1Path, content: toMarkdown(renderTable1(survey), options)}
  for (const role of survey.taxonomy) yield {path: `tables/${rolePagePath(role)}`, content: toMarkdown(renderRolePage(survey, role), options)}
}

/**
 * Table 1 in LaTeX, the survey as JSON and its schema, in `renderOutputs`' order. The three parts of
 * `renderOutputs` (the Markdown, these, the page) share nothing, so a caller may render them side by side.
 */
export function renderDataOutputs(survey: Survey): Output[] {
  return [...eachDataOutput(survey)]
}

/** `renderDataOutputs` one output at a time (see `eachOutput`). */
export function* eachDataOutput(survey: Survey): Generator<Output> {
  yield {path: table1LatexPath, content: renderTable1Latex(survey)}
  yield {path: surveyJsonPath, content: renderSurveyJson(survey)}
  yield {path: surveySchemaPath, content: renderSurveySchema()}
}

/** The web page, the last of `renderOutputs`; its table's rows are remembered in `memory` (see `renderSite`). */
export function renderPageOutput(survey: Survey, memory?: SerializedMemory): Output {
  return {path: sitePath, content: renderSite(survey, memory)}
}

/** `renderPageOutput`'s page as parts whose concatenation is its text (see `renderSiteParts`). */
export function renderPageParts(survey: Survey, memory?: SerializedMemory): {path: string; parts: string[]} {
  return {path: sitePath, parts: renderSiteParts(survey, memory)}
}
