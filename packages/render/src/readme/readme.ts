import type {Survey} from '@fmrl/model'
import type {Root} from 'mdast'
import {heading, text} from '../nodes.js'
import {renderGeneratedComment} from '../shared/generated.js'
import {renderHeader} from './header.js'
import {renderPictures} from './pictures.js'
import {renderRole} from './roles.js'
import {renderAtAGlance, renderCitation, renderDatasets, renderLastUpdate, renderProse} from './sections.js'
import {renderToc} from './toc.js'

/** The whole README as mdast: header, overview with the Mermaid pictures, prose, contents, datasets, one section per role, closing sections. */
export function renderReadme(survey: Survey): Root {
  const tocHeading = heading(2, text('🧠 Table of Contents'))
  const tree: Root = {
    type: 'root',
    children: [
      renderGeneratedComment(),
      ...renderHeader(survey.metadata),
      ...renderProse(survey, 'overview', renderPictures(survey)),
      ...renderProse(survey, 'highlights', [renderAtAGlance(survey)]),
      tocHeading,
      ...renderDatasets(survey),
      ...survey.taxonomy.flatMap((role) => renderRole(survey, role)),
      ...renderProse(survey, 'future-directions'),
      ...renderCitation(survey),
      ...renderProse(survey, 'contributing'),
      ...renderLastUpdate(survey)
    ]
  }
  tree.children.splice(tree.children.indexOf(tocHeading) + 1, 0, renderToc(tree, tocHeading))
  return tree
}
