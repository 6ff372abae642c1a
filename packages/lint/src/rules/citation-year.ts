import {parseCitation} from '@fmrl/model'
import type {Code, Nodes} from 'mdast'
import type {VFile} from 'vfile'
import {createRule, report} from '../rule.js'
import {readBibtex} from '../util/bibtex.js'
import {positionAt} from '../util/place.js'
import {methodRows, roleTables, type MethodRow} from '../util/tables.js'
import {arxivId, arxivYear} from '../util/urls.js'
import {nodesOfType} from '../util/walk.js'

/**
 * The arXiv ids linked from a row's cells, in document order. A walk of its own: unist-util-visit's
 * set-up for each of 10,000 rows (a test, a list of ancestors) took more than the links' reading.
 */
function linkedArxivIds(node: Nodes, ids: string[] = []): string[] {
  if (node.type === 'link') {
    const id = arxivId(node.url)
    if (id) ids.push(id)
  }
  if ('children' in node) for (const child of node.children) linkedArxivIds(child, ids)
  return ids
}

function checkRow(file: VFile, row: MethodRow): void {
  const citation = row.citation === undefined ? undefined : parseCitation(row.citation)
  if (!citation) return
  for (const id of linkedArxivIds(row.row.node)) {
    const posted = arxivYear(id)
    if (posted === undefined || citation.year >= posted) continue
    report(file, `Unexpected year ${citation.year} in \`${row.citation}\` for arXiv ${id}, posted in ${posted}, expected ${posted} or later: a paper is not cited before it exists`, (row.cell('citation') ?? row.nameCell).node)
  }
}

function checkBibtex(file: VFile, code: Code): void {
  // The block's value starts after the opening fence line.
  const start = code.position?.start.offset
  const source = start === undefined ? undefined : String(file.value).slice(start, code.position?.end.offset)
  const valueStart = source === undefined ? undefined : start! + source.indexOf(code.value)
  for (const entry of readBibtex(code.value)) {
    const posted = entry.arxiv === undefined ? undefined : arxivYear(entry.arxiv)
    if (!entry.year || posted === undefined) continue
    const wrong = entry.preprint ? entry.year.value !== posted : entry.year.value < posted
    if (!wrong) continue
    const place = valueStart === undefined || source!.indexOf(code.value) < 0 ? code.position : positionAt(file, valueStart + entry.year.start, valueStart + entry.year.end)
    const rule = entry.preprint ? `\`${posted}\`: an arXiv preprint's year is the year it was posted` : `${posted} or later: a paper is not published before it is posted`
    report(file, `Unexpected year \`${entry.year.value}\` in the BibTeX entry of arXiv:${entry.arxiv} (posted in ${posted}), expected ${rule}`, place)
  }
}

/** A citation year against the year its arXiv id encodes (`2502.15214` is 2025), in tables and BibTeX. */
export const citationYear = createRule({
  id: 'citation-year',
  description: 'Citation year against the year in its arXiv id (`2502.15214` is 2025), in table rows and BibTeX entries',
  severity: 'error',
  defaults: {},
  examples: {
    ok: [
      {
        title: 'a venue year after the preprint, a citation and a preprint year equal to its id',
        markdown: '| Method | FT |\n| - | - |\n| [ICPI](https://arxiv.org/abs/2210.03821) \\[Brooks et al., 2023] | × |\n| [AGILE](https://arxiv.org/abs/2405.14751) \\[Feng et al., 2024] | ✓ |\n\n```bibtex\n@article{s,\n  journal={arXiv preprint arXiv:2502.15214},\n  year={2025}\n}\n```\n'
      }
    ],
    notOk: [
      {
        title: 'a preprint dated the year before its id, a citation older than its paper',
        markdown: '| Method | Citation | Paper |\n| - | - | - |\n| AGILE | Feng et al., 2023 | <https://arxiv.org/abs/2405.14751> |\n\n```bibtex\n@article{schoepp2024llmrlsurvey,\n  journal={arXiv preprint arXiv:2502.15214},\n  year={2024}\n}\n```\n',
        messages: [
          '3:9-3:29: Unexpected year 2023 in `Feng et al., 2023` for arXiv 2405.14751, posted in 2024, expected 2024 or later: a paper is not cited before it exists (citation-year)',
          "8:9-8:13: Unexpected year `2024` in the BibTeX entry of arXiv:2502.15214 (posted in 2025), expected `2025`: an arXiv preprint's year is the year it was posted (citation-year)"
        ]
      }
    ]
  },
  check({tree, file}) {
    for (const row of methodRows(roleTables(tree))) checkRow(file, row)
    nodesOfType(tree, 'code').forEach(({node: code}) => {
      if (code.lang === 'bibtex' || code.lang === 'bib' || /^\s*@\w+\s*\{/.test(code.value)) checkBibtex(file, code)
    })
  }
})
