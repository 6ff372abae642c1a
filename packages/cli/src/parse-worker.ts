import {parentPort, workerData} from 'node:worker_threads'
import {parseWhole} from '@fmrl/parser'
import {FileTreeCache} from './tree-cache.js'

/** What a helper thread is given: texts to parse into the parse cache of `root`, under the parser's fingerprint as the caller computed it. */
export interface ParseTask {
  root: string
  fingerprint: string
  texts: string[]
}

/**
 * Parse each text as the parser would (`parseWhole`) and write its tree into the cache; then tell the
 * caller which texts (by index) were written. One the cache could not take is parsed again by the
 * caller's read, which reports the failure itself.
 */
function parseIntoCache({root, fingerprint, texts}: ParseTask): number[] {
  const cache = new FileTreeCache(root, {fingerprint})
  return texts.flatMap((text, index) => (cache.set(text, parseWhole(text)) ? [index] : []))
}

parentPort?.postMessage(parseIntoCache(workerData as ParseTask))
