import {z} from 'zod'
import {Citation, Method, Url, Year} from './method.js'
import {Environment, ReadingEntry, RelatedList} from './reading-list.js'
import {CellString, OptionalCellString} from './text.js'
import {Role} from './taxonomy.js'
import {Vocabulary} from './vocabulary.js'

export const Affiliation = z.object({
  id: z.number().int().positive(),
  name: CellString,
  short: OptionalCellString.optional()
})
export type Affiliation = z.infer<typeof Affiliation>

export const Author = z.object({
  name: CellString,
  affiliations: z.array(z.number().int().positive()).min(1),
  equalContribution: z.boolean()
})
export type Author = z.infer<typeof Author>

export const Reference = z
  .object({
    citation: Citation,
    authors: CellString.meta({description: 'As the reference list prints them: Ethan A. Brooks, Logan Walls, et al.'}),
    title: CellString,
    venue: CellString
  })
  .meta({description: 'One entry of the paper\'s reference list'})
export type Reference = z.infer<typeof Reference>

export const Dataset = z.object({
  name: CellString,
  year: Year,
  domain: CellString,
  modality: CellString,
  url: Url
})
export type Dataset = z.infer<typeof Dataset>

export const SectionId = z.enum(['overview', 'highlights', 'future-directions', 'contributing'])
export type SectionId = z.infer<typeof SectionId>

export const Section = z
  .object({
    id: SectionId,
    title: CellString.meta({description: 'Heading text, emoji included'}),
    markdown: z.string().meta({description: 'The body as Markdown'})
  })
  .meta({description: 'A prose section of the README'})
export type Section = z.infer<typeof Section>

export const Metadata = z.object({
  title: CellString.meta({description: 'The survey paper\'s title'}),
  list: CellString.meta({description: 'The awesome list\'s title'}),
  arxiv: z.string().regex(/^\d{4}\.\d{4,5}$/, 'Expected a new-style arXiv id such as 2502.15214'),
  lastUpdate: z.iso.date(),
  authors: z.array(Author).min(1),
  affiliations: z.array(Affiliation).min(1),
  bibtex: z.string().min(1)
})
export type Metadata = z.infer<typeof Metadata>

export const Survey = z
  .object({
    metadata: Metadata,
    taxonomy: z.array(Role).length(3),
    vocabularies: z.array(Vocabulary),
    methods: z.array(Method),
    datasets: z.array(Dataset),
    references: z.array(Reference),
    sections: z.array(Section),
    relatedLists: z.array(RelatedList),
    readingList: z.array(ReadingEntry),
    environments: z.array(Environment)
  })
  .meta({
    title: 'Survey',
    description: 'The Evolving Landscape of LLM- and VLM-Integrated Reinforcement Learning, as one model'
  })
export type Survey = z.infer<typeof Survey>
