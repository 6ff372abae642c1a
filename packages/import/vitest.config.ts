import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Turbo runs every package's tests at once: on two cores a test that parses the whole content can outgrow 5 s.
    // 90 s: the whole-list tests take 10 to 20 s alone and ran past 30 s on a shared, loaded machine.
    testTimeout: 90_000
  }
})
