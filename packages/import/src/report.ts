import type {Position} from 'unist'

/** What an import counts: every table cell, every list entry, and the parts of an entry (its nested items). */
export type Unit = 'cell' | 'entry' | 'part'

/** One thing of the input the import did not map to a model field, with where it is and why. */
export interface ReportItem {
  file: string
  line: number
  column: number
  /** What it was: `cell in column Type`, `list entry`, `image`. */
  what: string
  /** The text, shortened. */
  text: string
  /** Why it was not mapped, or what was done instead. */
  reason: string
  /** Counted units are cells, entries and parts; notes (a repaired symbol, a conflict) are not counted. */
  unit: Unit | 'note'
}

export interface UnitCounts {
  cells: number
  entries: number
  parts: number
}

/** The import's accounting: every counted unit of the input is either mapped or reported, so `input = mapped + reported`. */
export interface ImportReport {
  input: UnitCounts
  mapped: UnitCounts
  reported: UnitCounts
  items: ReportItem[]
}

const field: Record<Unit, keyof UnitCounts> = {cell: 'cells', entry: 'entries', part: 'parts'}
const zero = (): UnitCounts => ({cells: 0, entries: 0, parts: 0})

/** Keeps the accounting of one file's import. */
export class Accounting {
  readonly report: ImportReport = {input: zero(), mapped: zero(), reported: zero(), items: []}

  constructor(readonly file: string) {}

  /** A unit mapped to a model field. */
  mapped(unit: Unit): void {
    this.report.input[field[unit]]++
    this.report.mapped[field[unit]]++
  }

  /** A unit not mapped: it is listed with its place and the reason. */
  reported(unit: Unit, at: Position | undefined, what: string, text: string, reason: string): void {
    this.report.input[field[unit]]++
    this.report.reported[field[unit]]++
    this.item(unit, at, what, text, reason)
  }

  /** Something the import did that a maintainer should know (a repair, a normalised symbol, a left-out value); not counted. */
  note(at: Position | undefined, what: string, text: string, reason: string): void {
    this.item('note', at, what, text, reason)
  }

  private item(unit: ReportItem['unit'], at: Position | undefined, what: string, text: string, reason: string): void {
    const shortened = text.replace(/\s+/g, ' ').trim()
    this.report.items.push({
      file: this.file,
      line: at?.start.line ?? 1,
      column: at?.start.column ?? 1,
      what,
      text: shortened.length > 80 ? `${shortened.slice(0, 77)}…` : shortened,
      reason,
      unit
    })
  }
}

/** Add up the reports of several files. */
export function combineReports(reports: readonly ImportReport[]): ImportReport {
  const sum = (pick: (report: ImportReport) => UnitCounts): UnitCounts => ({
    cells: reports.reduce((total, report) => total + pick(report).cells, 0),
    entries: reports.reduce((total, report) => total + pick(report).entries, 0),
    parts: reports.reduce((total, report) => total + pick(report).parts, 0)
  })
  return {input: sum((report) => report.input), mapped: sum((report) => report.mapped), reported: sum((report) => report.reported), items: reports.flatMap((report) => report.items)}
}
