import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {severity, sortMessages} from './report.js'

/** How `fmrl lint` prints its findings. */
export const lintFormats = ['human', 'json', 'github'] as const
export type LintFormat = (typeof lintFormats)[number]

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
  fix?: {start: number; end: number; replacement: string}
}

function each(files: readonly VFile[]): Array<{file: VFile; message: VFileMessage & {fix?: JsonFinding['fix']}}> {
  return files.flatMap((file) => sortMessages(file.messages).map((message) => ({file, message})))
}

/** `--format json`: an array of findings, one object each. */
export function formatJson(files: readonly VFile[]): string {
  const findings: JsonFinding[] = each(files).map(({file, message}) => ({
    file: file.path,
    line: message.line ?? 1,
    column: message.column ?? 1,
    endLine: message.place && 'end' in message.place ? message.place.end.line : (message.line ?? 1),
    endColumn: message.place && 'end' in message.place ? message.place.end.column : (message.column ?? 1),
    severity: severity(message),
    ruleId: message.ruleId ?? '',
    message: message.reason,
    ...(message.fix ? {fix: message.fix} : {})
  }))
  return JSON.stringify(findings, null, 2)
}

// GitHub workflow commands: data escapes %, CR and LF; properties also `:` and `,`.
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')

/** `--format github`: one workflow annotation per finding. */
export function formatGithub(files: readonly VFile[]): string {
  return each(files)
    .map(({file, message}) => {
      const end = message.place && 'end' in message.place ? message.place.end : undefined
      const properties = [
        `file=${escapeProperty(file.path)}`,
        `line=${message.line ?? 1}`,
        `col=${message.column ?? 1}`,
        ...(end ? [`endLine=${end.line}`, `endColumn=${end.column}`] : []),
        `title=${escapeProperty(message.ruleId ?? 'fmrl')}`
      ]
      return `::${severity(message)} ${properties.join(',')}::${escapeData(message.reason)}`
    })
    .join('\n')
}
