import {renderOrReport, type ContentOptions} from '../build.js'
import {exitCodes, type Io} from '../io.js'
import {writeOutputs} from '../write.js'

export type BuildOptions = ContentOptions

/** `fmrl build`: regenerate every output from content/, as one set; with any content error, write nothing. */
export async function buildCommand(options: BuildOptions, io: Io): Promise<number> {
  const rendered = await renderOrReport(options, io, 'Nothing was written: fix content/ and run the build again.')
  if (!rendered) return exitCodes.problems
  const results = await writeOutputs(options.root, rendered.outputs)
  rendered.outputs.forEach((output, index) => io.out(`${output.path}: ${results[index]}`))
  return exitCodes.ok
}
