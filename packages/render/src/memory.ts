/**
 * Pieces of an output already serialized, by what they were serialized from: a table cell of the
 * Markdown outputs by its content and constructs, an escaped text by its context, a row of the
 * page by its method. A render takes a piece from here instead of serializing it again.
 */
export type SerializedTexts = Map<string, string>

/**
 * The pieces a render adds what it serializes and uses to (`texts`: afterwards it holds what this
 * render used and no more, which is what to keep), and those of an earlier render by this very
 * renderer that it takes from (`kept`).
 */
export interface SerializedMemory {
  texts?: SerializedTexts | undefined
  kept?: ReadonlyMap<string, string> | undefined
}

/** What `serialize` gives, remembered under `key` in `memory`: from this render's texts, or an earlier one's. */
export function remembered(memory: SerializedMemory | undefined, key: string, serialize: () => string): string {
  const texts = memory?.texts
  if (!texts) return memory?.kept?.get(key) ?? serialize()
  let value = texts.get(key)
  if (value === undefined) {
    value = memory.kept?.get(key) ?? serialize()
    texts.set(key, value)
  }
  return value
}
