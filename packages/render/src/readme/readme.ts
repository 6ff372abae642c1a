import type {Survey} from '@fmrl/model'
import type {Root, RootContent} from 'mdast'
import {heading, html, text} from '../nodes.js'
import {renderGeneratedComment} from '../shared/generated.js'
import {renderHeader} from './header.js'
import {renderPictures} from './pictures.js'
import {renderEnvironments, renderReadingList} from './reading-list.js'
import {renderRole} from './roles.js'
import {renderAtAGlance, renderCitation, renderContributorLinks, renderDatasets, renderLastUpdate, renderProse} from './sections.js'
import {renderToc} from './toc.js'

/**
 * Two awesome-lint rules, switched off for the survey's comparison tables only (the datasets and the
 * role sections), where they misread data as prose:
 * - double-link: a Code cell may link the repository a dataset row links too (MineDojo holds the
 *   MineDojo dataset and MineCLIP's code), and two methods may share one repository;
 * - awesome-spell-check: the Model(s) column spells each model as its paper and maker do (`Llama 2`
 *   is Meta's own spelling since 2023, not the `LLaMA` the rule asks for).
 * The prose, the reading list and the environments, which are link lists, stay checked.
 */
const tableRules = 'double-link awesome-spell-check'
const tablesBegin = html(`<!--lint disable ${tableRules}-->`)
const tablesEnd = html(`<!--lint enable ${tableRules}-->`)

/**
 * The whole README as mdast: the header as its introduction, the contents (awesome-lint wants them
 * first, under `## Contents`), the overview with its pictures, prose, datasets, one section per role,
 * the reading list and environments, closing sections.
 */
export function renderReadme(survey: Survey): Root {
  const tocHeading = heading(2, text('Contents'))
  const children: RootContent[] = [
    renderGeneratedComment(),
    ...renderHeader(survey.metadata),
    renderAtAGlance(survey),
    tocHeading,
    ...renderProse(survey, 'overview', renderPictures(survey)),
    ...renderProse(survey, 'highlights'),
    tablesBegin,
    ...renderDatasets(survey),
    ...survey.taxonomy.flatMap((role) => renderRole(survey, role)),
    tablesEnd,
    ...renderReadingList(survey),
    ...renderEnvironments(survey),
    ...renderProse(survey, 'future-directions'),
    ...renderCitation(survey),
    ...renderProse(survey, 'contributing', [renderContributorLinks()]),
    ...renderLastUpdate(survey)
  ]
  const tree: Root = {type: 'root', children}
  tree.children.splice(tree.children.indexOf(tocHeading) + 1, 0, renderToc(tree, tocHeading))
  return tree
}
