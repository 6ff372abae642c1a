// awesome-lint ships JavaScript without types: the parts of it the tests use.
declare module 'awesome-lint/index.js' {
  import type {VFile} from 'vfile'
  const lint: (options: {filename: string; config: unknown[]}) => Promise<VFile[]>
  export default lint
}

declare module 'awesome-lint/config.js' {
  export function createConfig(rules: unknown[]): unknown[]
}

declare module 'awesome-lint/rules/index.js' {
  export function createRules(options?: {projectWebsite?: string}): Array<[{name: string}, unknown]>
}
