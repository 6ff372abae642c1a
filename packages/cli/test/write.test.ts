import {spawn} from 'node:child_process'
import {copyFile, readFile, writeFile} from 'node:fs/promises'
import {watch} from 'node:fs'
import {dirname, join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {renderFromContent} from '../src/build.js'
import {git} from './git-repository.js'
import {repositoryRoot, run, temporaryRepository} from './helpers.js'

const bin = join(repositoryRoot, 'packages/cli/dist/bin.js')
const agentPath = 'content/methods/agent.md'
/** Extra rows make every output some hundred kilobytes, so a kill can land while one is being written. */
const extraRows = 60
const runs = 6

/** A committed repository whose content is the real content plus `extraRows` copies of AGILE, built. */
async function bigRepository(): Promise<{root: string; outputs: string[]}> {
  const root = await temporaryRepository()
  const path = join(root, agentPath)
  const lines = (await readFile(path, 'utf8')).split('\n')
  const agile = lines.findIndex((line) => line.startsWith('| AGILE |'))
  lines.splice(agile + 1, 0, ...Array.from({length: extraRows}, (_, index) => lines[agile]!.replace('| AGILE |', `| AGILE ${index} |`)))
  await writeFile(path, lines.join('\n'))
  const built = await run(['build'], root)
  await copyFile(join(repositoryRoot, '.gitignore'), join(root, '.gitignore'))
  git(root, 'init', '--quiet')
  git(root, 'add', '.')
  git(root, 'commit', '--quiet', '--message', 'Build')
  return {root, outputs: built.out.split('\n').map((line) => line.replace(/: written$/, ''))}
}

/** Run the real CLI build and SIGKILL it as soon as the `nth` temporary output file shows up. */
async function killedBuild(root: string, outputs: readonly string[], nth: number): Promise<void> {
  const child = spawn(process.execPath, [bin, 'build', '--root', root], {stdio: 'ignore'})
  let seen = 0
  const watchers = [...new Set(outputs.map((output) => dirname(output)))].map((directory) =>
    watch(join(root, directory), (_event, name) => {
      if (name && /\.\d+$/.test(name) && ++seen === nth) child.kill('SIGKILL')
    })
  )
  await new Promise((resolve) => child.on('exit', resolve))
  for (const watcher of watchers) watcher.close()
}

describe('atomic writes', () => {
  test('a build killed mid-write leaves every output either old or new, and nothing git would see', async () => {
    const {root, outputs} = await bigRepository()
    const old = new Map(await Promise.all(outputs.map(async (output) => [output, await readFile(join(root, output), 'utf8')] as const)))
    const path = join(root, agentPath)
    await writeFile(path, (await readFile(path, 'utf8')).replace('| AGILE 0 | Feng et al., 2024 | Meerkat, Vicuna-1.5 |', '| AGILE 0 | Feng et al., 2024 | Meerkat 2 |'))
    const rendered = await renderFromContent(root, 'content')
    const fresh = new Map(rendered.outputs!.map((output) => [output.path, output.content]))
    const changed = outputs.filter((output) => fresh.get(output) !== old.get(output))
    expect(changed.length).toBeGreaterThan(3)
    let leftBehind = 0
    for (let nth = 1; nth <= runs; nth++) {
      for (const [output, text] of old) await writeFile(join(root, output), text)
      await killedBuild(root, outputs, nth)
      for (const output of outputs) {
        const text = await readFile(join(root, output), 'utf8')
        expect([old.get(output), fresh.get(output)], `${output} after a kill at temporary file ${nth}`).toContain(text)
      }
      const status = git(root, 'status', '--porcelain', '--ignored', '--untracked-files=all').split('\n').filter((line) => line !== '')
      expect(status.filter((line) => !line.startsWith(' M ') && !line.startsWith('!! '))).toEqual([])
      const ignored = status.filter((line) => line.startsWith('!! '))
      expect(ignored.filter((line) => !/^!! (README\.md|tables\/[^/]+|export\/[^/]+)\.\d+$/.test(line))).toEqual([])
      if (ignored.length > 0) leftBehind++
      for (const line of ignored) git(root, 'clean', '--quiet', '-X', '--force', '--', line.slice(3))
    }
    // At least one kill landed between a temporary file's creation and its rename: the case that matters.
    expect(leftBehind).toBeGreaterThan(0)
    await run(['build'], root)
    for (const output of changed) expect(await readFile(join(root, output), 'utf8')).toBe(fresh.get(output))
  }, 120_000)
})
