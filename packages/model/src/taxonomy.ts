import {z} from 'zod'
import {CellString, OptionalCellString} from './text.js'

/** The three roles of the survey's taxonomy. */
export const RoleId = z.enum(['agent', 'planner', 'reward'])
export type RoleId = z.infer<typeof RoleId>

const slug = z.string().regex(/^[a-z][a-z\d]*(?:-[a-z\d]+)*$/, 'Expected a kebab-case id')

export const Category = z.object({
  id: slug.meta({description: 'Kebab-case id, for example non-parametric'}),
  name: CellString,
  description: CellString
})
export type Category = z.infer<typeof Category>

export const Role = z.object({
  id: RoleId,
  name: CellString.meta({description: 'For example LLM/VLM as Agent'}),
  emoji: OptionalCellString.optional(),
  description: CellString,
  categories: z.array(Category).min(1)
})
export type Role = z.infer<typeof Role>
