import {mkdir, readdir, readFile, stat, utimes, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import lockfile from 'proper-lockfile'
import {describe, expect, test} from 'vitest'
import {renderFromContent} from '../src/build.js'
import {builtRepository, git} from './git-repository.js'
import {run, runBin, temporaryDirectory} from './helpers.js'
import {decodeOutput, encodeParts, writeOutputs} from '../src/write.js'

const faults = fileURLToPath(new URL('fs-faults.mjs', import.meta.url))
const agentPath = 'content/methods/agent.md'
const lockPath = '.fmrl-transaction.lock'

/** A built, committed repository, then a content edit that changes several outputs: the old and new text of each. */
async function editedRepository(): Promise<{root: string; old: Map<string, string>; fresh: Map<string, string>; changed: string[]}> {
  const {root, outputs} = await builtRepository()
  const old = new Map(await Promise.all(outputs.map(async (output) => [output, await readFile(join(root, output), 'utf8')] as const)))
  const path = join(root, agentPath)
  await writeFile(path, (await readFile(path, 'utf8')).replace('| AGILE | Feng et al., 2024 | Meerkat, Vicuna-1.5 |', '| AGILE | Feng et al., 2024 | Meerkat 2 |'))
  git(root, 'commit', '--quiet', '--all', '--message', 'Edit content')
  const rendered = await renderFromContent(root, 'content')
  const fresh = new Map(rendered.outputs!.map((output) => [output.path, output.content]))
  return {root, old, fresh, changed: outputs.filter((output) => fresh.get(output) !== old.get(output))}
}

/** Which version each output holds: all old, all new, or a mix. */
async function outputState(root: string, old: Map<string, string>, fresh: Map<string, string>): Promise<'old' | 'new' | 'mixed'> {
  const versions = await Promise.all([...old.keys()].map(async (output) => {
    const text = await readFile(join(root, output), 'utf8')
    expect([old.get(output), fresh.get(output)], `${output} is either its old or its new version`).toContain(text)
    return text === fresh.get(output) && text !== old.get(output) ? 'new' : text === old.get(output) && text !== fresh.get(output) ? 'old' : 'same'
  }))
  const kinds = new Set(versions.filter((version) => version !== 'same'))
  return kinds.size === 2 ? 'mixed' : kinds.has('new') ? 'new' : 'old'
}

/** A dead run stops refreshing its lock: age the lock past proper-lockfile's 10 s instead of waiting. */
async function ageLock(root: string): Promise<void> {
  const path = join(root, lockPath)
  const past = new Date(Date.now() - 60_000)
  if (await stat(path).then(() => true, () => false)) await utimes(path, past, past)
}

describe('writing the outputs as one set', () => {
  test('each output is staged before the next is asked for, and the set is put in place once all are', async () => {
    const root = await temporaryDirectory()
    await writeFile(join(root, 'same.md'), 'same\n')
    const seen: Array<{staged: string[]; a: boolean}> = []
    async function* outputs() {
      for (const [path, content] of [['a.md', 'a\n'], ['same.md', 'same\n'], ['folder/b.md', 'b\n']] as const) {
        seen.push({staged: (await readdir(join(root, '.fmrl-transaction')).catch(() => [])).sort(), a: await stat(join(root, 'a.md')).then(() => true, () => false)})
        yield {path, content}
      }
    }
    expect(await writeOutputs(root, outputs())).toEqual(['written', 'unchanged', 'written'])
    // The first output was staged before the second was asked for; none was in place before the last.
    expect(seen).toEqual([{staged: [], a: false}, {staged: ['0'], a: false}, {staged: ['0'], a: false}])
    expect([await readFile(join(root, 'a.md'), 'utf8'), await readFile(join(root, 'folder/b.md'), 'utf8'), await readdir(root)]).toEqual(['a\n', 'b\n', ['a.md', 'folder', 'same.md']])
  })

  test('an output that cannot be read where it goes stops the write: nothing staged is put in place, the next run removes it', async () => {
    const root = await temporaryDirectory()
    await mkdir(join(root, 'b.md'))
    await expect(writeOutputs(root, [{path: 'a.md', content: 'a\n'}, {path: 'b.md', content: 'b\n'}])).rejects.toMatchObject({code: 'EISDIR'})
    expect(await stat(join(root, 'a.md')).then(() => true, () => false)).toBe(false)
    expect(await writeOutputs(root, [])).toEqual([])
    expect((await readdir(root)).sort()).toEqual(['b.md'])
  })

  test('an output is written unless the file holds its very bytes: text and bytes alike, a decoding that matches is not enough', async () => {
    const root = await temporaryDirectory()
    const files: Array<[string, Uint8Array]> = [
      ['same.md', Buffer.from('π same\n')],
      ['shorter.md', Buffer.from('π same\n')],
      ['same-size.md', Buffer.from('π samf\n')],
      // Not UTF-8: read as text, it decodes (lossily) to the output's very text, yet its bytes are not the output's.
      ['lossy.md', Buffer.from([0xff, 0x0a])],
      ['bom.md', Buffer.from('\ufeffπ same\n')]
    ]
    for (const [path, bytes] of files) await writeFile(join(root, path), bytes)
    const outputs = [
      {path: 'same.md', bytes: Buffer.from('π same\n')},
      {path: 'shorter.md', content: 'π sam\n'},
      {path: 'same-size.md', bytes: new Uint8Array(Buffer.from('π same\n'))},
      {path: 'lossy.md', content: '\ufffd\n'},
      {path: 'bom.md', content: 'π same\n'},
      {path: 'new.md', bytes: new Uint8Array()}
    ]
    expect(await writeOutputs(root, outputs)).toEqual(['unchanged', 'written', 'written', 'written', 'written', 'written'])
    for (const output of outputs) expect(await readFile(join(root, output.path))).toEqual(Buffer.from('bytes' in output ? output.bytes : Buffer.from(output.content)))
    expect(await writeOutputs(root, outputs)).toEqual(outputs.map(() => 'unchanged'))
  })

  test('an output in parts is encoded into one buffer of its own, the bytes of the parts joined', () => {
    const cases = [['<p>', 'π', '', '😀 two halves of a pair', '\n'], [], [''], ['a'.repeat(10_000), 'é'.repeat(3)]]
    for (const parts of cases) {
      const {path, bytes} = encodeParts({path: 'site/index.html', parts})
      expect([path, Buffer.from(bytes).toString('utf8')]).toEqual(['site/index.html', parts.join('')])
      expect(Buffer.from(bytes)).toEqual(Buffer.from(parts.join('')))
      // Its own memory, whole: what the page's helper may transfer to the main thread.
      expect([bytes.byteOffset, bytes.buffer.byteLength]).toEqual([0, bytes.byteLength])
      expect(decodeOutput({path, bytes})).toEqual({path, content: parts.join('')})
    }
  })

  test('a build SIGKILLed before each of its file system writes in turn leaves every output old or new, and the next fmrl run makes the set whole', async () => {
    const {root, old, fresh, changed} = await editedRepository()
    expect(changed.length).toBeGreaterThan(3)
    const seen = {old: 0, new: 0, mixed: 0}
    let kills = 0
    for (let nth = 1; ; nth++) {
      for (const [output, text] of old) await writeFile(join(root, output), text)
      const build = await runBin(['build'], {cwd: root, preload: faults, env: {FMRL_TEST_KILL_AT: String(nth)}})
      if (build.signal === null) {
        // The nth write is past the last one: the build ran to its end.
        expect(build.code).toBe(0)
        break
      }
      expect(build.signal, `kill before write ${nth}`).toBe('SIGKILL')
      kills++
      seen[await outputState(root, old, fresh)]++
      await ageLock(root)
      // Any fmrl command first finishes (or undoes) the killed write; `check` then says which set is on disk.
      const checked = await run(['check'], root)
      const state = await outputState(root, old, fresh)
      expect(state, `after a kill before write ${nth} and a check`).not.toBe('mixed')
      expect(checked.code, `check after a kill before write ${nth}`).toBe(state === 'new' ? 0 : 1)
      // Every file but the parse cache, which the repository ignores and a kill may leave a temporary file in.
      const status = git(root, 'status', '--porcelain', '--ignored', '--untracked-files=all').split('\n').filter((line) => line !== '' && !line.startsWith('!! .cache/'))
      expect(status, `git status after a kill before write ${nth}`).toEqual(state === 'new' ? changed.map((output) => ` M ${output}`).sort() : [])
    }
    // Kills landed before the commit point (all old), between renames (mixed until recovered) and after them.
    expect(kills).toBeGreaterThan(changed.length + 4)
    expect(seen.old).toBeGreaterThan(0)
    expect(seen.mixed).toBeGreaterThan(0)
    expect(seen.new).toBeGreaterThan(0)
  }, 300_000)

  test('a second build waits for the lock of one in progress and then writes its own set whole', async () => {
    const {root, old, fresh} = await editedRepository()
    for (const [output, text] of old) await writeFile(join(root, output), text)
    const release = await lockfile.lock(join(root, '.fmrl-transaction'), {realpath: false})
    const waiting = run(['build'], root)
    // Whatever the build does meanwhile, it writes nothing while another run holds the lock.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(await outputState(root, old, fresh)).toBe('old')
    await release()
    expect((await waiting).code).toBe(0)
    expect(await outputState(root, old, fresh)).toBe('new')
  })

  test('a lock held past FMRL_LOCK_TIMEOUT: exit 2, a message naming it, nothing written', async () => {
    const {root, old, fresh} = await editedRepository()
    for (const [output, text] of old) await writeFile(join(root, output), text)
    const release = await lockfile.lock(join(root, '.fmrl-transaction'), {realpath: false})
    try {
      const result = await runBin(['build'], {cwd: root, env: {FMRL_LOCK_TIMEOUT: '500'}})
      expect(result).toEqual({code: 2, signal: null, out: '', err: 'fmrl: Unexpected lock `.fmrl-transaction.lock` held by another fmrl run for over 1 s, expected it to finish: wait for it and run again (a lock not refreshed for 10 s is taken over)\n'})
      expect(await outputState(root, old, fresh)).toBe('old')
    } finally {
      await release()
    }
  })
})
