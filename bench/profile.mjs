// The profile suite: `fmrl lint` under `node --cpu-prof`, on our content and on generated content,
// summarised as where the time goes (Markdown parsing, tree walks, serialisation, GC, each rule,
// zod, module loading), self time by package and the top functions. The .cpuprofile files are kept
// in bench/results/profiles/ to open in Chrome DevTools or speedscope.
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {markdownTable} from 'markdown-table'
import {repositoryRoot, writeSize} from './fixtures.mjs'
import {sizes} from './generate.mjs'
import {benchEnvironment, runOnce} from './measure.mjs'

// The modules `fmrl`'s bundle is made of, not the bundle: the same code, and each function's script
// names its package. Module loading weighs more here than in the bundle the bin runs.
const cli = join(repositoryRoot, 'packages/cli/dist/bin.js')

/** The package a profiled function belongs to, from its script URL. */
export function packageOf(url, functionName) {
  if (url === '') return functionName === '(garbage collector)' ? '(garbage collector)' : functionName.startsWith('(') ? functionName : '(native)'
  if (url.startsWith('node:')) return url.startsWith('node:internal/modules/') ? 'node (module loader)' : 'node (internals)'
  const workspace = /\/packages\/([^/]+)\/dist\//.exec(url)
  const modules = url.lastIndexOf('/node_modules/')
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + '/node_modules/'.length).split('/')
    return scope.startsWith('@') ? `${scope}/${name}` : scope
  }
  if (workspace) return `@fmrl/${workspace[1]}`
  return '(other)'
}

/** The lint rule a function is part of (its file under packages/lint/dist/rules/), if any. */
const ruleOf = (url) => /\/packages\/lint\/dist\/rules\/([^/]+)\.js$/.exec(url)?.[1]

/** What a summary groups time by: on the stack (inclusive, once per sample) of these frames. */
const stackGroups = [
  {key: 'parse', label: 'Markdown parse: micromark + mdast-util-from-markdown (on stack)', match: (pkg) => pkg.startsWith('micromark') || pkg === 'mdast-util-from-markdown'},
  {key: 'visit', label: 'unist-util-visit-parents (on stack: the walks with their callbacks)', match: (pkg) => pkg === 'unist-util-visit-parents'},
  {key: 'to-markdown', label: 'mdast-util-to-markdown: serialising (on stack)', match: (pkg) => pkg === 'mdast-util-to-markdown'},
  {key: 'zod', label: 'zod (on stack)', match: (pkg) => pkg === 'zod'},
  {key: 'modules', label: 'module loading: node\'s loader with top-level evaluation (on stack)', match: (pkg) => pkg === 'node (module loader)'}
]

/** fmrl's own entry points, by package and function name: which step of a command the time is in. */
const steps = [
  ['@fmrl/parser', 'parseContent', 'parseContent: content/ to the model (lint runs it for the survey data)'],
  ['@fmrl/render', 'renderOutputs', 'renderOutputs: every output rendered (lint does it to learn their paths)'],
  ['@fmrl/lint', 'surveyData', 'surveyData: the model to lint data'],
  ['@fmrl/lint', 'lintFile', 'lintFile: parse + rules, per linted file'],
  ['@fmrl/parser', 'parseMarkdown', 'parseMarkdown (every caller: parseContent, lintFile, ...)'],
  ['@fmrl/lint', 'lintTree', 'lintTree: the rules on a parsed tree'],
  ['@fmrl/lint', 'applyIgnoreComments', 'applyIgnoreComments']
]

/**
 * Summarise a V8 CPU profile: milliseconds per group on the stack, per rule on the stack, self time
 * per package and per function. Each sample lasts until the next one.
 */
export function summarise(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const children = new Set(profile.nodes.flatMap((node) => node.children ?? []))
  const stacks = new Map()
  const pending = profile.nodes.filter((node) => !children.has(node.id)).map((node) => [node, []])
  while (pending.length > 0) {
    const [node, inherited] = pending.pop()
    const pkg = packageOf(node.callFrame.url, node.callFrame.functionName)
    const own = [...stackGroups.filter((group) => group.match(pkg)).map((group) => group.key)]
    for (const [stepPackage, name] of steps) if (pkg === stepPackage && node.callFrame.functionName === name) own.push(`step:${name}`)
    const rule = ruleOf(node.callFrame.url)
    if (rule) own.push(`rule:${rule}`)
    const keys = own.some((key) => !inherited.includes(key)) ? [...new Set([...inherited, ...own])] : inherited
    stacks.set(node.id, keys)
    for (const child of node.children ?? []) pending.push([byId.get(child), keys])
  }
  const onStack = new Map()
  const selfByPackage = new Map()
  const selfByFunction = new Map()
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms)
  let totalMs = 0
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000
    totalMs += ms
    const node = byId.get(id)
    const {functionName, url, lineNumber} = node.callFrame
    const pkg = packageOf(url, functionName)
    add(selfByPackage, pkg, ms)
    add(selfByFunction, `${functionName || '(anonymous)'} ${url ? `${pkg} ${url.split('/').pop()}:${lineNumber + 1}` : ''}`.trim(), ms)
    for (const key of stacks.get(id)) add(onStack, key, ms)
  })
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1])
  return {totalMs, samples: profile.samples.length, onStack: Object.fromEntries(onStack), selfByPackage: sorted(selfByPackage), selfByFunction: sorted(selfByFunction)}
}

const ms = (value) => `${Math.round(value ?? 0)} ms`
const share = (value, total) => `${(((value ?? 0) / total) * 100).toFixed(1)}%`

/** A summary as Markdown tables. */
export function summaryText(title, summary, wallMs) {
  const {totalMs, onStack} = summary
  const groups = stackGroups.map((group) => [group.label, ms(onStack[group.key]), share(onStack[group.key], totalMs)])
  const self = (pkg) => summary.selfByPackage.find(([name]) => name === pkg)?.[1]
  groups.splice(2, 0, ['unist-util-visit-parents (self: the walking alone)', ms(self('unist-util-visit-parents')), share(self('unist-util-visit-parents'), totalMs)])
  groups.push(['garbage collector (self)', ms(self('(garbage collector)')), share(self('(garbage collector)'), totalMs)])
  groups.push(['(program): V8 compiling and native work outside JS (self)', ms(self('(program)')), share(self('(program)'), totalMs)])
  const fmrlSteps = steps.map(([, name, label]) => [label, ms(onStack[`step:${name}`]), share(onStack[`step:${name}`], totalMs)])
  const rules = Object.entries(onStack)
    .filter(([key]) => key.startsWith('rule:'))
    .sort((a, b) => b[1] - a[1])
    .map(([key, value]) => [key.slice(5), ms(value), share(value, totalMs)])
  return [
    `### ${title}`,
    `Wall ${ms(wallMs)} under the profiler; ${ms(totalMs)} profiled in ${summary.samples} samples.`,
    markdownTable([['where (on stack = inclusive, each sample once)', 'time', 'share'], ...groups], {align: ['l', 'r', 'r']}),
    markdownTable([['fmrl step (on stack)', 'time', 'share'], ...fmrlSteps], {align: ['l', 'r', 'r']}),
    markdownTable([['lint rule (on stack)', 'time', 'share'], ...rules], {align: ['l', 'r', 'r']}),
    markdownTable([['package (self time)', 'time', 'share'], ...summary.selfByPackage.slice(0, 15).map(([name, value]) => [name, ms(value), share(value, totalMs)])], {align: ['l', 'r', 'r']}),
    markdownTable([['function (self time)', 'time', 'share'], ...summary.selfByFunction.slice(0, 20).map(([name, value]) => [name.replace(/\|/g, '\\|'), ms(value), share(value, totalMs)])], {align: ['l', 'r', 'r']})
  ].join('\n\n')
}

/** Profile one command; its summary, or the run's failure. */
function profileCommand({title, args, cwd, keepAs}) {
  const directory = mkdtempSync(join(tmpdir(), 'fmrl-bench-profile-'))
  try {
    const run = runOnce({command: process.execPath, args: ['--cpu-prof', '--cpu-prof-dir', directory, cli, ...args], cwd, env: benchEnvironment(), timeoutMs: 30 * 60_000})
    const [file] = readdirSync(directory).filter((name) => name.endsWith('.cpuprofile'))
    if (run.status !== 'ok' || !file) return {title, status: run.status, text: `### ${title}\n\n${run.status} (exit ${run.exitCode})\n\n${run.output ?? ''}`}
    const kept = join(repositoryRoot, 'bench/results/profiles')
    mkdirSync(kept, {recursive: true})
    copyFileSync(join(directory, file), join(kept, keepAs))
    const summary = summarise(JSON.parse(readFileSync(join(directory, file), 'utf8')))
    return {title, status: 'ok', wallMs: run.wallMs, profile: join('bench/results/profiles', keepAs), ...summary, selfByFunction: summary.selfByFunction.slice(0, 50), text: summaryText(title, summary, run.wallMs)}
  } finally {
    rmSync(directory, {recursive: true, force: true})
  }
}

/** Profile `fmrl lint` on our content, then on each size's README-style file and content/. */
export function runProfile({sizeNames, log}) {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const profiles = []
  log('profiling fmrl lint on our content')
  profiles.push(profileCommand({title: 'fmrl lint on our content (content/ and the generated Markdown)', args: ['lint'], cwd: repositoryRoot, keepAs: `${stamp}-lint-content.cpuprofile`}))
  for (const size of sizeNames) {
    const directory = mkdtempSync(join(tmpdir(), `fmrl-bench-profile-${size}-`))
    try {
      const fixture = writeSize(directory, sizes[size])
      log(`profiling fmrl lint on the ${size} README-style file`)
      profiles.push(profileCommand({title: `fmrl lint on the ${size} README-style file`, args: ['lint', '--root', fixture.readme, 'README.md'], cwd: fixture.readme, keepAs: `${stamp}-lint-${size}-readme.cpuprofile`}))
      log(`profiling fmrl lint on the ${size} content/`)
      profiles.push(profileCommand({title: `fmrl lint on the ${size} content/`, args: ['lint', '--root', fixture.site, 'content'], cwd: fixture.site, keepAs: `${stamp}-lint-${size}-content.cpuprofile`}))
    } finally {
      rmSync(directory, {recursive: true, force: true})
    }
  }
  return profiles
}
