import {formatCitation, methodColumns, symbolAttributes, table1Attributes, type Method, type MethodColumnKey, type Survey} from '@fmrl/model'
import type {PhrasingContent} from 'mdast'
import {link, text} from '../nodes.js'
import {codeCell, methodCell} from '../readme/roles.js'
import {symbolCell} from '../symbols.js'

/** The header of a method column, as content/ and every generated table write it. */
export function columnHeader(key: MethodColumnKey): string {
  return methodColumns.find((column) => column.key === key)!.header
}

/** `[Paper](url)`, or `-` when the paper is not known. */
export function paperCell(url: string | null): PhrasingContent[] {
  return url ? [link(url, text('Paper'))] : [text('-')]
}

/**
 * Every column of a method as Markdown cells: symbols in their Markdown notation (inline math for
 * π_l, text for rft), the name linked to the paper, code and paper as links or `-`.
 */
export function methodCells(survey: Survey, method: Method): Record<MethodColumnKey, PhrasingContent[]> {
  const symbols = Object.fromEntries(symbolAttributes.map((attribute) => {
    const value = method[attribute.key]
    return [attribute.key, symbolCell(survey, attribute.vocabulary, typeof value === 'string' ? [value] : value)]
  })) as Record<(typeof symbolAttributes)[number]['key'], PhrasingContent[]>
  return {
    ...symbols,
    name: method.paper ? [link(method.paper, text(method.name))] : [text(method.name)],
    citation: [text(formatCitation(method.citation))],
    models: [text(method.models.join(', '))],
    code: codeCell(method.code),
    paper: paperCell(method.paper)
  }
}

/** The cells of one row of Table 1, in its column order; its Citation column reads `AGILE [Feng et al., 2024]`. */
export function table1Cells(survey: Survey, method: Method): PhrasingContent[][] {
  const cells = methodCells(survey, method)
  return table1Attributes.map((key) => (key === 'citation' ? methodCell(method) : cells[key]))
}
