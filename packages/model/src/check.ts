import {formatCitation} from './method.js'
import {symbolAttributes} from './attributes.js'
import type {Survey} from './survey.js'
import {findTerm} from './vocabulary.js'

/** A broken cross-reference inside a survey: the path of the value and what is wrong. */
export interface SurveyIssue {
  path: Array<string | number>
  message: string
}

/** Check what a schema cannot: categories, symbols, references and affiliations that must exist. */
export function checkSurvey(survey: Survey): SurveyIssue[] {
  return [...checkMethods(survey), ...checkAuthors(survey)]
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
          issues.push({path: ['methods', index, attribute.key], message: `Unexpected symbol \`${symbol}\` outside vocabulary \`${attribute.vocabulary}\``})
        }
      }
    }
    if (!references.has(formatCitation(method.citation))) {
      issues.push({path: ['methods', index, 'citation'], message: `Unexpected citation \`${formatCitation(method.citation)}\` without a reference`})
    }
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
