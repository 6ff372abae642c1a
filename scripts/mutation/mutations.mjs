/**
 * The mutation check's breakages: each changes one line of the lint rules, the parser or the column
 * codec the way a slip would, and the tests of `packages` must notice. `find` must occur exactly once
 * in `file`: a list that no longer matches the code fails the run instead of passing vacuously.
 * `packages` run in order (the owner first, fastest), stopping at the first that fails.
 */

const model = ['model', 'parser', 'render', 'import', 'lint']
const parser = ['parser', 'import', 'lint']
const lint = ['lint']

export const mutations = [
  // The column codec (packages/model)
  // Dropping only `.replace(/\p{M}/gu, '')` would be an equivalent mutant (the last replace drops marks
  // too); accent folding is the decomposition and the mark removal together.
  {id: 'name-key-accents', file: 'packages/model/src/name-key.ts', find: "name.normalize('NFKD').replace(/\\p{M}/gu, '')", replace: 'name', packages: lint, why: "The issue's example: without accent folding `Réflexion` and `Reflexion` are two methods to the lint rules (run against the lint tests alone, as the issue measured it)"},
  {id: 'name-key-case', file: 'packages/model/src/name-key.ts', find: ".replace(/\\p{M}/gu, '').toLowerCase()", replace: ".replace(/\\p{M}/gu, '')", packages: model, why: 'Case makes a second name: `AGILE` and `agile` no longer collide'},
  {id: 'name-key-compatibility', file: 'packages/model/src/name-key.ts', find: "normalize('NFKD')", replace: "normalize('NFD')", packages: model, why: 'Full-width letters and ligatures stop folding to their plain forms'},
  {id: 'join-list-dash', file: 'packages/model/src/lists.ts', find: " || item === '-' ?", replace: ' ?', packages: model, why: 'A list item `-` written bare reads back as "no value"'},
  {id: 'join-list-quote-escape', file: 'packages/model/src/lists.ts', find: "`\"${item.replace(/\"/g, '\"\"')}\"`", replace: '`"${item}"`', packages: model, why: 'Quotes inside a quoted item are not doubled'},
  {id: 'split-list-doubled-quote', file: 'packages/model/src/lists.ts', find: "if (character === '\"' && text[index + 1] === '\"') {", replace: 'if (false) {', packages: model, why: 'A doubled quote inside a quoted item ends the quote instead of standing for one quote'},
  {id: 'split-list-empty-items', file: 'packages/model/src/lists.ts', find: ".filter((item) => item !== '')\n}\n\n/**\n * Split a symbol", replace: '\n}\n\n/**\n * Split a symbol', packages: model, why: 'Empty items (`a,,b`, a trailing comma) become values'},
  {id: 'split-math-text', file: 'packages/model/src/lists.ts', find: 'return text ? text[1]! : `$${item.trim()}$`', replace: 'return `$${item.trim()}$`', packages: model, why: '`\\text{rft}` inside one math span stays math instead of the symbol `rft`'},
  {id: 'no-value-strict', file: 'packages/model/src/codec.ts', find: 'trimmed === noValue || (lenient && noValueSpellings.test(trimmed))', replace: 'trimmed === noValue || noValueSpellings.test(trimmed)', packages: model, why: 'content/ accepts `N/A`, `none`, `✗` as "no value" although only `-` is canonical'},
  {id: 'url-second-link', file: 'packages/model/src/codec.ts', find: 'if (cell.links.length > 1) {', replace: 'if (cell.links.length > 2) {', packages: model, why: 'A second link in a URL cell is dropped without a word (issue: `<u1>, <u2>` keeps u1)'},
  {id: 'url-text-beside', file: 'packages/model/src/codec.ts', find: "if (rest !== '') return", replace: "if (rest === '\\u0000') return", packages: model, why: 'Words beside a URL are dropped (issue: `https://… extra`)'},
  {id: 'header-colon', file: 'packages/model/src/codec.ts', find: ".replace(/:$/, '')", replace: '', packages: model, why: 'A hand-kept header `Code:` no longer finds its column'},
  {id: 'text-optional', file: 'packages/model/src/codec.ts', find: 'if (optional && isNoValue(written, context.lenient)) return decoded<T>({[key]: null}', replace: 'if (isNoValue(written, context.lenient)) return decoded<T>({[key]: null}', packages: model, why: 'A required text column accepts `-` and holds null'},
  {id: 'text-list-minimum', file: 'packages/model/src/codec.ts', find: 'if (items.length < minimum) return', replace: 'if (items.length < 0) return', packages: model, why: 'A required list (models) may be empty'},
  {id: 'named-links-order', file: 'packages/model/src/codec.ts', find: 'sort((a, b) => b.at - a.at)', replace: 'sort((a, b) => a.at - b.at)', packages: model, why: 'Links cut out from the start shift the later offsets: the second link of `[A](u), [B](v)` is lost'},
  {id: 'header-aliases', file: 'packages/model/src/codec.ts', find: ' ?? columns.find((column) => column.aliases.includes(name))', replace: '', packages: model, why: 'Hand-kept headers (`Repository`, `LLM`) no longer name their columns'},
  {id: 'citation-brackets', file: 'packages/model/src/method-columns.ts', find: ".replace(/^\\\\?\\[(.*)\\]$/, '$1')", replace: '', packages: model, why: 'A bracketed citation `[Feng et al., 2024]` is refused'},
  {id: 'symbol-variants-strict', file: 'packages/model/src/method-columns.ts', find: '(context.lenient ? lookupVariant(terms, item) : undefined)', replace: 'lookupVariant(terms, item)', packages: model, why: 'content/ accepts variants (`✅` for `✓`) it should refuse'},
  {id: 'name-linked-in-content', file: 'packages/model/src/method-columns.ts', find: "format === 'markdown' && method.paper ?", replace: 'method.paper ?', packages: model, why: "content/'s Method cell links the name, so the paper is written twice"},
  {id: 'name-link-in-content', file: 'packages/model/src/method-columns.ts', find: "if (context.format === 'content' || cell.links.length !== 1", replace: 'if (cell.links.length !== 1', packages: model, why: "In content/, a name that is a link would give the paper, though content/'s Paper column holds it"},
  {id: 'year-digits', file: 'packages/model/src/entry-columns.ts', find: '/^\\d{4}$/.test(written)', replace: '/^\\d+$/.test(written)', packages: model, why: 'A dataset year `24` or `20245` is accepted'},
  {id: 'dataset-link-optional', file: 'packages/model/src/entry-columns.ts', find: "['link', 'url', 'code', 'github', 'homepage'], false)", replace: "['link', 'url', 'code', 'github', 'homepage'], true)", packages: model, why: 'A dataset without a link (`-`) is accepted'},

  // The parser (packages/parser)
  // (Dropping `.replace(/^\uFEFF/, '')` from the error path is an equivalent mutant: TextDecoder drops the mark itself.)
  {id: 'decode-keep-bom', file: 'packages/parser/src/decode.ts', find: '{fatal: true, ignoreBOM: false}', replace: '{fatal: true, ignoreBOM: true}', packages: parser, why: 'A byte-order mark stays in the text: the first heading or cell starts with U+FEFF and every column of line 1 is off by one'},
  // (`headings.length = heading.depth` instead of `depth - 1` is an equivalent mutant: the next line overwrites that slot.)
  {id: 'table-headings-shared', file: 'packages/parser/src/tables.ts', find: 'tables.push(readTable(node, [...headings]))', replace: 'tables.push(readTable(node, headings))', packages: parser, why: "Every table shares one headings list, so each reads the last heading: methods land in the file's last category"},
  {id: 'cell-link-offset', file: 'packages/parser/src/tables.ts', find: 'start: link.start - lead', replace: 'start: link.start', packages: parser, why: "A link's place ignores the cell's leading space: the codec cuts the wrong text"},
  {id: 'limits-escaped-marker', file: 'packages/parser/src/limits.ts', find: "const escaped = line[column - 1] === '\\\\'", replace: 'const escaped = false', packages: parser, why: 'Escaped `\\*` count as emphasis markers: a file of escaped stars is refused'},
  {id: 'limits-depth-boundary', file: 'packages/parser/src/limits.ts', find: 'if (depth > markdownLimits.maxDepth) {', replace: 'if (depth >= markdownLimits.maxDepth) {', packages: parser, why: 'Nesting exactly at the limit is refused'},
  {id: 'limits-size', file: 'packages/parser/src/limits.ts', find: 'if (bytes > markdownLimits.maxBytes) return index', replace: 'if (bytes > markdownLimits.maxBytes * 2) return index', packages: parser, why: 'Files up to twice the size limit pass'},
  {id: 'columns-second', file: 'packages/parser/src/content/columns.ts', find: 'if (header && !written.has(header)) written.set(header, cell.text)', replace: 'if (header) written.set(header, cell.text)', packages: parser, why: 'A column written twice is accepted and the second silently wins'},
  {id: 'columns-empty-cell', file: 'packages/parser/src/content/columns.ts', find: "} else if (cell.text === '' && emptyCells === 'error') {", replace: "} else if (cell.text === '\\u0000' && emptyCells === 'error') {", packages: parser, why: 'An empty cell in a table that needs values passes'},
  {id: 'layout-headerless-rows', file: 'packages/parser/src/content/layout.ts', find: "if (node.type === 'heading' || node.type === 'table' || isComment(node)", replace: "if (node.type === 'heading' || node.type === 'table' || node.type === 'paragraph' || isComment(node)", packages: parser, why: "The issue's silent data loss: a table whose header row is deleted reads as a paragraph and its methods vanish"},
  {id: 'missing-methods-file', file: 'packages/parser/src/content/survey.ts', find: 'if (!files.some((file) => roleOf(file) === role.id)) reportError', replace: 'if (false) reportError', packages: parser, why: "A deleted methods file loses the role's methods without a word"},
  {id: 'rows-same-value', file: 'packages/parser/src/content/rows.ts', find: 'if (earlier && JSON.stringify(value[key]) !== JSON.stringify(decoded)) {', replace: 'if (false) {', packages: parser, why: 'Two columns giving one attribute different values (a linked name and the Paper cell) pass, the last wins'},
  {id: 'duplicate-by-citation', file: 'packages/parser/src/fields.ts', find: 'nameKey(known.name) === nameKey(method.name) || formatCitation(known.citation) === formatCitation(method.citation))', replace: 'nameKey(known.name) === nameKey(method.name))', packages: parser, why: '`fmrl add` accepts a second method citing the same paper'},

  // The lint rules (packages/lint/src/rules)
  {id: 'duplicate-method-cross-listing', file: 'packages/lint/src/rules/no-duplicate-method.ts', find: 'if (sameName && !crossListed.has(key)) {', replace: 'if (sameName) {', packages: lint, why: 'Configured cross-listings are reported as duplicates'},
  {id: 'duplicate-method-citation', file: 'packages/lint/src/rules/no-duplicate-method.ts', find: '} else if (sameCitation && !sameName) {', replace: '} else if (sameCitation && !sameName && row.name === \'\\u0000\') {', packages: lint, why: 'Two rows citing one paper under two names pass'},
  {id: 'citation-year-boundary', file: 'packages/lint/src/rules/citation-year.ts', find: 'citation.year >= posted', replace: 'citation.year > posted', packages: lint, why: 'A citation in the year its preprint was posted is reported'},
  {id: 'prefer-https-subdomain', file: 'packages/lint/src/rules/prefer-https.ts', find: 'host === known || host.endsWith(`.${known}`)', replace: 'host === known', packages: lint, why: '`http://x.github.io` is no longer upgraded'},
  {id: 'empty-link-image', file: 'packages/lint/src/rules/no-empty-link.ts', find: "} else if (text === '' && !hasImage(node)) {", replace: "} else if (text === '') {", packages: lint, why: 'A badge (an image as link text) is reported as an empty link'},
  {id: 'unused-definition-image', file: 'packages/lint/src/rules/no-unused-definition.ts', find: "node.type === 'linkReference' || node.type === 'imageReference'", replace: "node.type === 'linkReference'", packages: lint, why: 'A definition used only by an image is reported as unused'},
  {id: 'malformed-url-localhost', file: 'packages/lint/src/rules/no-malformed-url.ts', find: " && parsed.hostname !== 'localhost'", replace: '', packages: lint, why: '`http://localhost:8080` is reported as a host without a domain'},
  {id: 'duplicate-url-dataset', file: 'packages/lint/src/rules/no-duplicate-url.ts', find: "if (kinds.has('dataset') && kinds.has('method')) return true", replace: '', packages: lint, why: 'A dataset and the method that made it may not share their repository'},
  {id: 'dead-anchor-case', file: 'packages/lint/src/rules/no-dead-anchor.ts', find: 'if (ids.has(anchor.toLowerCase())) continue', replace: 'if (ids.has(anchor)) continue', packages: lint, why: '`#Contents` no longer finds the heading `## Contents`'},
  {id: 'duplicate-title-short', file: 'packages/lint/src/rules/no-duplicate-title.ts', find: 'if (title.key.length < 12) return', replace: 'if (title.key.length < 0) return', packages: lint, why: 'Short titles (`Survey`, `Code`) are compared and reported as near duplicates'},
  {id: 'count-claim-links', file: 'packages/lint/src/rules/count-claim.ts', find: "ancestor.type === 'table' || ancestor.type === 'link'", replace: "ancestor.type === 'table'", packages: lint, why: 'A number inside a link text (`[10 papers](…)`) is read as a count claim'},
  {id: 'member-list-name-key', file: 'packages/lint/src/rules/member-list.ts', find: 'if (names.has(nameKey(member))) continue', replace: 'if (names.has(member)) continue', packages: lint, why: 'A member written in another case or punctuation is reported missing'}
]
