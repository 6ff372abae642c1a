/**
 * A Mermaid string literal for a label or title. Characters Mermaid reads inside a label are written
 * as its entity codes (`#quot;`, `#35;`): a quote cannot end the string, `%%{…}%%` cannot become a
 * directive, and `<`, `>`, `&` and backticks cannot become HTML or Markdown.
 */
export function mermaidString(text: string): string {
  const escaped = Array.from(text.replace(/\s+/g, ' ').trim(), (character) => entities[character] ?? character).join('')
  return `"${escaped}"`
}

// `#` first among the entity codes Mermaid decodes, so a `#` in the text never starts one.
const entities: Readonly<Record<string, string>> = {
  '#': '#35;',
  '"': '#quot;',
  '%': '#37;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '`': '#96;'
}
