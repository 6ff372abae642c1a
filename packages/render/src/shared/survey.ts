import type {Category, Method, Role, Survey} from '@fmrl/model'

/** The methods of one category, in the survey's order. */
export function categoryMethods(survey: Survey, role: Role, category: Category): Method[] {
  return survey.methods.filter((method) => method.role === role.id && method.category === category.id)
}

/** A role's heading text, emoji first when it has one. */
export function roleTitle(role: Role): string {
  return role.emoji ? `${role.emoji} ${role.name}` : role.name
}

/** The path of a role's page below tables/, as table1.md and the README link to it. */
export const rolePagePath = (role: Role): string => `${role.id}.md`

/** The name of a method's category. */
export function categoryName(survey: Survey, method: Method): string {
  return survey.taxonomy.find((role) => role.id === method.role)?.categories.find((category) => category.id === method.category)?.name ?? method.category
}

/** A count with its noun in the number it needs: `1 category`, `2 categories`. */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`
}
