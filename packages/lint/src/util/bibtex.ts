/** One BibTeX entry's fields that citation rules read, with their offsets in the code block. */
export interface BibtexEntry {
  type: string
  year: {value: number; start: number; end: number} | undefined
  arxiv: string | undefined
  /** Whether the entry is the arXiv preprint itself (journal "arXiv preprint", or @misc with an arXiv eprint). */
  preprint: boolean
}

/** Read the entries of a BibTeX block: enough to compare a year with an arXiv id, not a full parser. */
export function readBibtex(text: string): BibtexEntry[] {
  return [...text.matchAll(/@(\w+)\s*\{[^@]*/g)].map((match) => {
    const body = match[0]
    const base = match.index
    const year = /\byear\s*=\s*[{"]?\s*((?:19|20)\d\d)/i.exec(body)
    const arxiv = /arXiv[:\s]*(\d{4}\.\d{4,5})|eprint\s*=\s*[{"]?\s*(\d{4}\.\d{4,5})|arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5})/i.exec(body)
    const type = match[1]!.toLowerCase()
    const journal = /\bjournal\s*=\s*[{"]([^}"]*)/i.exec(body)?.[1] ?? ''
    return {
      type,
      year: year ? {value: Number(year[1]), start: base + year.index + year[0].length - 4, end: base + year.index + year[0].length} : undefined,
      arxiv: arxiv ? (arxiv[1] ?? arxiv[2] ?? arxiv[3]) : undefined,
      preprint: /arxiv/i.test(journal) || (type === 'misc' && /archiveprefix\s*=\s*[{"]?arxiv/i.test(body)) || (type === 'misc' && /eprint\s*=/.test(body))
    }
  })
}
