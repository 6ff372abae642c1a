import type {Survey} from '@fmrl/model'
import {toMarkdown} from './markdown.js'
import {renderReadme} from './readme/readme.js'

/** A generated file: its path from the repository root and its exact bytes as text. */
export interface Output {
  path: string
  content: string
}

/** Every file `fmrl build` generates, rendered in memory; the CLI writes or compares them. */
export function renderOutputs(survey: Survey): Output[] {
  return [{path: 'README.md', content: toMarkdown(renderReadme(survey))}]
}
