import type {
  Code,
  Heading,
  Html,
  Image,
  Link,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Strong,
  Table,
  TableCell,
  TableRow,
  Text
} from 'mdast'
import type {InlineMath} from 'mdast-util-math'

/** Small mdast builders: render code reads as the document it builds. */
export const text = (value: string): Text => ({type: 'text', value})
export const strong = (...children: PhrasingContent[]): Strong => ({type: 'strong', children})
export const link = (url: string, ...children: PhrasingContent[]): Link => ({type: 'link', url, children})
export const paragraph = (...children: PhrasingContent[]): Paragraph => ({type: 'paragraph', children})
export const heading = (depth: Heading['depth'], ...children: PhrasingContent[]): Heading => ({type: 'heading', depth, children})
export const html = (value: string): Html => ({type: 'html', value})
export const code = (lang: string, value: string): Code => ({type: 'code', lang, value})
export const image = (url: string, alt: string): Image => ({type: 'image', url, alt})
export const inlineMath = (value: string): InlineMath => ({type: 'inlineMath', value})

export function list(items: PhrasingContent[][]): List {
  return {type: 'list', ordered: false, spread: false, children: items.map((children): ListItem => ({type: 'listItem', spread: false, children: [paragraph(...children)]}))}
}

/** A GFM table from a header row and body rows of phrasing content (or rows already built). */
export function table(headers: string[], rows: ReadonlyArray<PhrasingContent[][] | TableRow>): Table {
  const row = (cells: PhrasingContent[][] | TableRow): TableRow => (Array.isArray(cells) ? {type: 'tableRow', children: cells.map((children): TableCell => ({type: 'tableCell', children}))} : cells)
  return {type: 'table', align: headers.map(() => null), children: [row(headers.map((header) => [text(header)])), ...rows.map(row)]}
}

/** Join phrasing runs with a separator, as in `a, b, c`. */
export function joined(parts: PhrasingContent[][], separator = ', '): PhrasingContent[] {
  return parts.flatMap((part, index) => (index === 0 ? part : [text(separator), ...part]))
}
