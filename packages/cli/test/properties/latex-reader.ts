/**
 * A reader for the text-mode LaTeX that tables/table1.tex sets data in, written apart from the
 * renderer's escaping so that it checks it: it reads each escape back to its character and refuses
 * any character LaTeX would act on (`\ { } & % $ # _ ~ ^`), any TeX ligature left to form (`--`,
 * `,,`, `''`, `` ` ` ``, `!``, `?``, `<<`, `>>`, a `"` alone), U+FFFD and any control character.
 */

// Each escape the text may hold, and the character it sets. `\textless{}` and `\textgreater{}` set
// the plain character, so they still form ligatures with their neighbours.
const ligating = new Set(['\\textless{}', '\\textgreater{}'])
const escapes: ReadonlyArray<[string, string]> = [
  ['\\textbackslash{}', '\\'],
  ['\\textasciitilde{}', '~'],
  ['\\textasciicircum{}', '^'],
  ['\\textless{}', '<'],
  ['\\textgreater{}', '>'],
  ['\\textbar{}', '|'],
  ['\\textquotesingle{}', "'"],
  ['\\textasciigrave{}', '`'],
  ['\\textquotedbl{}', '"'],
  ['\\{', '{'],
  ['\\}', '}'],
  ['\\&', '&'],
  ['\\%', '%'],
  ['\\$', '$'],
  ['\\#', '#'],
  ['\\_', '_'],
  ['{[}', '['],
  ['{]}', ']'],
  ['{*}', '*'],
  ['{\\char"FFFD}', '\ufffd'],
  // Keeps `--` and `,,` from forming ligatures; it sets nothing.
  ['\\kern0pt ', '']
]

const specials = new Set(['\\', '{', '}', '&', '%', '$', '#', '_', '~', '^'])
// TeX fonts' ligatures (fontspec's Ligatures=TeX), a quote alone included: `"` sets as ”.
const ligatures = ['--', ',,', "''", '``', '!`', '?`', '<<', '>>', '"', "'", '`']
// What LaTeX cannot read as text: C0 and C1 controls and DEL (invalid or active characters), and
// the line and paragraph separators. Tab is a space to TeX, but the renderer writes single spaces.
const unreadable = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u

/** A cell read back: its text and the URLs it links to (`\href{url}{…}`). */
export interface CellReadBack {
  text: string
  urls: string[]
}

/** Why LaTeX would not set a source as the text it came from: where and what. */
export class UnescapedError extends Error {}

/**
 * Read the cells of a run of table text (`cell & cell`), each cell's escapes turned back into the
 * characters they set. Throws `UnescapedError` at the first character LaTeX would not set as text.
 */
export function readLatexCells(source: string): CellReadBack[] {
  const cells: CellReadBack[] = [{text: '', urls: []}]
  let at = 0
  const fail = (why: string): never => {
    throw new UnescapedError(`${why} at offset ${at} of ${JSON.stringify(source)}`)
  }
  // The last two characters set literally, to see a ligature forming across them.
  let literal = ''
  const set = (text: string, raw: boolean) => {
    const cell = cells.at(-1)!
    if (raw) {
      literal += text
      if (ligatures.some((ligature) => literal.endsWith(ligature))) fail(`Unexpected TeX ligature \`${literal.slice(-2)}\``)
      literal = literal.slice(-1)
    } else literal = ''
    cell.text += text
  }
  let depth = 0
  while (at < source.length) {
    if (depth === 0 && source.startsWith(' & ', at)) {
      cells.push({text: '', urls: []})
      literal = ''
      at += 3
      continue
    }
    if (source.startsWith('\\href{', at)) {
      const end = source.indexOf('}{', at)
      if (end < 0) fail('Unexpected `\\href` without its text')
      cells.at(-1)!.urls.push(readHrefUrl(source.slice(at + 6, end), fail))
      at = end + 2
      depth++
      literal = ''
      continue
    }
    if (depth > 0 && source[at] === '}') {
      depth--
      at++
      literal = ''
      continue
    }
    const escape = escapes.find(([written]) => source.startsWith(written, at))
    if (escape) {
      if (escape[0] === '\\kern0pt ' && !/[-,<>]$/.test(cells.at(-1)!.text)) fail('Unexpected `\\kern0pt` outside a ligature')
      set(escape[1], ligating.has(escape[0]))
      at += escape[0].length
      continue
    }
    const character = String.fromCodePoint(source.codePointAt(at)!)
    if (specials.has(character)) fail(`Unexpected unescaped \`${character}\``)
    if (character === '\ufffd') fail('Unexpected U+FFFD, which LuaTeX reads as a broken UTF-8 sequence')
    if (unreadable.test(character)) fail(`Unexpected control character U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
    set(character, true)
    at += character.length
  }
  if (depth !== 0) fail('Unexpected `\\href` text without its closing brace')
  return cells
}

/** The URL of `\href{…}` as a browser gets it: hyperref reads it verbatim but for `\%` and `\#`. */
function readHrefUrl(written: string, fail: (why: string) => never): string {
  if (/[{}]|\\(?![%#])|(?<!\\)[%#]|[^\x21-\x7e]/u.test(written)) fail(`Unexpected \`${written}\` in \`\\href\`, expected printable ASCII with \`%\` and \`#\` escaped, no braces`)
  return written.replace(/\\([%#])/g, '$1')
}
