import {VFile} from 'vfile'
import {expect, test} from 'vitest'
import {findingFromJson, findingToJson} from '../src/findings.js'
import {lintFile} from '../src/lint.js'
import {rules} from '../src/registry.js'
import {only} from './helpers.js'

/** What a finding holds, but the tree nodes it was reported at (`ancestors`), which no cache keeps. */
const held = (message: object) => ({...message, ancestors: undefined})

test('every finding of every rule example reads back from JSON as the rule made it, cause, fix and fields alike', () => {
  const seen = {findings: 0, causes: 0, fixes: 0}
  for (const rule of rules) {
    for (const example of rule.examples.notOk) {
      const path = example.path ?? 'example.md'
      const settings = {rules: only(rule.id, example.options ? [rule.severity, example.options] : undefined), data: example.data ?? {}}
      for (const message of lintFile(new VFile({path, value: example.markdown}), settings)) {
        const back = findingFromJson(JSON.parse(JSON.stringify(findingToJson(message))), path)
        expect(held(back)).toStrictEqual(held(message))
        expect([back.message, back.stack, back instanceof Error]).toEqual([message.message, message.stack, true])
        seen.findings++
        if (message.cause) seen.causes++
        if (message.fix) seen.fixes++
      }
    }
  }
  // Findings with a cause and with a fix are among them.
  expect(Object.values(seen).map((count) => count > 0)).toEqual([true, true, true])
})
