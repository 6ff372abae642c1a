import {join, resolve} from 'node:path'
import {expectedRuleId, ruleIds} from '@fmrl/lint'
import {LintConfig} from '@fmrl/model'
import {messageSource} from '@fmrl/parser'
import {findNodeAtLocation, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError} from 'jsonc-parser'
import {VFile} from 'vfile'
import {readIfExists, readText} from './read.js'

/** The configuration file `fmrl lint` reads when no `--config` is given. */
export const defaultConfigPath = 'fmrl.config.json'

/** The configuration, or the config file carrying its positioned errors. */
export type ConfigRead = {config: LintConfig; file: VFile | undefined} | {config: undefined; file: VFile}

/**
 * Read and validate the lint configuration: `path` (relative to `cwd`, or absolute) when given, else
 * `fmrl.config.json` at the root, where no file means the defaults.
 */
export async function readLintConfig(root: string, path: string | undefined, cwd: string = root): Promise<ConfigRead> {
  // A missing default file is fine; a missing file the user named is their error (ENOENT, exit 2).
  const text = path === undefined ? await readIfExists(join(root, defaultConfigPath)) : await readText(resolve(cwd, path))
  if (text === undefined) return {config: LintConfig.parse({}), file: undefined}
  return parseLintConfig(new VFile({path: path ?? defaultConfigPath, value: text}))
}

/** Parse JSON (comments and trailing commas allowed) and validate it; every problem is positioned in the file. */
export function parseLintConfig(file: VFile): ConfigRead {
  const text = String(file.value)
  const errors: ParseError[] = []
  const tree = parseTree(text, errors, {allowTrailingComma: true, disallowComments: false})
  // One message per place: after the first error, the parser's recovery reports the same spot again.
  const first = errors.filter((error, index) => errors.findIndex((other) => other.offset === error.offset) === index)
  for (const error of first) fail(file, error.offset, error.length, `Unexpected JSON: ${printParseErrorCode(error.error)}, expected valid JSON (comments and trailing commas are allowed)`)
  if (errors.length > 0 || !tree) return {config: undefined, file}
  const parsed = LintConfig.safeParse(JSON.parse(JSON.stringify(nodeValue(tree))))
  if (parsed.success) return {config: parsed.data, file}
  for (const issue of parsed.error.issues) {
    const path = issue.path as Array<string | number>
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const node = findNodeAtLocation(tree, [...path, key])?.parent?.children?.[0]
        const what = path.at(-1) === 'rules' ? `rule \`${key}\`` : `key \`${key}\``
        const expected = path.at(-1) === 'rules' ? expectedRuleId(key, ruleIds) : 'one the schema names (see schema/fmrl.config.schema.json)'
        fail(file, node?.offset ?? 0, node?.length ?? 0, `Unexpected ${what}, expected ${expected}`)
      }
      continue
    }
    const deepest = deepestIssue(issue)
    const fullPath = [...path, ...(deepest === issue ? [] : (deepest.path as Array<string | number>))]
    const node = findNodeAtLocation(tree, fullPath) ?? findNodeAtLocation(tree, path)
    fail(file, node?.offset ?? 0, node?.length ?? 0, `Unexpected value at \`${fullPath.join('.')}\`: ${deepest.message}`)
  }
  return {config: undefined, file}
}

type Issue = {path: PropertyKey[]; message: string; code?: string; errors?: Issue[][]}

/** In a union, the branch that got furthest explains the problem best. */
function deepestIssue(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || !issue.errors) return issue
  const candidates = issue.errors.flat().map(deepestIssue)
  return candidates.sort((a, b) => b.path.length - a.path.length)[0] ?? issue
}

/** The plain value of a parsed JSON node (jsonc-parser keeps comments out of it). */
function nodeValue(node: JsonNode): unknown {
  if (node.type === 'object') return Object.fromEntries((node.children ?? []).map((property) => [property.children![0]!.value, nodeValue(property.children![1]!)]))
  if (node.type === 'array') return (node.children ?? []).map(nodeValue)
  return node.value
}

/** Line and column (1-based) of an offset. */
function pointAt(text: string, offset: number): {line: number; column: number} {
  const before = text.slice(0, offset).split('\n')
  return {line: before.length, column: before[before.length - 1]!.length + 1}
}

function fail(file: VFile, offset: number, length: number, reason: string): void {
  const text = String(file.value)
  const message = file.message(reason, {place: {start: pointAt(text, offset), end: pointAt(text, offset + length)}, ruleId: 'config', source: messageSource})
  message.fatal = true
}
