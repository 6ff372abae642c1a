#!/usr/bin/env node
// fmrl's parse alone, which no command runs by itself: `node bench/parse-content.mjs <root>` reads
// <root>/content/**/*.md and runs @fmrl/parser's parseContent, the first step of build, check and
// lint. Exits 1 when the content has errors, so a generated folder that does not parse is caught.
import {readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join, relative, sep} from 'node:path'
import {pathToFileURL} from 'node:url'

const packages = new URL('../packages/', import.meta.url)
const {parseContent} = await import(new URL('parser/dist/index.js', packages).href)
// vfile is the parser's dependency, not the root's: load the parser's own copy.
const requireFromParser = createRequire(new URL('parser/package.json', packages))
const {VFile} = await import(pathToFileURL(requireFromParser.resolve('vfile')).href)

const root = process.argv[2]
if (!root) {
  console.error('parse-content: Unexpected missing root, expected `node bench/parse-content.mjs <root>`')
  process.exit(2)
}
const content = join(root, 'content')
const files = readdirSync(content, {recursive: true, withFileTypes: true})
  .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
  .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
  .sort()
  .map((path) => new VFile({path, value: readFileSync(join(root, path), 'utf8')}))
const {survey} = parseContent(files)
const errors = files.flatMap((file) => file.messages.filter((message) => message.fatal))
for (const message of errors.slice(0, 20)) console.error(`${message.file}:${message.line}:${message.column}: ${message.reason}`)
console.log(`parse-content: ${files.length} files, ${survey ? survey.methods.length : 0} methods, ${errors.length} errors`)
process.exitCode = survey && errors.length === 0 ? 0 : 1
