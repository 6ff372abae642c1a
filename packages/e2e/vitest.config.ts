import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One Chromium per test file, started once; pages render Mermaid and KaTeX. Under turbo's
    // parallel packages on two cores, vitest's 5 s default is too tight for the first page.
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
