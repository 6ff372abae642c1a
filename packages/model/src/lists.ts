/**
 * How a list cell writes its items: comma-separated, and an item that holds a comma or starts with a
 * quote is written in double quotes with inner quotes doubled (`"GPT-4, turbo", Llama`), as CSV does.
 * Every list of non-empty, trimmed items survives `splitList(joinList(items))`.
 */
export function joinList(items: readonly string[]): string {
  // `-` alone would read as "no value": it is quoted too.
  return items.map((item) => ((/[,"]/.test(item) && !isUnquotable(item)) || item === '-' ? `"${item.replace(/"/g, '""')}"` : item)).join(', ')
}

// An item with a quote only inside it (`5" screen`) needs no quoting: only a leading quote opens one.
const isUnquotable = (item: string) => !item.includes(',') && !item.trimStart().startsWith('"')

/** Split a list cell written by `joinList` (or by hand: `GPT-3, GPT-4`) into trimmed, non-empty items. */
export function splitList(text: string): string[] {
  const items: string[] = []
  let current = ''
  let quoted = false
  let opened = false
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        current += '"'
        index++
      } else if (character === '"') quoted = false
      else current += character
    } else if (character === '"' && current.trim() === '' && !opened) {
      quoted = true
      opened = true
      current = ''
    } else if (character === ',') {
      items.push(current)
      current = ''
      opened = false
    } else current += character
  }
  items.push(current)
  return items.map((item) => item.trim()).filter((item) => item !== '')
}

/**
 * Split a symbol list cell (`π_l, v_l, rft` or `$\pi_l$, $v_l$, rft`) into items. A single math
 * span holding a whole list (`$\pi_l, v_l, \text{rft}$`, as hand-written READMEs do) is split too,
 * so every notation yields the same items.
 */
export function splitSymbolList(text: string): string[] {
  return text
    .split(/(\$[^$]*\$)/)
    .flatMap((part) => (part.startsWith('$') && part.endsWith('$') && part.length > 1 ? splitMath(part.slice(1, -1)) : part.split(',')))
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

function splitMath(math: string): string[] {
  return math.split(',').map((item) => {
    const text = /^\s*\\text\{([^}]*)\}\s*$/.exec(item)
    return text ? text[1]! : `$${item.trim()}$`
  })
}
