import {cp, mkdtemp, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {JsonFinding} from '../src/lint-report.js'
import {main} from '../src/main.js'

export const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url))

/** A temporary repository holding a copy of content/ (and nothing generated yet). */
export async function temporaryRepository(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'fmrl-'))
  await cp(join(repositoryRoot, 'content'), join(root, 'content'), {recursive: true})
  return root
}

/** Run the CLI in-process, capturing what it prints. */
export async function run(argv: string[], cwd: string): Promise<{code: number; out: string; err: string}> {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, {out: (text) => out.push(text), err: (text) => err.push(text)}, cwd)
  return {code, out: out.join('\n'), err: err.join('\n')}
}

export const readText = (path: string) => readFile(path, 'utf8')

/** A finding as the pinned lists write it: `line:column-line:column: severity: message (rule-id)`. */
export const showFinding = (finding: JsonFinding) => `${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}: ${finding.severity}: ${finding.message} (${finding.ruleId})`

/** How many pinned findings each rule has. */
export function countByRule(findings: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const finding of findings) {
    const rule = /\(([a-z-]+)\)$/.exec(finding)![1]!
    counts[rule] = (counts[rule] ?? 0) + 1
  }
  return counts
}
