import {parseWhole} from '@fmrl/parser'
import {FileTreeCache} from './tree-cache.js'

/** One batch for a helper thread: texts to parse into the parse cache of `root`, the parser's fingerprint as the caller computed it. */
export interface ParseTask {
  root: string
  fingerprint: string
  texts: string[]
}

const caches = new Map<string, FileTreeCache>()

/**
 * Parse each text as the parser would (`parseWhole`) and write its tree into the cache; the texts
 * written. A text not written (the cache cannot be written) is parsed again by the caller, which
 * then reports the failure itself.
 */
export default function parseIntoCache({root, fingerprint, texts}: ParseTask): string[] {
  const key = `${root}\0${fingerprint}`
  const cache = caches.get(key) ?? caches.set(key, new FileTreeCache(root, {fingerprint})).get(key)!
  return texts.filter((text) => cache.set(text, parseWhole(text)))
}
