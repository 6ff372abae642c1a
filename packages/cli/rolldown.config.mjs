// The CLI as the `fmrl` bin runs it: one bundle of dist/ and its dependencies, so a run does not resolve
// and load some 400 module files one by one (on our content that was half of a warm `fmrl lint`). The
// dynamic imports stay chunks of their own, loaded when a command needs them; the workers are entries,
// beside the chunk that starts them (`new URL('parse-worker.js', import.meta.url)`), and
// `../package.json` still names this package's manifest, since bundle/ is a sibling of dist/.
import {defineConfig} from 'rolldown'
import {fingerprintedPackages, packageFingerprint} from './dist/tree-cache.js'

// The cache's fingerprints of the code being bundled, computed from dist/ now rather than on every run.
const fingerprints = Object.fromEntries(fingerprintedPackages.map((name) => [name, packageFingerprint(name)]))

export default defineConfig({
  input: {bin: 'dist/bin.js', 'lint-worker': 'dist/lint-worker.js', 'parse-worker': 'dist/parse-worker.js', 'render-worker': 'dist/render-worker.js'},
  platform: 'node',
  // jsonc-parser's `main` is a UMD build whose requires a bundle cannot follow; its `module` is the same code as ES modules.
  resolve: {mainFields: ['module', 'main']},
  // CommonJS dependencies that read their own file name (write-file-atomic seeds its temporary names with it).
  transform: {define: {__filename: 'import.meta.filename', __dirname: 'import.meta.dirname', FMRL_BUNDLED_FINGERPRINTS: JSON.stringify(fingerprints)}},
  // The web page inlines these functions by their source text, which a bundler rewrites (it drops their
  // comments): loaded as they are built, the page `fmrl build` writes is the one the renderer's tests see.
  // The bundle imports it as `../../render/dist/site/client.js`, which is @fmrl/render both in this
  // workspace and where a package manager installs @fmrl/cli beside it.
  external: (id, _importer, resolved) => resolved && id.endsWith('/render/dist/site/client.js'),
  output: {dir: 'bundle', format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', cleanDir: true}
})
