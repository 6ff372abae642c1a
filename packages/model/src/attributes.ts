import type {Method} from './method.js'
import type {VocabularyId} from './vocabulary.js'

/** A method attribute that is a symbol (or list of symbols) from a vocabulary. */
export interface SymbolAttribute {
  key: 'ft' | 'fmRoles' | 'rlAgent' | 'rlTask' | 'rlSetting' | 'rlRoles' | 'metrics'
  vocabulary: VocabularyId
  list: boolean
}

export const symbolAttributes: readonly SymbolAttribute[] = [
  {key: 'ft', vocabulary: 'ft', list: false},
  {key: 'fmRoles', vocabulary: 'fmRole', list: true},
  {key: 'rlAgent', vocabulary: 'rlAgent', list: false},
  {key: 'rlTask', vocabulary: 'rlTask', list: false},
  {key: 'rlSetting', vocabulary: 'rlSetting', list: false},
  {key: 'rlRoles', vocabulary: 'rlRole', list: true},
  {key: 'metrics', vocabulary: 'metric', list: true}
]

/** The ten attributes of the paper's Table 1, in its column order. */
export const table1Attributes = [
  'citation',
  'models',
  'ft',
  'fmRoles',
  'rlAgent',
  'rlTask',
  'rlSetting',
  'rlRoles',
  'metrics',
  'code'
] as const satisfies ReadonlyArray<keyof Method>
export type Table1Attribute = (typeof table1Attributes)[number]

/** Every attribute a method row in content/ carries, with its column header there. */
export const methodColumns = [
  {key: 'name', header: 'Method'},
  {key: 'citation', header: 'Citation'},
  {key: 'models', header: 'Model(s)'},
  {key: 'ft', header: 'FT'},
  {key: 'fmRoles', header: 'FM Role'},
  {key: 'rlAgent', header: 'RL Agent'},
  {key: 'rlTask', header: 'RL Task'},
  {key: 'rlSetting', header: 'RL Setting'},
  {key: 'rlRoles', header: 'RL Role'},
  {key: 'metrics', header: 'Metrics'},
  {key: 'code', header: 'Code'},
  {key: 'paper', header: 'Paper'}
] as const satisfies ReadonlyArray<{key: keyof Method; header: string}>
export type MethodColumnKey = (typeof methodColumns)[number]['key']

/** The placeholder the paper prints for an absent code link. */
export const noValue = '-'
