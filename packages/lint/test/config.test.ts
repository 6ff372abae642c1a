import {LintConfig, lintRuleIds} from '@fmrl/model'
import {expect, test} from 'vitest'
import {rules} from '../src/registry.js'

test('the configuration schema in @fmrl/model names exactly the rules of @fmrl/lint', () => {
  expect([...lintRuleIds].sort()).toEqual(rules.map((rule) => rule.id).sort())
})

test('every rule\'s defaults are valid options for the configuration schema', () => {
  for (const rule of rules) {
    expect(LintConfig.safeParse({rules: {[rule.id]: [rule.severity, rule.defaults]}}).success).toBe(true)
  }
})
