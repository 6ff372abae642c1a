import {z} from 'zod'

/** The three roles of the survey's taxonomy. */
export const RoleId = z.enum(['agent', 'planner', 'reward'])
export type RoleId = z.infer<typeof RoleId>

const slug = z.string().regex(/^[a-z][a-z\d]*(?:-[a-z\d]+)*$/, 'Expected a kebab-case id')

export const Category = z.object({
  id: slug.meta({description: 'Kebab-case id, for example non-parametric'}),
  name: z.string().min(1),
  description: z.string().min(1)
})
export type Category = z.infer<typeof Category>

export const Role = z.object({
  id: RoleId,
  name: z.string().min(1).meta({description: 'For example LLM/VLM as Agent'}),
  emoji: z.string().optional(),
  description: z.string().min(1),
  categories: z.array(Category).min(1)
})
export type Role = z.infer<typeof Role>
