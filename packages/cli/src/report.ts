import {createColors} from 'picocolors'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/** Severity as printed: fatal messages are errors, others warnings. */
export function severity(message: VFileMessage): 'error' | 'warning' {
  return message.fatal ? 'error' : 'warning'
}

/** `file:line:column: severity: reason (rule-id)`, one line per message, grouped by file; severities coloured when `color`. */
export function formatHuman(files: readonly VFile[], {color = false}: {color?: boolean} = {}): string {
  const paint = createColors(color)
  const lines: string[] = []
  let errors = 0
  let warnings = 0
  for (const file of files) {
    for (const message of sortMessages(file.messages)) {
      const place = message.line ? `:${message.line}:${message.column ?? 1}` : ''
      const level = message.fatal ? paint.red('error') : paint.yellow('warning')
      lines.push(`${file.path}${place}: ${level}: ${message.reason}${message.ruleId ? ` ${paint.dim(`(${message.ruleId})`)}` : ''}`)
      if (message.fatal) errors++
      else warnings++
    }
  }
  if (lines.length > 0) lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`)
  return lines.join('\n')
}

/** Messages by place, then reason: reports read top to bottom and diff well. */
export function sortMessages(messages: readonly VFileMessage[]): VFileMessage[] {
  return [...messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.reason.localeCompare(b.reason))
}

/** Whether any file holds an error. */
export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal))
}
