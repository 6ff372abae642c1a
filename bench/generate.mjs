// Survey-shaped content for the scale benchmark: pure and seeded, so one seed and size always give
// the same bytes. Symbols and categories come from the real legend and taxonomy (passed in, as the
// JSON export carries them), so every generated row parses as valid content.

/** The benchmark sizes, in method rows. */
export const sizes = {'1k': 1000, '10k': 10000, '50k': 50000}

/** Share of the rows per role, and per category within it (roughly the real list's split). */
const roleWeights = {agent: 0.4, planner: 0.3, reward: 0.3}
const firstCategoryShare = 0.55

const models = ['GPT-3', 'GPT-3.5-Turbo', 'GPT-4', 'GPT-4o', 'GPT-4V', 'Codex', 'Llama', 'Llama 2', 'Llama 3', 'CodeLlama', 'Vicuna-1.5', 'FLAN-T5', 'T5', 'PaLM', 'PaLM-E', 'CLIP', 'LLaVA', 'LLaVA-v1.6-Mistral', 'Mistral-7B', 'Qwen2-VL', 'Gemini', 'Claude 3', 'BERT', 'RoBERTa', 'InstructBLIP', 'MiniGPT-4', 'LongChat', 'Meerkat']
const venues = ['NeurIPS', 'ICML', 'ICLR', 'CoRL', 'AAAI', 'IJCAI', 'AAMAS', 'RLC', 'CoRR', 'IEEE Robotics and Automation Letters, 9(7)', 'TMLR', 'EMNLP', 'ACL']
const titleWords = ['language', 'models', 'reinforcement', 'learning', 'agents', 'reward', 'design', 'planning', 'grounded', 'embodied', 'multimodal', 'policies', 'vision', 'feedback', 'preference', 'exploration', 'skills', 'robotic', 'manipulation', 'long-horizon', 'tasks', 'offline', 'online', 'self-refinement', 'sub-goals', 'world', 'model', 'zero-shot', 'generalization', 'interactive', 'environments', 'curriculum', 'critique', 'success', 'detection', 'shaping', 'sample', 'efficient', 'hierarchical', 'instructions', 'decision', 'making', 'code', 'generation', 'value', 'functions', 'alignment', 'human', 'demonstrations', 'trajectories']
const nameParts = ['Agent', 'Plan', 'Reward', 'Reflex', 'Grounded', 'Vision', 'Lang', 'Skill', 'Mind', 'Craft', 'Act', 'Eureka', 'Guide', 'Coach', 'Motif', 'Loop', 'Chain', 'Tree', 'Prompt', 'Critic', 'Sage', 'Pilot', 'Nav', 'Bot', 'GPT', 'RL', 'VLM', 'LLM', 'Tutor', 'Scout']
const datasetDomains = [['Minecraft', 'Vision+Text'], ['Robotics', 'Language+Action'], ['Household', 'Vision+Language'], ['Web navigation', 'Text'], ['Driving', 'Vision'], ['Games', 'Vision+Text']]
const consonants = 'bdfghjklmnprstvwz'
const vowels = 'aeiou'

/** mulberry32: a small, fast, seeded generator; plenty for picking shapes of test content. */
function random(seed) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (below) => Math.floor(next() * below)
  const pick = (items) => items[int(items.length)]
  /** `count` distinct items, in the items' own order (as a real cell lists them). */
  const some = (items, count) => {
    const chosen = new Set()
    while (chosen.size < Math.min(count, items.length)) chosen.add(int(items.length))
    return [...chosen].sort((a, b) => a - b).map((index) => items[index])
  }
  return {next, int, pick, some}
}

const capitalize = (word) => word[0].toUpperCase() + word.slice(1)
// The identity lint uses for names: case, accents and punctuation do not tell two names apart.
const key = (text) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
// Markdown text as content/ writes it: a literal `*` (in `✓*`) is escaped, nothing else needs it.
const escape = (text) => text.replace(/\*/g, '\\*')

function surname(rng) {
  const syllables = 2 + rng.int(2)
  let word = ''
  for (let index = 0; index < syllables; index++) word += rng.pick(consonants) + rng.pick(vowels)
  return capitalize(word + (rng.next() < 0.4 ? rng.pick('nrs') : ''))
}

function methodName(rng, authors) {
  const style = rng.next()
  if (style < 0.1) return authors
  if (style < 0.35) {
    const length = 3 + rng.int(4)
    let acronym = ''
    for (let index = 0; index < length; index++) acronym += String.fromCharCode(65 + rng.int(26))
    return acronym
  }
  const [first, second] = rng.some(nameParts, 2)
  return `${rng.next() < 0.5 ? first + second : second + first}${rng.next() < 0.3 ? `-${1 + rng.int(9)}` : ''}`
}

/** One short citation per row, unique as lint keys it (authors, year, suffix). */
function citation(rng, used) {
  for (;;) {
    const first = surname(rng)
    const shape = rng.next()
    const second = shape < 0.15 ? surname(rng) : undefined
    const authors = shape < 0.08 ? first : second ? `${first} and ${second}` : `${first} et al.`
    const year = 2019 + rng.int(7)
    const base = `${key(authors)}|${year}`
    const count = used.get(base) ?? 0
    if (count >= 26) continue
    used.set(base, count + 1)
    const suffix = count === 0 ? '' : String.fromCharCode(96 + count)
    return {authors, year, suffix, text: `${authors}, ${year}${suffix}`, firsts: [first, second]}
  }
}

function terms(vocabularies, id) {
  const vocabulary = vocabularies.find((candidate) => candidate.id === id)
  if (!vocabulary) throw new Error(`generate: the vocabularies have no \`${id}\``)
  return vocabulary.terms
}

/** The symbol attributes of one row, from the real vocabularies (`-` only where the legend allows it). */
function symbols(rng, vocabularies, role) {
  const real = (id) => terms(vocabularies, id).filter((term) => term.symbol !== '-')
  const dashOr = (id, share) => {
    const dash = terms(vocabularies, id).find((term) => term.symbol === '-')
    return dash && rng.next() < share ? dash : rng.pick(real(id))
  }
  const lead = {agent: 'act', planner: 'plan', reward: 'rew'}[role]
  const fmRoles = real('fmRole')
  const fmLead = fmRoles.filter((term) => term.symbol === lead)
  const extra = rng.some(fmRoles.filter((term) => term.symbol !== lead), (fmLead.length === 0 ? 1 : 0) + rng.int(3))
  return {
    ft: rng.pick(real('ft')),
    fmRoles: [...fmLead, ...extra],
    rlAgent: rng.next() < 0.85 ? real('rlAgent')[0] : rng.pick(real('rlAgent')),
    // The legend says every LLM/VLM as Agent row prints a dash for the RL task, and one real row
    // prints one for the setting.
    rlTask: dashOr('rlTask', role === 'agent' ? 1 : 0),
    rlSetting: dashOr('rlSetting', 0.03),
    rlRoles: rng.some(real('rlRole'), 1 + rng.int(3)),
    metrics: rng.some(real('metric'), 1 + rng.int(4))
  }
}

function title(rng) {
  const words = rng.some(titleWords, 5 + rng.int(6))
  for (let index = words.length - 1; index > 0; index--) {
    const other = rng.int(index + 1)
    ;[words[index], words[other]] = [words[other], words[index]]
  }
  return capitalize(words.join(' '))
}

/**
 * A survey of `rows` methods: each with a unique name, citation, arXiv id and repository, split over
 * the taxonomy's roles and categories, plus one reference per citation and a few datasets.
 * `taxonomy` and `vocabularies` have the shape of the JSON export (`export/survey.json`).
 */
export function generateSurvey({rows, seed = 1, taxonomy, vocabularies}) {
  if (!Number.isInteger(rows) || rows < 1 || rows > 90000) throw new Error('generate: rows must be a whole number from 1 to 90000')
  const rng = random(seed)
  const citations = new Map()
  const names = new Set()
  const suffixes = new Map()
  const methods = []
  const roles = taxonomy.map((role) => ({role, weight: roleWeights[role.id] ?? 1 / taxonomy.length}))
  const total = roles.reduce((sum, entry) => sum + entry.weight, 0)
  for (let index = 0; index < rows; index++) {
    let draw = rng.next() * total
    const {role} = roles.find((entry) => (draw -= entry.weight) < 0) ?? roles[roles.length - 1]
    const category = role.categories.length === 1 || rng.next() < firstCategoryShare ? role.categories[0] : rng.pick(role.categories.slice(1))
    const cited = citation(rng, citations)
    let name = methodName(rng, cited.authors)
    // A taken name gets the next free number of its stem (`CraftGPT-12`), as real lists number versions.
    const stem = name.replace(/-\d+$/, '')
    for (let attempt = suffixes.get(stem) ?? 2; names.has(key(name)); attempt++) {
      name = `${stem}-${attempt}`
      suffixes.set(stem, attempt + 1)
    }
    names.add(key(name))
    // Unique 5-digit arXiv numbers (7919 is prime to 90000), posted no later than the cited year.
    const posted = cited.year - rng.int(2)
    const arxiv = `${String(posted % 100).padStart(2, '0')}${String(1 + rng.int(12)).padStart(2, '0')}.${10000 + ((index * 7919) % 90000)}`
    methods.push({
      name,
      citation: cited,
      role: role.id,
      category: category.id,
      models: rng.some(models, 1 + rng.int(3)),
      ...symbols(rng, vocabularies, role.id),
      code: rng.next() < 0.7 ? `https://github.com/${slug(cited.firsts[0])}/${slug(name)}` : null,
      paper: rng.next() < 0.92 ? `https://arxiv.org/abs/${arxiv}` : null,
      authorFirsts: cited.firsts
    })
  }
  const references = methods
    .map((method) => ({
      citation: method.citation.text,
      authors: referenceAuthors(rng, method.citation),
      title: title(rng),
      venue: rng.pick(venues)
    }))
    .sort((a, b) => (a.citation < b.citation ? -1 : a.citation > b.citation ? 1 : 0))
  const datasets = Array.from({length: Math.max(3, Math.round(rows / 100))}, (_, index) => {
    const [domain, modality] = rng.pick(datasetDomains)
    const name = `${capitalize(surname(rng))}${rng.pick(['Bench', 'Gym', 'World', 'Suite', 'Set'])}-${index + 1}`
    return {name, year: 2018 + rng.int(8), domain, modality, url: `https://github.com/${slug(surname(rng))}-lab/${slug(name)}`}
  })
  return {rows, seed, taxonomy, methods, references, datasets}
}

function referenceAuthors(rng, cited) {
  const [first, second] = cited.firsts
  const given = () => capitalize(surname(rng).toLowerCase())
  if (cited.authors === first) return `${given()} ${first}`
  if (second) return `${given()} ${first} and ${given()} ${second}`
  return `${given()} ${first}, ${given()} ${surname(rng)}, et al.`
}

const row = (cells) => `| ${cells.join(' | ')} |`
const table = (headers, rows) => [row(headers), row(headers.map(() => '-')), ...rows.map(row)].join('\n')
const list = (items, notation) => items.map((term) => escape(term[notation])).join(', ')
const autolink = (url) => (url ? `<${url}>` : '-')

function methodsOf(survey, role, category) {
  return survey.methods.filter((method) => method.role === role.id && method.category === category.id)
}

/** The generated content/ files that differ from the real ones: methods/<role>.md, references.md, datasets.md. */
export function contentFiles(survey) {
  const files = {}
  const headers = ['Method', 'Citation', 'Model(s)', 'FT', 'FM Role', 'RL Agent', 'RL Task', 'RL Setting', 'RL Role', 'Metrics', 'Code', 'Paper']
  for (const role of survey.taxonomy) {
    const parts = [`# ${role.name}`]
    for (const category of role.categories) {
      const rows = methodsOf(survey, role, category).map((method) => [
        method.name,
        method.citation.text,
        method.models.join(', '),
        escape(method.ft.symbol),
        list(method.fmRoles, 'symbol'),
        method.rlAgent.symbol,
        method.rlTask.symbol,
        method.rlSetting.symbol,
        list(method.rlRoles, 'symbol'),
        list(method.metrics, 'symbol'),
        autolink(method.code),
        autolink(method.paper)
      ])
      if (rows.length > 0) parts.push(`## ${category.name}`, table(headers, rows))
    }
    files[`methods/${role.id}.md`] = `${parts.join('\n\n')}\n`
  }
  files['references.md'] = `# References\n\n${table(['Citation', 'Authors', 'Title', 'Venue'], survey.references.map((reference) => [reference.citation, reference.authors, reference.title, reference.venue]))}\n`
  files['datasets.md'] = `# Datasets\n\n${table(['Dataset', 'Year', 'Domain', 'Modality', 'Link'], survey.datasets.map((dataset) => [dataset.name, String(dataset.year), dataset.domain, dataset.modality, autolink(dataset.url)]))}\n`
  return files
}

// GitHub's heading anchors: lower case, punctuation and emoji dropped, spaces to hyphens.
const anchor = (text) => `#${text.toLowerCase().replace(/[^\p{L}\p{N} -]/gu, '').replace(/ /g, '-')}`

/**
 * One README-style file, the shape of our generated README: a table of contents, a heading per
 * role with its member lists, and per category a `Method [citation] | Model(s) | FT | RL Role |
 * Metrics | Code` table (cells unpadded, as hand-kept lists write them).
 */
export function readmeFile(survey) {
  const heading = (role) => `${role.emoji ? `${role.emoji} ` : ''}${role.name}`
  const toc = ['- [🔍 Datasets](#-datasets)']
  for (const role of survey.taxonomy) {
    toc.push(`- [${heading(role)}](${anchor(heading(role))})`)
    for (const category of role.categories) toc.push(`  - [${category.name}](${anchor(category.name)})`)
  }
  const parts = [
    '# Awesome Survey-Shaped List [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)',
    `A generated list of ${survey.methods.length} methods in the shape of the survey's README (seed ${survey.seed}).`,
    '## 🧠 Table of Contents',
    toc.join('\n'),
    '## 🔍 Datasets',
    table(['Dataset', 'Year', 'Domain', 'Modality'], survey.datasets.map((dataset) => [`[${dataset.name}](${dataset.url})`, String(dataset.year), dataset.domain, dataset.modality]))
  ]
  for (const role of survey.taxonomy) {
    parts.push(`## ${heading(role)}`, role.description)
    parts.push(role.categories.map((category) => {
      const members = methodsOf(survey, role, category)
      return `- **${category.name}** (${members.length}): ${members.map((method) => method.name).join(', ')}`
    }).join('\n'))
    for (const category of role.categories) {
      const rows = methodsOf(survey, role, category).map((method) => [
        `${method.paper ? `[${method.name}](${method.paper})` : method.name} \\[${method.citation.text}]`,
        method.models.join(', '),
        escape(method.ft.markdown),
        list(method.rlRoles, 'markdown'),
        list(method.metrics, 'markdown'),
        method.code ? `[Code](${method.code})` : '-'
      ])
      parts.push(`### ${category.name}`, category.description, table(['Method \\[citation]', 'Model(s)', 'FT', 'RL Role', 'Metrics', 'Code'], rows))
    }
  }
  return `${parts.join('\n\n')}\n`
}
