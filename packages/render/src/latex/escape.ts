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
  '`': '\\textasciigrave{}',
  '"': '\\textquotedbl{}',
  // LuaTeX reads a literal U+FFFD as a broken UTF-8 sequence and stops ("String contains an invalid
  // utf-8 sequence"); by its code it is set like any other character.
  '\ufffd': '{\\char"FFFD}'
  // Any other character (↑, π, CJK, Arabic, emoji…) is set as itself: LuaLaTeX reads UTF-8, and
  // tables/table1-wrapper.tex gives it fallback fonts for every script.
}

// `--`, `---`, `,,`, `<<` and `>>` are ligatures in TeX fonts (`\textless{}` sets a plain `<`). LuaTeX
// forms them across an empty group `{}`, not across a kern: `\kern0pt ` (its space ends the
// dimension) keeps them literal with either engine.
const ligatures = /([-,]|\\textless\{\}|\\textgreater\{\})(?=[-,]|\\textless\{\}|\\textgreater\{\})/g

// Control characters are invalid input to LaTeX ("Text line contains an invalid character"), yet a
// cell may hold them: C0 controls and DEL are set as their Control Pictures (U+2400–U+2421, which the
// wrapper's fallback fonts have), C1 controls as U+FFFD. Whitespace among them is a space already.
const controls = /[\u0000-\u001f\u007f-\u009f]/gu
const visible = (character: string) => {
  const code = character.codePointAt(0)!
  return code < 0x20 ? String.fromCodePoint(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd'
}

/** Escape text so LaTeX sets it verbatim: no character can start a command, a group, math or a comment. */
export function escapeLatex(text: string): string {
  const escaped = Array.from(text.replace(/\s+/g, ' ').replace(controls, visible), (character) => replacements[character] ?? character).join('')
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
