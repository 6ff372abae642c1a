import {renderEachOrReport, type ContentOptions} from '../build.js'
import {exitCodes, type Io} from '../io.js'
import {FileTreeCache, saveTreeCache, sha256} from '../tree-cache.js'
import {writeOutputs, type OutputFile} from '../write.js'

export interface BuildOptions extends ContentOptions {
  /** Whether the parse cache is read and kept (`--no-cache` turns it off): the default. */
  cached?: boolean | undefined
}

/**
 * `fmrl build`: regenerate every output from content/, as one set; with any content error, write
 * nothing. Each output is staged as it is rendered and dropped (writeOutputs), so the build holds one
 * at a time. With the parse cache it reads what earlier runs parsed, and records what it wrote.
 */
export async function buildCommand(options: BuildOptions, io: Io): Promise<number> {
  const cache = options.cached === false ? undefined : new FileTreeCache(options.root)
  const built = await renderEachOrReport({...options, cache}, io, 'Nothing was written: fix content/ and run the build again.', async (ready) => {
    const written: Array<{path: string; hash: string}> = []
    async function* recorded(outputs: AsyncIterable<OutputFile>): AsyncGenerator<OutputFile> {
      for await (const output of outputs) {
        written.push({path: output.path, hash: sha256(output.bytes)})
        yield output
      }
    }
    const results = await writeOutputs(options.root, recorded(ready.outputs))
    return {files: ready.files, written, results}
  })
  if (!built) return exitCodes.problems
  built.written.forEach((output, index) => io.out(`${output.path}: ${built.results[index]}`))
  if (!cache) return exitCodes.ok
  // What was written from which content/: `fmrl check` (the pre-commit hook's) then compares hashes instead of rendering.
  cache.setOutputs(built.files, built.written)
  await saveTreeCache(cache, {unchanged: 'the outputs above are written, and `fmrl check` renders them again to compare'}, io, options.root)
  return exitCodes.ok
}
