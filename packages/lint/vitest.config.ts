import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Turbo runs every package's tests at once: on two cores a test that parses the whole content can outgrow 5 s.
    testTimeout: 30_000
  }
})
