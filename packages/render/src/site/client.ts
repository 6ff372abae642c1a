/// <reference lib="dom" />

/**
 * The page's scripts, run in the browser. The page inlines each function by its source text
 * (`Function.prototype.toString`), so each must be self-contained: no imports, nothing from outside
 * its own body. The table and the filters are in the HTML already; the script only shows, hides and
 * orders rows, and keeps the filter state in the URL.
 */

/** Before the page paints: the theme the reader chose last time, if any (otherwise the system's). */
export function bootTheme(): void {
  try {
    const theme = localStorage.getItem('fmrl-theme')
    if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme
  } catch {
    // Storage may be off (a private window): the system's theme applies.
  }
}

/** Filters, search, sorting, deep links and the theme toggle. */
export function runPage(): void {
  interface Row {
    facets: Record<string, string[]>
    text: string
    sort: string[]
  }
  interface Data {
    facets: string[]
    columns: string[]
    rows: Row[]
  }
  const data = JSON.parse(document.getElementById('page-data')!.textContent!) as Data
  const form = document.getElementById('filters') as HTMLFormElement
  const search = document.getElementById('search') as HTMLInputElement
  const table = document.getElementById('methods-table') as HTMLTableElement
  const body = table.tBodies[0]!
  const rows = Array.from(body.rows)
  const headers = Array.from(table.tHead!.rows[0]!.cells)
  const status = document.getElementById('status')!
  const boxes = Array.from(form.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))
  let sort: {column: number; descending: boolean} | undefined

  const collator = new Intl.Collator('en', {numeric: true, sensitivity: 'base'})

  function fromUrl(): void {
    const params = new URLSearchParams(location.search)
    for (const box of boxes) box.checked = params.getAll(box.name).includes(box.value)
    search.value = params.get('q') ?? ''
    const column = data.columns.indexOf(params.get('sort') ?? '')
    sort = column < 0 ? undefined : {column, descending: params.get('order') === 'desc'}
  }

  function toUrl(): void {
    const params = new URLSearchParams()
    const query = search.value.trim()
    if (query) params.set('q', query)
    for (const box of boxes) if (box.checked) params.append(box.name, box.value)
    if (sort) {
      params.set('sort', data.columns[sort.column]!)
      if (sort.descending) params.set('order', 'desc')
    }
    const text = params.toString()
    history.replaceState(null, '', `${location.pathname}${text ? `?${text}` : ''}${location.hash}`)
  }

  function apply(): void {
    performance.mark('fmrl-filter-start')
    const chosen = new Map<string, Set<string>>()
    for (const box of boxes) if (box.checked) (chosen.get(box.name) ?? chosen.set(box.name, new Set()).get(box.name)!).add(box.value)
    const terms = search.value.toLowerCase().split(/\s+/).filter(Boolean)
    const order = rows.map((_, index) => index)
    if (sort) {
      const {column, descending} = sort
      order.sort((a, b) => (descending ? -1 : 1) * collator.compare(data.rows[a]!.sort[column]!, data.rows[b]!.sort[column]!) || a - b)
    }
    let shown = 0
    for (const index of order) {
      const row = data.rows[index]!
      const visible = [...chosen].every(([facet, values]) => (row.facets[facet] ?? []).some((value) => values.has(value))) && terms.every((term) => row.text.includes(term))
      rows[index]!.hidden = !visible
      if (visible) shown += 1
      body.append(rows[index]!)
    }
    status.textContent = shown === rows.length ? `Showing all ${rows.length} methods.` : `Showing ${shown} of ${rows.length} methods.`
    headers.forEach((header, index) => {
      if (sort?.column === index) header.setAttribute('aria-sort', sort.descending ? 'descending' : 'ascending')
      else header.removeAttribute('aria-sort')
    })
    for (const facet of data.facets) {
      const count = chosen.get(facet)?.size ?? 0
      const badge = form.querySelector(`[data-selected="${facet}"]`)
      if (badge) badge.textContent = count === 0 ? '' : ` (${count} selected)`
    }
    performance.measure('fmrl-filter', 'fmrl-filter-start')
  }

  function changed(): void {
    apply()
    toUrl()
  }

  form.addEventListener('submit', (event) => event.preventDefault())
  form.addEventListener('change', changed)
  search.addEventListener('input', changed)
  document.getElementById('clear')!.addEventListener('click', () => {
    for (const box of boxes) box.checked = false
    search.value = ''
    changed()
  })
  for (const [index, header] of headers.entries()) {
    header.querySelector('button')!.addEventListener('click', () => {
      sort = {column: index, descending: sort?.column === index ? !sort.descending : false}
      changed()
    })
  }
  window.addEventListener('popstate', () => {
    fromUrl()
    apply()
  })

  const panel = document.getElementById('filter-panel') as HTMLDetailsElement
  if (window.matchMedia('(max-width: 760px)').matches && !location.search) panel.open = false

  const toggle = document.getElementById('theme-toggle') as HTMLButtonElement
  const dark = window.matchMedia('(prefers-color-scheme: dark)')
  const current = () => document.documentElement.dataset.theme ?? (dark.matches ? 'dark' : 'light')
  const label = () => {
    toggle.textContent = current() === 'dark' ? 'Light theme' : 'Dark theme'
  }
  toggle.addEventListener('click', () => {
    const next = current() === 'dark' ? 'light' : 'dark'
    document.documentElement.dataset.theme = next
    try {
      localStorage.setItem('fmrl-theme', next)
    } catch {
      // Not stored: the choice lasts for this visit.
    }
    label()
  })
  dark.addEventListener('change', label)
  toggle.hidden = false
  label()

  fromUrl()
  apply()
}
