import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Turbo runs every package's tests at once: on two slow cores a parser test over every Markdown file took 31 s; these parse the whole content too, with the same margin.
    testTimeout: 90_000
  }
})
