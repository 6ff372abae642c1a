import {renderOrReport} from '../build.js'
import {exitCodes, type Io} from '../io.js'
import {writeOutput} from '../write.js'

export interface BuildOptions {
  root: string
  content: string
}

/** `fmrl build`: regenerate every output from content/; with any content error, write nothing. */
export async function buildCommand(options: BuildOptions, io: Io): Promise<number> {
  const rendered = await renderOrReport(options, io, 'Nothing was written: fix content/ and run the build again.')
  if (!rendered) return exitCodes.problems
  for (const output of rendered.outputs) {
    const result = await writeOutput(options.root, output)
    io.out(`${output.path}: ${result}`)
  }
  return exitCodes.ok
}
