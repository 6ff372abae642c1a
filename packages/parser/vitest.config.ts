import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Turbo runs every package's tests at once: on two slow cores a test that parses every Markdown file of the repository took 31 s.
    testTimeout: 90_000
  }
})
