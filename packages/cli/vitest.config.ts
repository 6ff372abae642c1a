import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // These tests spawn node, git and pdflatex; under turbo's parallel packages on two cores 5 s is too tight.
    testTimeout: 30_000
  }
})
