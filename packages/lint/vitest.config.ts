import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // The corpus tests lint whole real lists and prose files; under turbo's parallel packages on
    // two cores 5 s is too tight.
    testTimeout: 30_000
  }
})
