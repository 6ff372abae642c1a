/** Whether a URL is one the configuration ignores: equal to an entry, or starting with one ending in `*`. */
export function isIgnoredUrl(url: string, ignored: readonly string[]): boolean {
  return ignored.some((pattern) => (pattern.endsWith('*') ? url.startsWith(pattern.slice(0, -1)) : url === pattern))
}
