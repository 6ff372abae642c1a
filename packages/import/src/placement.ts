import {RoleId, nameKey, type Category, type Role} from '@fmrl/model'
import type {Heading} from 'mdast'
import type {Position} from 'unist'
import type {Scope} from './scope.js'
import type {ImportState} from './state.js'

/** A hand-written member list of a section: `**Parametric (fine-tuned)**: AGILE, TWOSOME, …`. */
export interface MemberList {
  label: string
  members: string[]
  /** The heading of the section the list sits in. */
  section: Heading | undefined
  position: Position | undefined
}

const emoji = /^\s*(\p{Extended_Pictographic}\uFE0F?)\s*/u
const slug = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z\d]+/g, '-').replace(/^-+|-+$/g, '') || 'category'

/** The category a label or heading names, without the noise around it: `Parametric (fine-tuned)`, `Table of Comprehensive Planning Approaches`. */
function categoryName(text: string): string {
  return text
    .replace(emoji, '')
    .replace(/\([^)]*\)/g, '')
    .replace(/^table of\s+/i, '')
    .replace(/\b(?:llms?\/vlms?|llms?|vlms?)\b/gi, '')
    .replace(/\b(?:agents?|planners?|planning|approaches|methods)\s*$/gi, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The role a heading names: one of the target's by name, else a new one when a heading names a role id. */
function findRole(state: ImportState, scope: Scope): Role | undefined {
  for (const heading of scope.headings) {
    const key = nameKey(heading.text)
    const known = state.taxonomy.find((role) => key.includes(nameKey(role.name)))
    if (known) return known
  }
  for (const heading of scope.headings) {
    const id = RoleId.options.find((candidate) => new RegExp(`\\b${candidate}s?\\b`, 'i').test(heading.text))
    if (!id || state.taxonomy.some((role) => role.id === id)) continue
    const role: Role = {id, name: heading.text.replace(emoji, '').trim(), ...(emoji.exec(heading.text) ? {emoji: emoji.exec(heading.text)![1]!} : {}), description: '', categories: []}
    state.taxonomy.push(role)
    return role
  }
  return undefined
}

/**
 * The category a heading or label names in a role: the one its name is, noise aside (`Table of
 * Non-Parametric LLM/VLM Agents` is Non-parametric, not Parametric); else the longest one it contains.
 */
function matchCategory(role: Role, text: string, loose: boolean): Category | undefined {
  const exact = role.categories.find((category) => nameKey(category.name) === nameKey(categoryName(text)))
  if (exact || !loose) return exact
  const key = nameKey(text)
  return role.categories.filter((category) => key.includes(nameKey(category.name))).sort((a, b) => nameKey(b.name).length - nameKey(a.name).length)[0]
}

/**
 * Place a method table in the taxonomy: its role from the headings above it, its category from the
 * innermost heading or from the section's member list whose names the table's rows share most. An
 * empty target grows the role and category the list names; otherwise a table that names none is a problem.
 */
export function placeTable(state: ImportState, scope: Scope, memberLists: readonly MemberList[], names: readonly string[]): {role: Role; category: Category} | {problem: string} {
  const role = findRole(state, scope)
  if (!role) return {problem: 'a method table outside any role section: no heading above it names a role (agent, planner or reward)'}
  const heading = scope.headings.at(-1)
  const keys = new Set(names.map(nameKey))
  const overlap = (list: MemberList) => list.members.filter((member) => keys.has(nameKey(member))).length
  const list = memberLists.filter((candidate) => overlap(candidate) > 0).sort((a, b) => overlap(b) - overlap(a))[0]
  // A role the target already defines has its categories; one this import grows learns them as it goes.
  const grows = !state.target.taxonomy.some((known) => known.id === role.id)
  const found = (heading && heading.node.depth > 2 ? matchCategory(role, heading.text, !grows) : undefined) ?? (list ? matchCategory(role, list.label, !grows) : undefined)
  if (found) return {role, category: found}
  const name = list ? categoryName(list.label) : heading ? categoryName(heading.text) : ''
  if (!grows || name === '') return {problem: `a method table under \`${heading?.text ?? role.name}\` that matches no category of \`${role.name}\` (${role.categories.map((category) => `\`${category.name}\``).join(', ')})`}
  const category: Category = {id: slug(name), name, description: ''}
  role.categories.push(category)
  return {role, category}
}
