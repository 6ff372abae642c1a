#!/usr/bin/env node
// The `fmrl` bin. It is a source file, not the build output, so that pnpm links it on a fresh
// install, before the first build; it runs the built CLI (the bundle: see rolldown.config.mjs).
import {existsSync} from 'node:fs'

const built = new URL('../bundle/bin.js', import.meta.url)
if (existsSync(built)) await import(built.href)
else {
  console.error('fmrl: Unexpected run before a build, expected packages/cli/bundle/bin.js: run `pnpm build` first')
  process.exitCode = 2
}
