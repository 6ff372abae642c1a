export {
  methodColumns,
  noValue,
  symbolAttributes,
  table1Attributes,
  type MethodColumnKey,
  type SymbolAttribute,
  type Table1Attribute
} from './attributes.js'
export {checkSurvey, type SurveyIssue} from './check.js'
export {surveyJsonSchema} from './json-schema.js'
export {Duration, LinkCache, LinkCacheEntry, LinkClass, LinksOptions} from './links.js'
export {LintConfig, LintRules, LintSeverity, lintConfigJsonSchema, lintRuleIds} from './lint-config.js'
export {Citation, FineTuning, Method, Url, formatCitation, parseCitation} from './method.js'
export {Affiliation, Author, Dataset, Metadata, Reference, Section, SectionId, Survey} from './survey.js'
export {Category, Role, RoleId} from './taxonomy.js'
export {Term, TermOrigin, Vocabulary, VocabularyId, findTerm, vocabularyColumns} from './vocabulary.js'
