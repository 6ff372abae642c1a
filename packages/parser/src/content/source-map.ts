/** A value's place: the file and the line:column range of its cell. */
export interface Place {
  file: string
  line: number
  column: number
  endLine: number
  endColumn: number
}

/** What a reader of places needs of a source map (a `Map` of places will do, as in a test). */
export interface PlaceLookup {
  get(pointer: string): Place | undefined
}

/** Numbers kept per place: how its pointer is found again (shape, index), then the file's index, line, column, end line and end column. */
const fieldsPerPlace = 7
/** The shape of a pointer kept by its text (no single index, or an index too far from the others). */
const byText = -1

/**
 * Where each parsed value came from, keyed by its JSON pointer in the survey (`/methods/3/ft`), in
 * the order recorded. At 50,000 rows a survey has 650,000 places: as a `Map` of pointer strings to
 * objects they were half the live heap of a lint (a pointer built from parts is kept as a rope over
 * its flattened text, 72 bytes, beside a 56-byte object and the table's slot). Here a pointer with
 * one index (`/methods/#/ft`, nearly all of them) is its shape's slot in an array by that index,
 * and every place is seven numbers: 28 bytes. Other pointers are kept by their text.
 */
export class SourceMap implements Iterable<[string, Place]> {
  private readonly files: string[] = []
  private readonly fileIndex = new Map<string, number>()
  /** Each shape's text (`/methods/#/ft`) and, by index, its slot plus one (0: none yet). */
  private readonly shapes: Array<{text: string; slots: Int32Array}> = []
  private readonly shapeIndex = new Map<string, number>()
  private readonly textSlots = new Map<string, number>()
  private readonly textPointers = new Map<number, string>()
  private fields = new Int32Array(fieldsPerPlace * 64)
  private count = 0

  constructor(entries?: Iterable<readonly [string, Place]>) {
    if (entries) for (const [pointer, place] of entries) this.set(pointer, place)
  }

  get size(): number {
    return this.count
  }

  get(pointer: string): Place | undefined {
    const slot = this.slotOf(pointer, splitIndex(pointer))
    return slot === undefined ? undefined : this.placeAt(slot)
  }

  has(pointer: string): boolean {
    return this.slotOf(pointer, splitIndex(pointer)) !== undefined
  }

  set(pointer: string, place: Place): this {
    const split = splitIndex(pointer)
    const slot = this.slotOf(pointer, split) ?? this.add(pointer, split)
    const at = slot * fieldsPerPlace
    let file = this.fileIndex.get(place.file)
    if (file === undefined) {
      file = this.files.push(place.file) - 1
      this.fileIndex.set(place.file, file)
    }
    const fields = this.fields
    fields[at + 2] = file
    fields[at + 3] = place.line
    fields[at + 4] = place.column
    fields[at + 5] = place.endLine
    fields[at + 6] = place.endColumn
    return this
  }

  *entries(): IterableIterator<[string, Place]> {
    for (let slot = 0; slot < this.count; slot++) yield [this.pointerAt(slot), this.placeAt(slot)]
  }

  *keys(): IterableIterator<string> {
    for (let slot = 0; slot < this.count; slot++) yield this.pointerAt(slot)
  }

  *values(): IterableIterator<Place> {
    for (let slot = 0; slot < this.count; slot++) yield this.placeAt(slot)
  }

  [Symbol.iterator](): IterableIterator<[string, Place]> {
    return this.entries()
  }

  private slotOf(pointer: string, split: IndexSplit | undefined): number | undefined {
    if (split) {
      const shape = this.shapeIndex.get(split.shape)
      const slot = shape === undefined ? 0 : (this.shapes[shape]!.slots[split.index] ?? 0)
      if (slot > 0) return slot - 1
    }
    return this.textSlots.get(pointer)
  }

  /** A new slot for a pointer not yet recorded. */
  private add(pointer: string, split: IndexSplit | undefined): number {
    const slot = this.count++
    if (this.fields.length < this.count * fieldsPerPlace) {
      const grown = new Int32Array(this.fields.length * 2)
      grown.set(this.fields)
      this.fields = grown
    }
    // An index far past the others would make its shape's array as long as the index: it is kept by its text instead.
    if (split && split.index <= 2 * this.count + 1024) {
      let shape = this.shapeIndex.get(split.shape)
      if (shape === undefined) {
        shape = this.shapes.push({text: split.shape, slots: new Int32Array(64)}) - 1
        this.shapeIndex.set(split.shape, shape)
      }
      const entry = this.shapes[shape]!
      if (entry.slots.length <= split.index) {
        const grown = new Int32Array(Math.max(entry.slots.length * 2, split.index + 1))
        grown.set(entry.slots)
        entry.slots = grown
      }
      entry.slots[split.index] = slot + 1
      this.fields[slot * fieldsPerPlace] = shape
      this.fields[slot * fieldsPerPlace + 1] = split.index
    } else {
      this.textSlots.set(pointer, slot)
      this.textPointers.set(slot, pointer)
      this.fields[slot * fieldsPerPlace] = byText
    }
    return slot
  }

  private pointerAt(slot: number): string {
    const at = slot * fieldsPerPlace
    const shape = this.fields[at]!
    if (shape === byText) return this.textPointers.get(slot)!
    return this.shapes[shape]!.text.replace('#', String(this.fields[at + 1]))
  }

  private placeAt(slot: number): Place {
    const at = slot * fieldsPerPlace + 2
    const fields = this.fields
    return {file: this.files[fields[at]!]!, line: fields[at + 1]!, column: fields[at + 2]!, endLine: fields[at + 3]!, endColumn: fields[at + 4]!}
  }
}

/** A pointer with one index: its shape (the index as `#`) and the index. */
interface IndexSplit {
  shape: string
  index: number
}

/** The largest index kept in a shape's array (a place's numbers are 32-bit). */
const maxIndex = 2 ** 31 - 1

/**
 * A pointer with exactly one index segment (digits, no leading zero) as its shape (the index as `#`)
 * and the index; undefined for any other pointer, or one whose shape holds a `#` of its own.
 */
function splitIndex(pointer: string): IndexSplit | undefined {
  let start = -1
  let end = -1
  for (let at = 0; at < pointer.length; at++) {
    const code = pointer.charCodeAt(at)
    if (code === 35 /* # */) return undefined
    if (code !== 47 /* / */) continue
    const from = at + 1
    let to = from
    while (to < pointer.length && pointer.charCodeAt(to) >= 48 && pointer.charCodeAt(to) <= 57) to++
    const segmentEnd = to === pointer.length || pointer.charCodeAt(to) === 47
    if (to > from && segmentEnd && (to === from + 1 || pointer.charCodeAt(from) !== 48)) {
      // A second index: kept by its text.
      if (start >= 0) return undefined
      start = from
      end = to
    }
    at = to - 1
  }
  if (start < 0 || end - start > 10) return undefined
  const index = Number(pointer.slice(start, end))
  if (index > maxIndex) return undefined
  return {shape: `${pointer.slice(0, start)}#${pointer.slice(end)}`, index}
}
