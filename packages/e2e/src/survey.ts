import {readContentFiles} from '@fmrl/cli'
import type {Survey} from '@fmrl/model'
import {parseContent} from '@fmrl/parser'
import {repositoryRoot} from './folder.js'

/** The survey as content/ holds it (read, never written): what the tests compute every expectation from. */
export async function readSurvey(): Promise<Survey> {
  const files = await readContentFiles(repositoryRoot, 'content')
  const {survey} = parseContent(files)
  const messages = files.flatMap((file) => file.messages.map(String))
  if (!survey || messages.length > 0) throw new Error(`content/ does not parse:\n${messages.join('\n')}`)
  return survey
}
