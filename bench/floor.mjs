#!/usr/bin/env node
// The floors fmrl is measured against, as a child process of its own: `node bench/floor.mjs <stage>
// [files...]`. Each stage does all the earlier ones too:
//   modules    start node, load unified, remark-parse, remark-gfm, remark-stringify and zod, and use
//              each once on a tiny input (so their lazy parts load too)
//   read       ... and read the files
//   parse      ... and parse each with unified + remark-parse + remark-gfm
//   stringify  ... and serialize each tree again with remark-stringify + remark-gfm
// It prints a summary line (characters and top-level blocks) so the harness can tell the work was done.
import {readFileSync} from 'node:fs'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {z} from 'zod'

const stages = ['modules', 'read', 'parse', 'stringify']
const [stage, ...files] = process.argv.slice(2)
const level = stages.indexOf(stage)
if (level < 0) {
  console.error(`floor: Unexpected stage \`${stage ?? ''}\`, expected one of ${stages.join(', ')}`)
  process.exit(2)
}

const parser = unified().use(remarkParse).use(remarkGfm)
const serializer = unified().use(remarkGfm).use(remarkStringify)
const warmTree = parser.parse('| a |\n| - |\n| [b](https://c.d) |\n')
serializer.stringify(warmTree)
z.object({name: z.string()}).parse({name: 'floor'})

let bytes = 0
let blocks = 0
let written = 0
if (level >= 1) {
  for (const path of files) {
    const text = readFileSync(path, 'utf8')
    bytes += text.length
    if (level < 2) continue
    const tree = parser.parse(text)
    blocks += tree.children.length
    if (level >= 3) written += serializer.stringify(tree).length
  }
}
console.log(`floor ${stage}: ${files.length} files, ${bytes} characters, ${blocks} blocks, ${written} characters written`)
