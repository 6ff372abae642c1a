import {readdirSync} from 'node:fs'
import {parseMarkdown} from '@fmrl/parser'
import {removePosition} from 'unist-util-remove-position'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {fixText, lintedTexts, lintFile, lintTree} from '../src/lint.js'
import {rules} from '../src/registry.js'
import type {Example, Rule} from '../src/rule.js'
import {formatMessage, only} from './helpers.js'

const ruleFiles = readdirSync(new URL('../src/rules/', import.meta.url)).map((name) => name.replace(/\.ts$/, '')).sort()

function settingsFor(rule: Rule<any>, example: Example<any>) {
  return {rules: only(rule.id, example.options ? [rule.severity, example.options] : undefined), data: example.data ?? {}}
}

function lintExample(rule: Rule<any>, example: Example<any>, text = example.markdown) {
  return lintFile(new VFile({path: example.path ?? 'example.md', value: text}), settingsFor(rule, example))
}

test('every rule lives in src/rules/<rule-id>.ts, and every file there is a registered rule', () => {
  expect(rules.map((rule) => rule.id).sort()).toEqual(ruleFiles)
})

for (const rule of rules) {
  describe(rule.id, () => {
    test('has at least one ok and one not-ok example', () => {
      expect(rule.examples.ok.length).toBeGreaterThan(0)
      expect(rule.examples.notOk.length).toBeGreaterThan(0)
    })

    for (const example of rule.examples.ok) {
      test(`ok: ${example.title}`, () => {
        expect(lintExample(rule, example).map(formatMessage)).toEqual([])
      })
    }

    for (const example of rule.examples.notOk) {
      test(`not ok: ${example.title}`, () => {
        const messages = lintExample(rule, example)
        expect(messages.map(formatMessage)).toEqual(example.messages ?? [])
        for (const message of messages) {
          expect(message.source).toBe('fmrl')
          expect(message.url).toBe(`packages/lint/README.md#${rule.id}`)
          expect(message.fatal).toBe(rule.severity === 'error')
        }
        if (example.fixed !== undefined) {
          const fixed = fixText(example.markdown, (text) => lintExample(rule, example, text))
          expect(fixed.text).toBe(example.fixed)
          expect(fixText(fixed.text, (text) => lintExample(rule, example, text)).applied).toEqual([])
        } else {
          expect(messages.filter((message) => message.fix)).toEqual([])
        }
      })
    }

    // A file saved with CRLF line endings or a byte-order mark reads the same: the same findings
    // at the same lines and columns, and the same fixes, keeping its line endings and its mark.
    for (const [encoding, encode] of [['CRLF', (text: string) => text.replace(/\n/g, '\r\n')], ['BOM', (text: string) => `\ufeff${text}`]] as const) {
      test(`${encoding}: the same findings and fixes`, () => {
        for (const example of [...rule.examples.ok, ...rule.examples.notOk]) {
          const messages = lintExample(rule, example, encode(example.markdown))
          expect(messages.map(formatMessage)).toEqual(lintExample(rule, example).map(formatMessage))
          if (example.fixed !== undefined) expect(fixText(encode(example.markdown), (text) => lintExample(rule, example, text)).text).toBe(encode(example.fixed))
        }
      })
    }

    // A cache keeps a file's findings until what the rule reads changes: a key read but not declared would serve stale findings.
    test('reads no data but what it declares (reads), and of that a part only where it declares one', () => {
      const read = new Set<string>()
      for (const example of [...rule.examples.ok, ...rule.examples.notOk]) {
        const data = new Proxy(example.data ?? {}, {get: (target, key, receiver) => (read.add(String(key)), Reflect.get(target, key, receiver))})
        lintFile(new VFile({path: example.path ?? 'example.md', value: example.markdown}), {...settingsFor(rule, example), data})
      }
      expect([...read].sort()).toEqual([...rule.reads].sort())
      for (const key of rule.readsPart?.keys ?? []) expect(rule.reads).toContain(key)
    })

    test('no crash on trees without positions', () => {
      for (const example of [...rule.examples.ok, ...rule.examples.notOk]) {
        const tree = parseMarkdown(example.markdown)
        removePosition(tree, {force: true})
        const file = new VFile({path: example.path ?? 'example.md', value: example.markdown})
        const messages = lintTree(tree, file, settingsFor(rule, example))
        // A rule may find less without positions (it cannot read the source), never more.
        expect(messages.length).toBeLessThanOrEqual(lintExample(rule, example).length)
        expect(messages.filter((message) => message.ruleId !== rule.id)).toEqual([])
      }
    })
  })
}

test('lintedTexts names exactly the texts lintFile asks its cache for, after a byte-order mark too', () => {
  const rows = Array.from({length: 400}, (_, index) => `| M${index} | [paper](https://arxiv.org/abs/2401.${String(index).padStart(5, '0')}) |`)
  const text = `# List\n\n| Name | Paper |\n| - | - |\n${rows.join('\n')}\n`
  for (const value of [text, `\ufeff${text}`, '# Small\n']) {
    const asked: string[] = []
    lintFile(new VFile({path: 'list.md', value}), {}, {get: (piece) => void asked.push(piece) as undefined, set: () => {}})
    expect(lintedTexts(value)).toEqual(asked)
  }
  expect(lintedTexts(text).length).toBeGreaterThan(3)
})
