import {parseContent} from '@fmrl/parser'
import {messageSource} from '@fmrl/parser'
import type {Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import type {Plugin} from 'unified'
import {VFile} from 'vfile'
import {applyIgnoreComments} from './control.js'
import type {LintData} from './data.js'
import {ruleIds, rules} from './registry.js'
import {docsBase, type RuleSetting} from './rule.js'
import {surveyData} from './survey-data.js'

/** How to lint: each rule's setting (absent means its default severity) and the data rules may use. */
export interface LintSettings {
  rules?: Readonly<Record<string, RuleSetting<any> | undefined>>
  data?: LintData
}

/** Give the rules the caller's data (on `file.data.fmrl`). */
const attachData: Plugin<[LintData], Root> = function (data) {
  return (_tree, file) => {
    file.data.fmrl = data
  }
}

/** Apply the ignore comments, after every rule has reported. */
const ignoreComments: Plugin<[], Root> = function () {
  return (tree, file) => applyIgnoreComments(tree, file, ruleIds)
}

/**
 * Say once which checks were skipped for want of data (`files`, `vocabularies`), so that a run
 * without them never passes in silence: an info message, which fails nothing.
 */
const reportSkipped: Plugin<[], Root> = function () {
  return (_tree, file) => {
    const skipped = file.data.fmrlSkipped
    if (!skipped || skipped.size === 0) return
    const needs = [...new Set(skipped.values())]
    const which = [...skipped].map(([id, need]) => `\`${id}\` (needs \`${need}\`)`).join(', ')
    const message = file.info(`Unexpected lint without ${needs.map((need) => `\`${need}\``).join(' and ')} data: skipped ${which}; expected them in the \`data\` option (see ${docsBase}#remark-cli)`, {ruleId: 'lint-data', source: messageSource})
    message.url = `${docsBase}#remark-cli`
  }
}

/**
 * Every fmrl rule as one remark plugin, the same pipeline `lintFile` runs: GFM and math syntax,
 * the rules (each at its default severity unless `settings.rules` says otherwise), the ignore
 * comments, and one note for checks that had no data. Use it from remark-cli
 * (`export default {plugins: [[remarkFmrl, settings]]}` in `.remarkrc.mjs`).
 */
export const remarkFmrl: Plugin<[LintSettings?], Root> = function (settings = {}) {
  this.use(remarkGfm).use(remarkMath)
  if (settings.data) this.use(attachData, settings.data)
  for (const rule of rules) this.use(rule.plugin, settings.rules?.[rule.id])
  this.use(ignoreComments).use(reportSkipped)
}

/**
 * The lint data of a repository, from what the caller read: its file paths (for relative links) and
 * its content/ files (for the survey's vocabularies, model, symbols and counts). Content with
 * errors gives no survey data; the rules that need it then say so.
 */
export function repositoryData(paths: readonly string[], content: ReadonlyArray<{path: string; value: string}>): LintData {
  const files = [...paths].sort()
  if (content.length === 0) return {files}
  const {survey, sources} = parseContent(content.map((file) => new VFile(file)))
  return {files, ...(survey ? surveyData(survey, sources) : {})}
}
