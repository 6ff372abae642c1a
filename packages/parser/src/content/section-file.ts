import type {Section, SectionId} from '@fmrl/model'
import {toString} from 'mdast-util-to-string'
import {reportError} from '../diagnostics.js'
import {recordSource, type FileContext} from './context.js'

/** Read a prose file (`sections/overview.md`): its title heading, then the rest kept as Markdown. */
export function parseSectionFile(context: FileContext, id: SectionId): Section | undefined {
  const [title] = context.tree.children
  if (title?.type !== 'heading' || title.depth !== 1 || !title.position) {
    reportError(context.file, title, 'Unexpected start of a section file, expected a `# Title` heading first', 'missing-section')
    return undefined
  }
  recordSource(context, `/sections/${id}`, title)
  const body = context.text.slice(title.position.end.offset).trim()
  return {id, title: toString(title).trim(), markdown: body}
}
