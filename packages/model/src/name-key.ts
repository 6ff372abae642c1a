/**
 * A method or dataset name as compared for duplicates, everywhere (`fmrl add`, the parser, lint,
 * import): case, accents, spacing and punctuation do not matter, so `Réflexion`, `reflexion` and
 * `Re-flexion` are one name. Compatibility forms fold too (full-width letters, ligatures).
 */
export function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}
