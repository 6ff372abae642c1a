import lint from 'awesome-lint/index.js'
import {createConfig} from 'awesome-lint/config.js'
import {createRules} from 'awesome-lint/rules/index.js'

/**
 * awesome-lint as `npx awesome-lint` runs it, less the one rule that leaves the machine:
 * `awesome-github` asks git for the remote and then GitHub's API for the repository's description,
 * topics and license. Every other rule reads only the README and the files beside it
 * (contributing.md, code-of-conduct.md).
 */
export const networkRules = ['remark-lint:awesome-github']

export const offlineRules = createRules().filter(([rule]) => !networkRules.includes(rule.name))

/** Every message awesome-lint gives on `readme` and the code of conduct beside it, as `file:line:column: rule: reason`, with its severity. */
export async function awesomeLint(readme: string): Promise<string[]> {
  const files = await lint({filename: readme, config: createConfig(offlineRules)})
  return files.flatMap((file) => file.messages.map((message) => `${file.basename}:${message.line ?? 1}:${message.column ?? 1}: ${message.fatal ? 'error' : 'warning'}: ${message.ruleId}: ${message.reason}`))
}

export {createRules}
