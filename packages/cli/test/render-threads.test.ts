import {parseContent} from '@fmrl/parser'
import {renderOutputs} from '@fmrl/render'
import {describe, expect, test} from 'vitest'
// The built modules: the helper thread loads dist/render-worker.js, which only the build makes.
import {renderOutputsOnThreads, startPageThread} from '../dist/render-threads.js'
import {parseAheadMinimum} from '../dist/threads.js'
import {readContentFiles} from '../src/content-files.js'
import {repositoryRoot} from './helpers.js'

async function realSurvey() {
  const {survey} = parseContent(await readContentFiles(repositoryRoot, 'content'))
  if (!survey) throw new Error('the real content reads into a survey')
  return survey
}

describe('renderOutputsOnThreads', () => {
  test('with a helper, every output is the one renderOutputs gives, byte for byte and in its order', async () => {
    const survey = await realSurvey()
    expect(await renderOutputsOnThreads(survey, startPageThread(2, parseAheadMinimum))).toStrictEqual(renderOutputs(survey))
  })

  test('the page rows a helper made come back into the memory, as this thread would fill it, and the rows kept are given to it', async () => {
    const survey = await realSurvey()
    const fresh = () => ({markdown: {texts: new Map<string, string>()}, page: {texts: new Map<string, string>()}})
    const helped = fresh()
    expect(await renderOutputsOnThreads(survey, startPageThread(2, parseAheadMinimum), {memory: helped})).toStrictEqual(renderOutputs(survey))
    const alone = fresh()
    renderOutputs(survey, alone)
    expect(helped).toStrictEqual(alone)
    expect(alone.page.texts.size).toBe(survey.methods.length)
    const kept = new Map([...alone.page.texts].map(([key, value]) => [key, value.replace('>AGILE</a>', '>Planted</a>')]))
    const outputs = await renderOutputsOnThreads(survey, startPageThread(2, parseAheadMinimum), {memory: {page: {texts: new Map(), kept}}})
    expect(outputs.find((output) => output.path === 'site/index.html')?.content).toContain('>Planted</a>')
  })

  test('the page comes from the helper with threads to spare, from this thread with off, one thread or little content', async () => {
    const survey = await realSurvey()
    const marker = new URL('./marker-render-worker.mjs', import.meta.url)
    const others = renderOutputs(survey).filter((output) => output.path !== 'site/index.html')
    expect(await renderOutputsOnThreads(survey, startPageThread('auto', parseAheadMinimum, marker))).toStrictEqual([...others, {path: 'marker.txt', content: `rendered by the helper from ${survey.methods.length} methods`}])
    for (const [threads, bytes] of [['off', parseAheadMinimum], [1, parseAheadMinimum], ['auto', parseAheadMinimum - 1]] as const) {
      expect(startPageThread(threads, bytes, marker)).toBeUndefined()
      expect(await renderOutputsOnThreads(survey, undefined)).toStrictEqual(renderOutputs(survey))
    }
  })

  test('a page thread started before its task loads while this thread works, and renders the task posted later', async () => {
    const survey = await realSurvey()
    const marker = new URL('./marker-render-worker.mjs', import.meta.url)
    const thread = startPageThread(2, parseAheadMinimum, marker)!
    // The marker says whether its modules were loaded before the task came.
    await new Promise((resolve) => setTimeout(resolve, 200))
    const outputs = await renderOutputsOnThreads(survey, thread)
    expect(outputs.at(-1)).toEqual({path: 'marker.txt', content: `rendered by the helper from ${survey.methods.length} methods, loaded first`})
    // A thread stopped before its task settles with nothing: the page is this thread's.
    const stopped = startPageThread(2, parseAheadMinimum)!
    stopped.stop()
    expect(await stopped.run({survey})).toBeUndefined()
  })

  test('a helper that does not load, or dies before it gives its outputs, leaves them to this thread: nothing hangs or throws', async () => {
    const survey = await realSurvey()
    for (const worker of [new URL('./no-such-worker.mjs', import.meta.url), new URL('./crashing-worker.mjs', import.meta.url)]) {
      expect(await renderOutputsOnThreads(survey, startPageThread(2, parseAheadMinimum, worker))).toStrictEqual(renderOutputs(survey))
    }
  })
})
