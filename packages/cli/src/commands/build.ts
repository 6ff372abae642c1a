import {renderFromContent} from '../build.js'
import {exitCodes, UsageError, type Io} from '../io.js'
import {formatHuman} from '../report.js'
import {writeOutput} from '../write.js'

export interface BuildOptions {
  root: string
  content: string
}

/** `fmrl build`: regenerate every output from content/; with any content error, write nothing. */
export async function buildCommand(options: BuildOptions, io: Io): Promise<number> {
  const rendered = await renderFromContent(options.root, options.content)
  if (rendered.files.length === 0) throw new UsageError(`No Markdown files in \`${options.content}\`, expected the content folder (see --content)`)
  if (!rendered.outputs) {
    io.err(`${formatHuman(rendered.files)}\nNothing was written: fix content/ and run the build again.`)
    return exitCodes.problems
  }
  for (const output of rendered.outputs) {
    const result = await writeOutput(options.root, output)
    io.out(`${output.path}: ${result}`)
  }
  return exitCodes.ok
}
