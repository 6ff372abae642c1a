import {rules} from '@fmrl/lint'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {UsageError} from './io.js'
import {formatHuman, severity, sortMessages} from './report.js'

/** How `fmrl lint` prints its findings. */
export const lintFormats = ['human', 'json', 'github'] as const
export type LintFormat = (typeof lintFormats)[number]

/** The formats of the commands whose output is not a list of findings (`build`, `check`, `add`). */
export const commandFormats = ['human', 'github'] as const satisfies readonly LintFormat[]

/** Where the messages of content/ (the parser's rule ids) are documented. */
export const contentDocs = 'packages/parser/README.md#messages'

/** One finding as `--format json` prints it. */
export interface JsonFinding {
  file: string
  line: number
  column: number
  endLine: number
  endColumn: number
  severity: 'error' | 'warning'
  ruleId: string
  message: string
  /** Where the rule is documented. */
  url: string
  fix?: {start: number; end: number; replacement: string}
}

/** The output format a flag names; a usage error for any other. */
export function checkFormat<Format extends LintFormat>(format: string, allowed: readonly Format[] = lintFormats as readonly LintFormat[] as readonly Format[]): Format {
  if (!(allowed as readonly string[]).includes(format)) {
    throw new UsageError(`Unexpected format \`${format}\`, expected one of ${allowed.map((known) => `\`${known}\``).join(', ')}`)
  }
  return format as Format
}

/** The findings of files in an output format (human output coloured when `color`). */
export function formatReport(format: LintFormat, files: readonly VFile[], {color = false}: {color?: boolean} = {}): string {
  if (format === 'json') return formatJson(files)
  if (format === 'github') return formatGithub(files)
  return formatHuman(files, {color})
}

const ruleUrls = new Map(rules.map((rule) => [rule.id, rule.url]))

/** The docs of a message: its own URL, else its rule's, else the content messages' list. */
export function docsUrl(message: VFileMessage): string {
  return message.url ?? (message.ruleId ? ruleUrls.get(message.ruleId) : undefined) ?? contentDocs
}

function each(files: readonly VFile[]): Array<{file: VFile; message: VFileMessage & {fix?: JsonFinding['fix']}}> {
  return files.flatMap((file) => sortMessages(file.messages).map((message) => ({file, message})))
}

/**
 * `--format json`: an array of findings, one object each. Fix offsets count in the file as it is on
 * disk: the text was linted without its byte-order mark, which takes one UTF-16 unit before it.
 */
export function formatJson(files: readonly VFile[]): string {
  const onDisk = (file: VFile, fix: NonNullable<JsonFinding['fix']>) => (file.data.byteOrderMark ? {...fix, start: fix.start + 1, end: fix.end + 1} : fix)
  const findings: JsonFinding[] = each(files).map(({file, message}) => ({
    file: file.path,
    line: message.line ?? 1,
    column: message.column ?? 1,
    endLine: message.place && 'end' in message.place ? message.place.end.line : (message.line ?? 1),
    endColumn: message.place && 'end' in message.place ? message.place.end.column : (message.column ?? 1),
    severity: severity(message),
    ruleId: message.ruleId ?? '',
    message: message.reason,
    url: docsUrl(message),
    ...(message.fix ? {fix: onDisk(file, message.fix)} : {})
  }))
  return JSON.stringify(findings, null, 2)
}

// GitHub workflow commands: data escapes %, CR and LF; properties also `:` and `,`.
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')

/** Where a workflow annotation points; every part is optional (a problem with no file gets none). */
export interface AnnotationPlace {
  file?: string | undefined
  line?: number | undefined
  column?: number | undefined
  endLine?: number | undefined
  endColumn?: number | undefined
}

/** One GitHub workflow annotation: `::error file=…,line=…,col=…,title=…::message`. */
export function annotation(level: 'error' | 'warning', place: AnnotationPlace, title: string, message: string): string {
  const properties = [
    ...(place.file === undefined ? [] : [`file=${escapeProperty(place.file)}`]),
    ...(place.line === undefined ? [] : [`line=${place.line}`]),
    ...(place.column === undefined ? [] : [`col=${place.column}`]),
    ...(place.endLine === undefined ? [] : [`endLine=${place.endLine}`]),
    ...(place.endColumn === undefined ? [] : [`endColumn=${place.endColumn}`]),
    `title=${escapeProperty(title)}`
  ]
  return `::${level} ${properties.join(',')}::${escapeData(message)}`
}

/** `--format github`: one workflow annotation per finding. */
export function formatGithub(files: readonly VFile[]): string {
  return each(files)
    .map(({file, message}) => {
      const end = message.place && 'end' in message.place ? message.place.end : undefined
      return annotation(severity(message), {file: file.path, line: message.line ?? 1, column: message.column ?? 1, endLine: end?.line, endColumn: end?.column}, message.ruleId ?? 'fmrl', message.reason)
    })
    .join('\n')
}
