import {methodColumns, parseCitation, formatCitation, splitList, type Method, type Survey, type Vocabulary, type VocabularyId} from '@fmrl/model'
import type {Place} from '@fmrl/parser'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {lintData} from '../data.js'
import {createRule, report} from '../rule.js'
import {exampleVocabularies} from '../util/example-vocabularies.js'
import {cellItems, readItem} from '../util/symbols.js'
import {isEmptyValue, methodRows, nameKey, roleTables, type ColumnRole, type MethodRow} from '../util/tables.js'
import {arxivId, urlKey} from '../util/urls.js'

type Attribute = 'citation' | 'models' | 'code' | 'paper' | VocabularyId

/** One attribute as a row states it: a comparable key and how to show it. */
interface Value {
  key: string
  shown: string
}

const symbolKeys: Record<VocabularyId, keyof Method> = {ft: 'ft', fmRole: 'fmRoles', rlAgent: 'rlAgent', rlTask: 'rlTask', rlSetting: 'rlSetting', rlRole: 'rlRoles', metric: 'metrics'}

function columnName(attribute: Attribute): string {
  const key = attribute in symbolKeys ? symbolKeys[attribute as VocabularyId] : attribute
  return methodColumns.find((column) => column.key === key)?.header ?? attribute
}

function setValue(items: readonly string[]): Value {
  return {key: [...items].map((item) => item.toLowerCase()).sort().join('|'), shown: items.join(', ')}
}

/** What a row states for an attribute, or undefined when it does not state it. */
function rowValue(row: MethodRow, attribute: Attribute, vocabularies: readonly Vocabulary[]): Value | undefined {
  if (attribute === 'citation') {
    const citation = row.citation === undefined ? undefined : parseCitation(row.citation)
    return citation && {key: formatCitation(citation).toLowerCase(), shown: formatCitation(citation)}
  }
  if (attribute === 'paper') {
    const url = row.cell('paper')?.url ?? row.nameCell.url
    return url && arxivId(url) ? {key: urlKey(url), shown: url} : url && row.cell('paper') ? {key: urlKey(url), shown: url} : undefined
  }
  const cell = row.cell(attribute as ColumnRole)
  if (!cell) return undefined
  if (attribute === 'code') {
    if (isEmptyValue(cell.text) || /^[×✗❌]$/.test(cell.text)) return {key: 'none', shown: '-'}
    const url = cell.url ?? (/^https?:\/\//.test(cell.text) ? cell.text : undefined)
    return url ? {key: urlKey(url), shown: url} : {key: 'some', shown: cell.text}
  }
  if (attribute === 'models') return setValue(splitList(cell.text))
  const vocabulary = vocabularies.find((candidate) => candidate.id === attribute)
  const items = cellItems(cell.text, attribute as VocabularyId).map((item) => {
    const read = vocabulary && readItem(vocabulary, item, () => undefined)
    return read && read.status !== 'unknown' ? read.term.symbol : item
  })
  return setValue(items)
}

/** The survey's value of an attribute, in the same shape as a row's. */
function surveyValue(method: Method, attribute: Attribute): Value {
  if (attribute === 'citation') return {key: formatCitation(method.citation).toLowerCase(), shown: formatCitation(method.citation)}
  if (attribute === 'code' || attribute === 'paper') {
    const url = method[attribute]
    return url ? {key: urlKey(url), shown: url} : {key: 'none', shown: '-'}
  }
  if (attribute === 'models') return setValue(method.models)
  const value = method[symbolKeys[attribute]] as string | string[]
  return setValue(typeof value === 'string' ? [value] : value)
}

/** Whether two statements of an attribute agree (a code "✅" agrees with any code link). */
function agree(attribute: Attribute, a: Value, b: Value): boolean {
  if (attribute === 'code' && (a.key === 'some' || b.key === 'some')) return a.key !== 'none' && b.key !== 'none'
  return a.key === b.key
}

const attributes: Attribute[] = ['citation', 'models', 'ft', 'fmRole', 'rlAgent', 'rlTask', 'rlSetting', 'rlRole', 'metric', 'code', 'paper']

/** Two tables describing the same method with different values: one message per differing attribute. */
export const consistentValues = createRule({
  id: 'consistent-values',
  description: 'The same method described with different values by two tables (or by a table and the survey), one message per attribute',
  severity: 'error',
  defaults: {},
  examples: {
    ok: [
      {
        title: 'a summary table that agrees, in another notation',
        markdown: '| Method | RL Role | Code |\n| - | - | - |\n| AGILE \\[Feng et al., 2024] | $\\pi_l, v_l, \\text{rft}$ | [Link](https://github.com/bytarnish/AGILE) |\n\n| Method | Code | RL Role |\n| - | - | - |\n| [AGILE](https://github.com/bytarnish/AGILE/) | ✅ | π_l, v_l, rft |\n',
        data: {vocabularies: exampleVocabularies}
      }
    ],
    notOk: [
      {
        title: 'two tables of one file disagree',
        markdown: '| Method | FT | Code |\n| - | - | - |\n| When2Ask \\[Hu et al., 2024] | × | [Code](https://github.com/ZJLAB-AMMI/LLM4RL) |\n\n| Method | FT | Code |\n| - | - | - |\n| When2Ask \\[Hu et al., 2023] | ✓ | - |\n',
        messages: [
          '7:1-7:31: Unexpected Citation `Hu et al., 2023` for `When2Ask`, expected `Hu et al., 2024` as at line 3 (consistent-values)',
          '7:31-7:35: Unexpected FT `✓` for `When2Ask`, expected `×` as at line 3 (consistent-values)',
          '7:35-7:40: Unexpected Code `-` for `When2Ask`, expected `https://github.com/ZJLAB-AMMI/LLM4RL` as at line 3 (consistent-values)'
        ]
      }
    ]
  },
  reads: ['survey', 'sources', 'vocabularies'],
  // A row is compared with the survey's method of its name alone: a file's findings depend on those methods and their places.
  // A row the survey read its method from is compared with nothing: of its method, only where the name was read matters.
  readsPart: {
    keys: ['survey', 'sources'],
    part({survey, sources}, lookups) {
      if (!survey) return null
      const index = methodIndexOf(survey)
      return {
        vocabularies: survey.vocabularies,
        methods: lookups.map((lookup) => {
          const own = ownRowName(lookup)
          const at = index.get(own ?? lookup)
          if (at === undefined) return null
          if (own !== undefined) return {own: sources?.get(sourcePointer(at, 'name')) ?? null}
          return {method: survey.methods[at], places: (['name', ...attributes] as const).map((attribute) => sources?.get(sourcePointer(at, attribute)) ?? null)}
        })
      }
    }
  },
  check({tree, file, lookedUp}) {
    const {survey, sources, vocabularies = survey?.vocabularies ?? []} = lintData(file)
    const firstRow = new Map<string, MethodRow>()
    const methodIndex = survey ? methodIndexOf(survey) : new Map<string, number>()
    const lookups = new Set<string>()
    for (const row of methodRows(roleTables(tree))) {
      const key = nameKey(row.name)
      const index = methodIndex.get(key) ?? -1
      const method = index >= 0 ? survey!.methods[index] : undefined
      const earlier = firstRow.get(key)
      if (!earlier) firstRow.set(key, row)
      // The row the survey read the method from (a content file's own) states what the survey holds.
      if (method && isSurveyRow(sources?.get(sourcePointer(index, 'name')), file, row)) {
        lookups.add(ownRowLookup(key))
        continue
      }
      lookups.add(key)
      // A row with neither a method nor an earlier row to agree with has nothing to be compared with.
      if (!method && !earlier) continue
      for (const attribute of attributes) {
        const value = rowValue(row, attribute, vocabularies)
        if (!value) continue
        if (method) {
          const expected = surveyValue(method, attribute)
          if (agree(attribute, value, expected)) continue
          const place = sources?.get(sourcePointer(index, attribute))
          differ(file, row, attribute, value, expected, place && {text: `${place.file}:${place.line}:${place.column}`, place: {start: {line: place.line, column: place.column}, end: {line: place.endLine, column: place.endColumn}}, file: place.file})
        } else if (earlier) {
          const expected = rowValue(earlier, attribute, vocabularies)
          if (!expected || agree(attribute, value, expected)) continue
          const place = earlier.row.node.position
          differ(file, row, attribute, value, expected, {text: place ? `line ${place.start.line}` : 'an earlier table', place, file: file.path})
        }
      }
    }
    lookedUp(lookups)
  }
})

const methodIndexes = new WeakMap<Survey, Map<string, number>>()
/** The index of the survey's first method of each name key, built once per survey: a search of the methods for each row made the rule rows × methods. */
function methodIndexOf(survey: Survey): Map<string, number> {
  let index = methodIndexes.get(survey)
  if (!index) {
    index = new Map()
    for (const [at, method] of survey.methods.entries()) {
      const key = nameKey(method.name)
      if (!index.has(key)) index.set(key, at)
    }
    methodIndexes.set(survey, index)
  }
  return index
}

/** Where the survey's value of an attribute of its method at `index` came from, in its sources. */
function sourcePointer(index: number, attribute: Attribute | 'name'): string {
  return `/methods/${index}/${attribute in symbolKeys ? symbolKeys[attribute as VocabularyId] : attribute}`
}

/**
 * The lookup of a row that is its method's own, which holds where the survey read the name instead of
 * the method: a name key has letters and digits only, so the two kinds of lookup never meet.
 */
const ownRowLookup = (key: string) => `own:${key}`

/** The name key of a row's own lookup (see `ownRowLookup`), or undefined for a name key. */
const ownRowName = (lookup: string) => (lookup.startsWith('own:') ? lookup.slice('own:'.length) : undefined)

/** Whether a row is the one the survey's method was read from: its name cell is at the method's recorded place. */
function isSurveyRow(place: Place | undefined, file: VFile, row: MethodRow): boolean {
  return place !== undefined && place.file === file.path && place.line === row.nameCell.node.position?.start.line && place.column === row.nameCell.node.position.start.column
}

/** Where the other statement of an attribute is: shown in the message and kept as its cause. */
interface Other {
  text: string
  place: Position | undefined
  file: string
}

function differ(file: VFile, row: MethodRow, attribute: Attribute, value: Value, expected: Value, first: Other | undefined): void {
  // Citation and paper may live in the method cell (`[AGILE](…) [Feng et al., 2024]`).
  const cell = row.cell(attribute as ColumnRole) ?? row.nameCell
  const source = first ? ` as at ${first.text}` : ' as the survey has it'
  report(file, `Unexpected ${columnName(attribute)} \`${value.shown}\` for \`${row.name}\`, expected \`${expected.shown}\`${source}`, cell.node, {
    ...(first ? {cause: {reason: 'Stated here', place: first.place, file: first.file}} : {}),
    actual: value.shown,
    expected: [expected.shown]
  })
}
