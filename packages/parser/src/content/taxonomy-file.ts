import {RoleId, type Role} from '@fmrl/model'
import {quoteList, reportError} from '../diagnostics.js'
import {readTables} from '../tables.js'
import {checkColumns} from './columns.js'
import {recordSource, type FileContext} from './context.js'
import {optionalText} from './values.js'

/** Read `taxonomy.md`: the roles table, then the categories table that fills each role. */
export function parseTaxonomyFile(context: FileContext): Role[] {
  const roles: Role[] = []
  for (const table of readTables(context.tree)) {
    const section = table.headings[1]
    if (section === 'Roles') roles.push(...readRoles(context, checkColumns(context, table, ['Role', 'Name', 'Emoji', 'Description'])))
    else if (section === 'Categories') readCategories(context, checkColumns(context, table, ['Role', 'Category', 'Name', 'Description']), roles)
    else reportError(context.file, table.node, `Unexpected table under \`${section ?? 'the title'}\`, expected one under \`Roles\` or \`Categories\``, 'unknown-heading')
  }
  return roles
}

function readRoles(context: FileContext, rows: ReturnType<typeof checkColumns>): Role[] {
  return rows.flatMap(({cell}, index) => {
    const id = RoleId.safeParse(cell('Role').text)
    if (!id.success) {
      reportError(context.file, cell('Role').node, `Unexpected role \`${cell('Role').text}\`, expected one of ${quoteList(RoleId.options)}`, 'invalid-value')
      return []
    }
    recordSource(context, `/taxonomy/${index}`, cell('Role').node)
    const emoji = optionalText(cell('Emoji'))
    return [{id: id.data, name: cell('Name').text, ...(emoji === null ? {} : {emoji}), description: cell('Description').text, categories: []}]
  })
}

function readCategories(context: FileContext, rows: ReturnType<typeof checkColumns>, roles: Role[]): void {
  for (const {cell} of rows) {
    const role = roles.find((candidate) => candidate.id === cell('Role').text)
    if (!role) {
      reportError(context.file, cell('Role').node, `Unexpected role \`${cell('Role').text}\`, expected one of ${quoteList(roles.map((known) => known.id))} from the roles table`, 'invalid-value')
      continue
    }
    recordSource(context, `/taxonomy/${roles.indexOf(role)}/categories/${role.categories.length}`, cell('Category').node)
    role.categories.push({id: cell('Category').text, name: cell('Name').text, description: cell('Description').text})
  }
}
