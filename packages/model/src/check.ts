import {symbolAttributes} from './attributes.js'
import {formatCitation} from './method.js'
import {nameKey} from './name-key.js'
import type {Survey} from './survey.js'
import {findTerm} from './vocabulary.js'

/** A broken cross-reference inside a survey: the path of the value, what is wrong, and the rule it breaks. */
export interface SurveyIssue {
  path: Array<string | number>
  message: string
  /** `unknown-citation`, `no-duplicate-method`, …; absent for a plain invalid value. */
  ruleId?: string
}

/**
 * Check what a schema cannot: categories, symbols, references and affiliations that must exist, and
 * entries that must be unique (one method per name, one category per name within its role, one
 * reference per citation), so the model never holds two entries for one thing.
 */
export function checkSurvey(survey: Survey): SurveyIssue[] {
  return [...checkTaxonomy(survey), ...checkMethods(survey), ...checkUnique(survey), ...checkAuthors(survey)]
}

function checkTaxonomy(survey: Survey): SurveyIssue[] {
  const issues: SurveyIssue[] = []
  survey.taxonomy.forEach((role, roleIndex) => {
    const earlierRole = survey.taxonomy.findIndex((candidate) => candidate.id === role.id)
    if (earlierRole < roleIndex) issues.push({path: ['taxonomy', roleIndex, 'id'], message: `Unexpected second role \`${role.id}\`, expected each role once`, ruleId: 'no-duplicate-entry'})
    role.categories.forEach((category, index) => {
      const earlier = role.categories.findIndex((candidate) => candidate.id === category.id || nameKey(candidate.name) === nameKey(category.name))
      if (earlier < index) {
        issues.push({path: ['taxonomy', roleIndex, 'categories', index], message: `Unexpected second category \`${category.name}\` (\`${category.id}\`) in role \`${role.id}\`, expected a name and id no other category of the role has`, ruleId: 'no-duplicate-entry'})
      }
    })
  })
  return issues
}

function checkMethods(survey: Survey): SurveyIssue[] {
  const issues: SurveyIssue[] = []
  const references = new Set(survey.references.map((reference) => formatCitation(reference.citation)))
  survey.methods.forEach((method, index) => {
    const role = survey.taxonomy.find((candidate) => candidate.id === method.role)
    if (!role?.categories.some((category) => category.id === method.category)) {
      issues.push({path: ['methods', index, 'category'], message: `Unexpected category \`${method.category}\` for role \`${method.role}\``})
    }
    for (const attribute of symbolAttributes) {
      const vocabulary = survey.vocabularies.find((candidate) => candidate.id === attribute.vocabulary)
      const value = method[attribute.key]
      const symbols = typeof value === 'string' ? [value] : value
      for (const symbol of symbols) {
        if (!vocabulary || !findTerm(vocabulary, symbol)) {
          issues.push({path: ['methods', index, attribute.key], message: `Unexpected symbol \`${symbol}\` outside vocabulary \`${attribute.vocabulary}\``, ruleId: 'no-unknown-symbol'})
        }
      }
    }
    if (!references.has(formatCitation(method.citation))) {
      issues.push({path: ['methods', index, 'citation'], message: `Unexpected citation \`${formatCitation(method.citation)}\` without a reference`, ruleId: 'unknown-citation'})
    }
  })
  return issues
}

/** Entries that must be unique, each second one reported at its own place. */
function checkUnique(survey: Survey): SurveyIssue[] {
  const issues: SurveyIssue[] = []
  const seen = <T>(items: readonly T[], key: (item: T) => string, report: (item: T, index: number, first: T) => void) => {
    const first = new Map<string, T>()
    items.forEach((item, index) => {
      const earlier = first.get(key(item))
      if (earlier === undefined) first.set(key(item), item)
      else report(item, index, earlier)
    })
  }
  seen(survey.methods, (method) => nameKey(method.name), (method, index, first) => {
    issues.push({path: ['methods', index, 'name'], message: `Unexpected second method \`${method.name}\` (the same name as \`${first.name}\`), expected each method once; remove one row or rename it`, ruleId: 'no-duplicate-method'})
  })
  seen(survey.references, (reference) => formatCitation(reference.citation), (reference, index) => {
    issues.push({path: ['references', index, 'citation'], message: `Unexpected second reference \`${formatCitation(reference.citation)}\`, expected one reference per citation; tell them apart with a suffix such as \`2023b\``, ruleId: 'no-duplicate-entry'})
  })
  seen(survey.datasets, (dataset) => nameKey(dataset.name), (dataset, index) => {
    issues.push({path: ['datasets', index], message: `Unexpected second dataset \`${dataset.name}\`, expected each dataset once`, ruleId: 'no-duplicate-entry'})
  })
  survey.vocabularies.forEach((vocabulary, index) => {
    if (survey.vocabularies.findIndex((candidate) => candidate.id === vocabulary.id) < index) {
      issues.push({path: ['vocabularies', index], message: `Unexpected second legend section for \`${vocabulary.id}\`, expected one per column`, ruleId: 'no-duplicate-entry'})
    }
    seen(vocabulary.terms, (term) => term.symbol, (term, termIndex) => {
      issues.push({path: ['vocabularies', index, 'terms', termIndex], message: `Unexpected second legend entry \`${term.symbol}\`, expected each symbol once`, ruleId: 'no-duplicate-entry'})
    })
  })
  return issues
}

function checkAuthors(survey: Survey): SurveyIssue[] {
  const known = new Set(survey.metadata.affiliations.map((affiliation) => affiliation.id))
  return survey.metadata.authors.flatMap((author, index) =>
    author.affiliations
      .filter((id) => !known.has(id))
      .map((id) => ({path: ['metadata', 'authors', index, 'affiliations'], message: `Unexpected affiliation ${id} for ${author.name}`}))
  )
}
