import type {Metadata} from '@fmrl/model'
import type {PhrasingContent, RootContent} from 'mdast'
import {heading, image, link, paragraph, strong, text} from '../nodes.js'

const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹'

/** Affiliation ids as superscript digits (¹,³), the way a paper's author line marks them. */
export function superscript(ids: readonly number[]): string {
  return ids.map((id) => [...String(id)].map((digit) => superscripts[Number(digit)]).join('')).join('˒')
}

/** The list's title with its Awesome badge, then the paper: title, authors, affiliations, arXiv link. */
export function renderHeader(metadata: Metadata): RootContent[] {
  const authors: PhrasingContent[] = metadata.authors.flatMap((author, index) => [
    text(`${index === 0 ? '' : ', '}${author.name}${superscript(author.affiliations)}${author.equalContribution ? '*' : ''}`)
  ])
  const affiliations = metadata.affiliations.map((affiliation) => `${superscript([affiliation.id])}${affiliation.name}${affiliation.short ? ` (${affiliation.short})` : ''}`)
  return [
    heading(1, text(`${metadata.list} `), link('https://awesome.re', image('https://awesome.re/badge.svg', 'Awesome'))),
    paragraph(text('This repository accompanies the survey paper:')),
    paragraph(strong(text(metadata.title)), {type: 'break'}, ...authors, {type: 'break'}, text(affiliations.join(' · ')), {type: 'break'}, text('* equal contribution')),
    paragraph(text('📄 '), link(`https://arxiv.org/abs/${metadata.arxiv}`, text(`arXiv:${metadata.arxiv}`)))
  ]
}
