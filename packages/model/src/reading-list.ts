import {z} from 'zod'
import {Url} from './method.js'
import {CellString, OptionalCellString} from './text.js'

const slug = z.string().regex(/^[a-z][a-z\d]*(?:-[a-z\d]+)*$/, 'Expected a kebab-case id')

/** A name with the page it links to, where there is one: an experiment environment, a project page. */
// GitHub turns text that looks like a URL or an address into a link, so such a name needs its URL.
const linkedByGitHub = /^(?:https?:\/\/|www\.)|^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i

export const NamedLink = z
  .object({
    name: CellString,
    url: Url.nullable()
  })
  .refine((link) => link.url !== null || !linkedByGitHub.test(link.name), {message: 'Expected a URL for a name that is itself a URL or an address', path: ['url']})
export type NamedLink = z.infer<typeof NamedLink>

/** A related awesome list whose entries were merged into this one, credited beside them. */
export const RelatedList = z
  .object({
    id: slug.meta({description: 'Kebab-case id entries refer to, for example vlm-rl'}),
    title: CellString,
    url: Url.nullable().meta({description: 'Where the list is kept, when known'}),
    description: CellString
  })
  .meta({description: 'A related awesome list this one includes entries of'})
export type RelatedList = z.infer<typeof RelatedList>

/** One paper of the reading list: related work beyond Table 1, from a related list. */
export const ReadingEntry = z
  .object({
    title: CellString,
    url: Url.nullable().meta({description: 'The paper (an arXiv abs page where there is one)'}),
    section: CellString.meta({description: 'The reading-list section, for example VLM-RL'}),
    list: slug.meta({description: 'The id of the related list the entry comes from'}),
    authors: z.array(CellString).meta({description: 'As the list gives them; empty when it gives none'}),
    venue: OptionalCellString.nullable(),
    date: OptionalCellString.nullable().meta({description: 'When the paper appeared, as the list writes it: 2024, 2024-05'}),
    keywords: z.array(CellString),
    environments: z.array(NamedLink).meta({description: 'Where the paper runs its experiments'}),
    links: z.array(NamedLink).meta({description: 'Other pages: a project homepage, code'}),
    note: OptionalCellString.nullable().meta({description: 'A remark the list makes, for example notable top 5%'}),
    overview: OptionalCellString.nullable().meta({description: 'A one-paragraph summary of the method'}),
    method: OptionalCellString.nullable().meta({description: 'The name of the survey method this paper is, when it is one'})
  })
  .meta({description: 'One entry of the reading list'})
export type ReadingEntry = z.infer<typeof ReadingEntry>

/** An open-source environment or benchmark to run RL experiments in. */
export const Environment = z
  .object({
    name: CellString,
    url: Url,
    description: OptionalCellString.nullable(),
    image: Url.nullable().meta({description: 'A picture of the environment, when one is published'}),
    list: slug.meta({description: 'The id of the related list the entry comes from'})
  })
  .meta({description: 'One open-source RL environment'})
export type Environment = z.infer<typeof Environment>
