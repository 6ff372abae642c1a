import {renderOrReport, type ContentOptions} from '../build.js'
import {exitCodes, type Io} from '../io.js'
import {FileTreeCache, saveTreeCache} from '../tree-cache.js'
import {writeOutputs} from '../write.js'

export interface BuildOptions extends ContentOptions {
  /** Whether the parse cache is read and kept (`--no-cache` turns it off): the default. */
  cached?: boolean | undefined
}

/**
 * `fmrl build`: regenerate every output from content/, as one set; with any content error, write
 * nothing. With the parse cache it reads what earlier runs parsed, and records what it wrote.
 */
export async function buildCommand(options: BuildOptions, io: Io): Promise<number> {
  const cache = options.cached === false ? undefined : new FileTreeCache(options.root)
  const rendered = await renderOrReport({...options, cache}, io, 'Nothing was written: fix content/ and run the build again.')
  if (!rendered) return exitCodes.problems
  const results = await writeOutputs(options.root, rendered.outputs)
  rendered.outputs.forEach((output, index) => io.out(`${output.path}: ${results[index]}`))
  if (!cache) return exitCodes.ok
  // What was written from which content/: `fmrl check` (the pre-commit hook's) then compares hashes instead of rendering.
  cache.setOutputs(rendered.files, rendered.outputs)
  await saveTreeCache(cache, {unchanged: 'the outputs above are written, and `fmrl check` renders them again to compare'}, io, options.root)
  return exitCodes.ok
}
