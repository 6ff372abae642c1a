import {joinList, splitList} from './lists.js'
import {Url} from './method.js'
import type {NamedLink} from './reading-list.js'
import type {Vocabulary, VocabularyId} from './vocabulary.js'

/**
 * How a table column turns a value into a cell and a cell into a value: the pieces every column
 * definition (method columns, datasets, the reading list) is made of, so that the parser, `fmrl add`,
 * `fmrl import`, `fmrl check`, lint and render read and write cells one way.
 */

/** A cell as the codec reads it: its text (links read as their text, math kept as `$…$`) and its links. */
export interface CellText {
  text: string
  /** `start`: where the link's text starts in `text`, when the reader knows (two equal texts are then told apart). */
  links: ReadonlyArray<{url: string; text: string; start?: number}>
}

/** Inline content a cell is written as: text, inline math or a link (a subset of mdast's phrasing content). */
export type Inline = {type: 'text'; value: string} | {type: 'inlineMath'; value: string} | {type: 'link'; url: string; children: Inline[]}

/**
 * `content`: the canonical plain form of content/ (plain symbols, bare URLs);
 * `markdown`: the generated tables' notation (math for π_l, `[Code](url)`, the name linked to its paper).
 */
export type CellFormat = 'content' | 'markdown'

/** What a column reads against: the vocabularies, and whether to accept the spellings hand-kept lists use. */
export interface CodecContext {
  vocabularies: readonly Vocabulary[]
  /** The notation cells are written in; `content` cells hold no links but URLs (a name is never linked there). */
  format?: CellFormat
  /** Accept variants (`✅` for `✓`), every "no value" spelling (`–`, `N/A`, `✗`) and kind links (`[pdf](url)`). */
  lenient?: boolean
}

/** Why a cell does not read as a value; `item` is the part of the cell at fault, for placing the message. */
export interface CellProblem {
  reason: string
  ruleId: 'invalid-value' | 'no-unknown-symbol' | 'missing-cell'
  item?: string
}

export type Decoded<T> = {ok: true; value: Partial<T>} | {ok: false; problem: CellProblem}

/** One column of a table of entries `T`: its headers, vocabulary, and how a cell encodes and decodes. */
export interface Column<T, K extends keyof T & string = keyof T & string> {
  /** The attribute the column holds; a column may also read others (a linked name gives the paper). */
  key: K
  /** The header in content/ (and in generated tables, unless a view renames it). */
  header: string
  /** Other headers hand-kept lists use for the column, as `normalizeHeader` writes them. */
  aliases: readonly string[]
  vocabulary: VocabularyId | undefined
  list: boolean
  /** Whether a cell may hold no value (`-`). */
  optional: boolean
  /** The cell for an entry; an empty cell where the entry does not know the value (a draft). */
  encode(entry: T, context: CodecContext, format: CellFormat): Inline[]
  decode(cell: CellText, context: CodecContext): Decoded<T>
}

/** The placeholder for an absent value (a method without public code). */
export const noValue = '-'

// What hand-kept lists write for "no value"; content/ writes only `-`.
const noValueSpellings = /^(?:-+|–|—|n\/?a|none|null|✗|✘|❌|)$/i

/** Whether a cell says "no value": `-` always, the other spellings when reading leniently. */
export function isNoValue(text: string, lenient = false): boolean {
  const trimmed = text.trim()
  return trimmed === noValue || (lenient && noValueSpellings.test(trimmed))
}

export const text = (value: string): Inline => ({type: 'text', value})

/**
 * Whether a link is text that GitHub links by itself (`http://x.org`, `www.x.org`, `a@b.org` written
 * as plain text): a reader sees it as a link, but the text was the value.
 */
export function isLiteralLink(link: {url: string; text: string}): boolean {
  return link.url === link.text || link.url === `http://${link.text}` || link.url === `mailto:${link.text}`
}
export const decoded = <T>(value: Partial<T>): Decoded<T> => ({ok: true, value})
export const problem = <T>(reason: string, ruleId: CellProblem['ruleId'] = 'invalid-value', item?: string): Decoded<T> => ({
  ok: false,
  problem: {reason, ruleId, ...(item === undefined ? {} : {item})}
})

/** A term's Markdown notation as inline content: `$…$` is inline math, anything else text. */
export function notation(markdown: string): Inline {
  const math = /^\$(.+)\$$/.exec(markdown)
  return math ? {type: 'inlineMath', value: math[1]!} : text(markdown)
}

/** Join runs of inline content with `, `. */
export function joined(parts: Inline[][]): Inline[] {
  return parts.flatMap((part, index) => (index === 0 ? part : [text(', '), ...part]))
}

/** Header text as compared: lowercase, single spaces, without Markdown emphasis or a trailing colon. */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[*_`]/g, '').replace(/\s+/g, ' ').replace(/:$/, '').trim()
}

/** A column without a vocabulary (names, text, links, URLs): one value a cell unless `list`. */
export function plainColumn<T, K extends keyof T & string>(column: Omit<Column<T, K>, 'vocabulary' | 'list'> & {list?: boolean}): Column<T, K> {
  return {vocabulary: undefined, list: false, ...column}
}

/** A cell holding plain text (required unless `optional`). */
export function textColumn<T, K extends keyof T & string>(key: K, header: string, aliases: readonly string[], optional = false): Column<T, K> {
  return plainColumn({
    key,
    header,
    aliases,
    optional,
    encode: (entry) => (entry[key] === undefined ? [] : [text((entry[key] as string | null) ?? noValue)]),
    decode(cell, context) {
      const written = cell.text.trim()
      if (optional && isNoValue(written, context.lenient)) return decoded<T>({[key]: null} as Partial<T>)
      if (written === '') return problem(`Unexpected empty cell in column \`${header}\`, expected a value${optional ? ' (or `-`)' : ''}`, 'missing-cell')
      return decoded<T>({[key]: written} as Partial<T>)
    }
  })
}

/** A cell holding a comma-separated list of plain text (`joinList` quotes an item with a comma). */
export function textListColumn<T, K extends keyof T & string>(key: K, header: string, aliases: readonly string[], minimum = 1): Column<T, K> {
  return plainColumn({
    key,
    header,
    aliases,
    list: true,
    optional: minimum === 0,
    encode: (entry) => (entry[key] === undefined ? [] : [text((entry[key] as string[]).length === 0 ? noValue : joinList(entry[key] as string[]))]),
    decode(cell, context) {
      const items = minimum === 0 && isNoValue(cell.text, context.lenient) ? [] : splitList(cell.text)
      if (items.length < minimum) return problem(`Unexpected empty cell in column \`${header}\`, expected one or more values, comma-separated`, 'missing-cell')
      return decoded<T>({[key]: items} as Partial<T>)
    }
  })
}

/**
 * Read one URL from a cell: a link (its text may name its kind, `[Code](url)`), or a bare URL; `-`
 * (and, leniently, the other "no value" spellings) is null. A second link or words beside the URL
 * are a problem, never silently dropped.
 */
export function decodeUrl(cell: CellText, header: string, context: CodecContext, optional: boolean): {ok: true; url: string | null} | {ok: false; problem: CellProblem} {
  const written = cell.text.trim()
  if (cell.links.length === 0) {
    if (optional && isNoValue(written, context.lenient)) return {ok: true, url: null}
    if (written === '') return {ok: false, problem: {reason: `Unexpected empty cell in column \`${header}\`, expected a URL${optional ? ' or `-`' : ''}`, ruleId: 'missing-cell'}}
    return checkUrl(header, written, written)
  }
  if (cell.links.length > 1) {
    const second = cell.links[1]!
    return {ok: false, problem: {reason: `Unexpected second link \`${second.url}\` in column \`${header}\`, expected one URL${optional ? ' (or `-`)' : ''}; keep one link per cell`, ruleId: 'invalid-value', item: second.url}}
  }
  const link = cell.links[0]!
  const rest = written.replace(link.text, '').trim()
  if (rest !== '') return {ok: false, problem: {reason: `Unexpected text \`${rest}\` beside the URL in column \`${header}\`, expected the URL alone`, ruleId: 'invalid-value', item: rest}}
  return checkUrl(header, link.url, link.text)
}

function checkUrl(header: string, url: string, item: string): {ok: true; url: string} | {ok: false; problem: CellProblem} {
  const parsed = Url.safeParse(url)
  if (parsed.success) return {ok: true, url}
  const why = /^https?:\/\/\S+$/i.test(url) ? `: ${parsed.error.issues[0]?.message ?? 'an http(s) URL'}` : ''
  return {ok: false, problem: {reason: `Unexpected \`${url}\` in column \`${header}\`, expected an http(s) URL${why}`, ruleId: 'invalid-value', item}}
}

/** A column holding one URL (or `-` when optional): a bare URL in content/, a link named `kind` in generated tables. */
export function urlColumn<T, K extends keyof T & string>(key: K, header: string, kind: string, aliases: readonly string[], optional = true): Column<T, K> {
  return plainColumn({
    key,
    header,
    aliases,
    optional,
    encode(entry, _context, format) {
      const url = entry[key] as string | null | undefined
      if (url === undefined) return []
      return url ? [{type: 'link', url, children: [text(format === 'content' ? url : kind)]}] : [text(noValue)]
    },
    decode(cell, context) {
      const read = decodeUrl(cell, header, context, optional)
      return read.ok ? decoded<T>({[key]: read.url} as Partial<T>) : read
    }
  })
}

/** A column holding names that may link somewhere: `[VIMA-Bench](url), MuJoCo`. */
export function namedLinksColumn<T, K extends keyof T & string>(key: K, header: string, aliases: readonly string[]): Column<T, K> {
  return plainColumn({
    key,
    header,
    aliases,
    list: true,
    optional: true,
    encode(entry) {
      const links = entry[key] as NamedLink[] | undefined
      if (links === undefined) return []
      if (links.length === 0) return [text(noValue)]
      return joined(links.map((link) => [link.url ? {type: 'link', url: link.url, children: [text(link.name)]} : text(joinList([link.name]))]))
    },
    decode(cell, context) {
      if (cell.links.length === 0 && isNoValue(cell.text, context.lenient)) return decoded<T>({[key]: []} as Partial<T>)
      // A link is one item whatever its text holds (a comma too); the text between links is split as a list.
      // Links are cut out from the end, so earlier offsets stay right.
      let text = cell.text
      const placeholder = (index: number) => `\u0000${index}\u0000`
      const places = cell.links.map((link, index) => ({link, index, at: link.start ?? cell.text.indexOf(link.text)}))
      for (const {link, index, at} of [...places].sort((a, b) => b.at - a.at)) {
        if (at < 0 || link.text === '') return problem(`Unexpected link \`${link.url}\` in column \`${header}\` without a name, expected \`[name](url)\``, 'invalid-value', link.url)
        text = `${text.slice(0, at)}${placeholder(index)}${text.slice(at + link.text.length)}`
      }
      const links: NamedLink[] = []
      for (const item of splitList(text)) {
        const held = places.filter(({index}) => item.includes(placeholder(index)))
        const [only] = held
        if (held.length === 1 && only && item === placeholder(only.index)) {
          if (!Url.safeParse(only.link.url).success) return problem(`Unexpected \`${only.link.url}\` for \`${only.link.text}\` in column \`${header}\`, expected an http(s) URL`, 'invalid-value', only.link.url)
          links.push({name: only.link.text.trim(), url: only.link.url})
          continue
        }
        // Text GitHub links by itself (`a http://x.org b`) is part of a name, not a link of its own.
        const real = held.find(({link}) => !isLiteralLink(link))
        if (real) return problem(`Unexpected text beside the link \`${real.link.url}\` in column \`${header}\`, expected each item a name or a \`[name](url)\``, 'invalid-value', real.link.url)
        // A function, not a string: a replacement string reads `$'`, `$&` and `$$` in the link's text as patterns.
        links.push({name: held.reduce((name, {link, index}) => name.replace(placeholder(index), () => link.text), item), url: null})
      }
      return decoded<T>({[key]: links} as Partial<T>)
    }
  })
}

/** The column of `columns` a hand-kept list's header names (by its header or an alias), or undefined. */
export function columnForHeader<C extends {header: string; aliases: readonly string[]}>(columns: readonly C[], header: string): C | undefined {
  const name = normalizeHeader(header)
  return columns.find((column) => normalizeHeader(column.header) === name) ?? columns.find((column) => column.aliases.includes(name))
}
