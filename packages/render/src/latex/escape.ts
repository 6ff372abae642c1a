/**
 * LaTeX escaping for every string that comes from content/. The only LaTeX fragments passed through
 * unescaped are the vocabularies' `latex` fields (content/legend.md), which are trusted like source code.
 */

// Each special character as text-mode LaTeX. `{}` ends a control word so a following letter stays text.
const replacements: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  // After `\\` ending a table row, `[` or `*` would be read as that command's options.
  '[': '{[}',
  ']': '{]}',
  '*': '{*}',
  // TeX ligatures (fontspec's default Ligatures=TeX) would set these as typographic quotes.
  "'": '\\textquotesingle{}',
  '`': '\\textasciigrave{}'
  // Any other character (↑, π, CJK, Arabic, emoji…) is set as itself: LuaLaTeX reads UTF-8, and
  // tables/table1-wrapper.tex gives it fallback fonts for every script.
}

// `--`, `---` and `,,` are ligatures in TeX fonts. LuaTeX forms them across an empty group `{}`,
// not across a kern: `\kern0pt ` (its space ends the dimension) keeps them literal with either engine.
const ligatures = /([-,])(?=[-,])/g

/** Escape text so LaTeX sets it verbatim: no character can start a command, a group, math or a comment. */
export function escapeLatex(text: string): string {
  const escaped = Array.from(text.replace(/\s+/g, ' '), (character) => replacements[character] ?? character).join('')
  return escaped.replace(ligatures, '$1\\kern0pt ')
}

/**
 * A URL for `\href{…}`: hyperref reads it verbatim except for `\`, `{`, `}`, `%` and `#`.
 * Backslashes, braces and anything outside printable ASCII are percent-encoded (as browsers do);
 * `%` and `#` get the backslash hyperref expects.
 */
export function escapeLatexUrl(url: string): string {
  return url
    .replace(/[^\x21-\x7e]|[\\{}]/gu, (character) => encodeURIComponent(character))
    .replace(/[%#]/g, (character) => `\\${character}`)
}
