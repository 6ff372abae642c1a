export {symbolAttributes, table1Attributes, vocabularyColumns, type MethodColumnKey, type SymbolAttribute} from './attributes.js'
export {
  columnForHeader,
  decodeUrl,
  isLiteralLink,
  isNoValue,
  joined,
  namedLinksColumn,
  normalizeHeader,
  noValue,
  notation,
  textColumn,
  textListColumn,
  urlColumn,
  type CellFormat,
  type CellProblem,
  type CellText,
  type CodecContext,
  type Column,
  type Decoded,
  type Inline
} from './codec.js'
export {citedNameColumn, methodColumn, methodColumns, methodViews, type ColumnKey, type MethodColumn, type MethodView, type ViewColumn} from './method-columns.js'
export {checkSurvey, type SurveyIssue} from './check.js'
export {surveyJsonSchema} from './json-schema.js'
export {Duration, LinkCache, LinkCacheEntry, LinkClass, LinksOptions} from './links.js'
export {LintConfig, LintRules, LintSeverity, lintConfigJsonSchema, lintRuleIds} from './lint-config.js'
export {joinList, splitList, splitSymbolList} from './lists.js'
export {Citation, FineTuning, Method, Url, Year, formatCitation, parseCitation} from './method.js'
export {nameKey} from './name-key.js'
export {modelFamilies, modelFamily, modelFamilyRules, type ModelFamilyRule} from './model-family.js'
export {Environment, NamedLink, ReadingEntry, RelatedList} from './reading-list.js'
export {Affiliation, Author, Dataset, Metadata, Reference, Section, SectionId, Survey} from './survey.js'
export {Category, Role, RoleId} from './taxonomy.js'
export {Term, TermOrigin, Vocabulary, VocabularyId, findTerm, lookupTerm, lookupVariant} from './vocabulary.js'
export {datasetColumns, environmentColumns, readingEntryColumns, relatedListColumns} from './entry-columns.js'
export {emptyDraft, type MethodDraft, type SurveyDraft} from './draft.js'
