import {defineConfig} from 'vitest/config'

export default defineConfig({
  // Load the other packages as node does (their dist/, untransformed): the web page inlines its
  // scripts by their source text, so a transformed copy would render a page unlike `fmrl build`'s.
  resolve: {preserveSymlinks: true},
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // A per-run temporary directory that must be empty at the end, and the live content/ unchanged.
    globalSetup: ['test/global-setup.ts'],
    // These tests spawn node, git and lualatex; under turbo's parallel packages on two cores 5 s is too tight.
    // 90 s: the whole-list tests take 10 to 20 s alone and ran past 30 s on a shared, loaded machine.
    testTimeout: 90_000
  }
})
