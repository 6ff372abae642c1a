import {mkdir, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {formatCitation, modelFamilies, symbolAttributes, type Method, type Survey} from '@fmrl/model'
import {renderSite, sitePath} from '@fmrl/render'
import type {Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {launchChromium, offlinePage} from '../src/browser.js'
import {reportFolder, repositoryRoot, stageFolder} from '../src/folder.js'
import {serveFolder} from '../src/server.js'
import {readSurvey} from '../src/survey.js'

const survey = await readSurvey()
const page = await readFile(join(repositoryRoot, sitePath), 'utf8')
const names = survey.methods.map((method) => method.name)

/**
 * What each filter means, from the model: a method matches a checked value when it has it. These
 * are the survey's attributes read directly, not the page's own data.
 */
function has(method: Method, filter: string, value: string): boolean {
  if (filter === 'role') return method.role === value
  if (filter === 'category') return `${method.role}/${method.category}` === value
  if (filter === 'year') return String(method.citation.year) === value
  if (filter === 'family') return modelFamilies(method).includes(value)
  const attribute = symbolAttributes.find((candidate) => candidate.key === filter)
  if (!attribute) throw new Error(`Unexpected filter \`${filter}\``)
  const held = method[attribute.key]
  return typeof held === 'string' ? held === value : held.includes(value)
}

/** The methods a set of checked values keeps: any value within a filter, every filter. */
function expected(checked: ReadonlyArray<[string, string]>): string[] {
  const filters = new Map<string, string[]>()
  for (const [filter, value] of checked) filters.set(filter, [...(filters.get(filter) ?? []), value])
  return survey.methods.filter((method) => [...filters].every(([filter, values]) => values.some((value) => has(method, filter, value)))).map((method) => method.name)
}

/** What a search matches, as documented on the page: name, citation, venue, models and families, role, category, meanings of the symbols. */
function searched(query: string): string[] {
  const meanings = (method: Method) => symbolAttributes.flatMap((attribute) => {
    const terms = survey.vocabularies.find((vocabulary) => vocabulary.id === attribute.vocabulary)!.terms
    const held = method[attribute.key]
    return (typeof held === 'string' ? [held] : held).map((symbol) => terms.find((term) => term.symbol === symbol)!.meaning)
  })
  const text = (method: Method) => {
    const role = survey.taxonomy.find((candidate) => candidate.id === method.role)!
    return [method.name, formatCitation(method.citation), method.venue ?? '', ...method.models, ...modelFamilies(method), role.name, role.categories.find((category) => category.id === method.category)!.name, ...meanings(method)].filter(Boolean).join(' · ').toLowerCase()
  }
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean)
  return survey.methods.filter((method) => terms.every((term) => text(method).includes(term))).map((method) => method.name)
}

/** The names of the rows shown, in their order. */
const shownRows = (page: Page) => page.$$eval('#methods-table tbody tr:not([hidden]) th', (cells) => cells.map((cell) => cell.textContent!.trim()))

let chromium: Awaited<ReturnType<typeof launchChromium>>
let server: Awaited<ReturnType<typeof serveFolder>>
let staged: Awaited<ReturnType<typeof stageFolder>>
const filterTimes: number[] = []

/** The survey with hostile text and links where content/ could carry them. */
function hostile(): Survey {
  const [first, second, ...rest] = survey.methods
  return {
    ...survey,
    methods: [
      {...first!, name: '<script>alert(1)</script>', paper: 'javascript:alert(2)', models: ['"><img src=x onerror=alert(3)>']},
      {...second!, code: 'JAVASCRIPT:alert(4)', paper: 'data:text/html,<script>alert(5)</script>'},
      ...rest
    ],
    readingList: [{title: '</li><script>alert(6)</script>', url: ' javascript:alert(7)', section: '<b>Section</b>', list: 'x', authors: ['A & B'], venue: null, date: null, keywords: [], environments: [{name: 'Env', url: 'javascript:alert(8)'}], links: [], note: null, overview: null, method: null}],
    environments: [{name: '<i>Env</i>', url: 'vbscript:msgbox(9)', description: '</style><script>alert(10)</script>', image: null, list: 'x'}]
  }
}

beforeAll(async () => {
  staged = await stageFolder({'index.html': page, 'hostile.html': renderSite(hostile())})
  server = await serveFolder(staged.folder)
  chromium = await launchChromium()
  await mkdir(reportFolder, {recursive: true})
})

afterAll(async () => {
  await chromium?.close()
  await server?.close()
  await staged?.remove()
  if (filterTimes.length > 0) {
    const sorted = [...filterTimes].sort((a, b) => a - b)
    const report = JSON.parse(await readFile(join(reportFolder, 'page.json'), 'utf8').catch(() => '{}')) as Record<string, unknown>
    await writeFile(join(reportFolder, 'page.json'), `${JSON.stringify({...report, filterMs: {runs: sorted.length, median: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1)}}, null, 2)}\n`)
  }
})

/** The page at `path`, in a window `width` wide, with nothing allowed to load from outside. */
async function open(path = '', {width = 1280, colorScheme = 'light' as 'light' | 'dark'} = {}) {
  const opened = await offlinePage(chromium.context)
  await opened.page.setViewportSize({width, height: 900})
  await opened.page.emulateMedia({colorScheme})
  await opened.page.goto(`${server.url}index.html${path}`)
  return opened
}

/** Check one box as a reader would (a click), and note how long the page took to filter. */
async function check(page: Page, filter: string, value: string): Promise<void> {
  await page.locator(`input[name="${filter}"][value="${value}"]`).check()
  filterTimes.push(await page.evaluate(() => performance.getEntriesByName('fmrl-filter').at(-1)!.duration))
}

/** Toggle one box by a click event on it (without Playwright's wait for it to be on screen), and note the filter time. */
async function toggle(page: Page, filter: string, value: string): Promise<void> {
  filterTimes.push(await page.$eval(`input[name="${filter}"][value="${value}"]`, (input) => {
    (input as HTMLInputElement).click()
    return performance.getEntriesByName('fmrl-filter').at(-1)!.duration
  }))
}

describe('the web page, in headless Chromium', () => {
  test('loads from one file, under 200 KB, with nothing from outside and no error; load time measured', async () => {
    const sizes: number[] = []
    const {page: tab, external, errors} = await offlinePage(chromium.context)
    await tab.goto(`${server.url}index.html`)
    // Measured on the second load: the first pays for starting the browser's renderer.
    tab.on('response', async (response) => sizes.push((await response.body()).length))
    await tab.reload()
    const timing = await tab.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
      return {domContentLoadedMs: Math.round(navigation!.domContentLoadedEventEnd), loadMs: Math.round(navigation!.loadEventEnd), firstFilterMs: performance.getEntriesByName('fmrl-filter')[0]!.duration}
    })
    expect(external).toEqual([])
    expect(errors).toEqual([])
    expect(sizes).toEqual([Buffer.byteLength(page)])
    expect(sizes[0]).toBeLessThan(200 * 1024)
    await writeFile(join(reportFolder, 'page.json'), `${JSON.stringify({bytes: sizes[0], ...timing}, null, 2)}\n`)
    expect(await shownRows(tab)).toEqual(names)
    await tab.close()
  })

  test('every value of every filter narrows the table to exactly the methods the model has it for', async () => {
    const {page: tab} = await open()
    const boxes = await tab.$$eval('#filters input[type=checkbox]', (inputs) => inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value] as [string, string]))
    expect([...new Set(boxes.map(([filter]) => filter))]).toEqual(['role', 'category', 'ft', 'fmRoles', 'rlAgent', 'rlTask', 'rlSetting', 'rlRoles', 'metrics', 'year', 'family'])
    const wrong: string[] = []
    for (const [filter, value] of boxes) {
      await toggle(tab, filter, value)
      const shown = await shownRows(tab)
      if (JSON.stringify(shown) !== JSON.stringify(expected([[filter, value]]))) wrong.push(`${filter}=${value}: ${shown.join(', ')}`)
      await toggle(tab, filter, value)
    }
    expect(wrong).toEqual([])
    expect(await shownRows(tab)).toEqual(names)
    await tab.close()
  })

  test('filters combine: any value within one, all of them together; the status says how many', async () => {
    const {page: tab} = await open()
    const question: Array<[string, string]> = [['ft', '✓'], ['ft', '✓*'], ['rlSetting', 'offline'], ['metrics', 'se']]
    for (const [filter, value] of question) await check(tab, filter, value)
    const answer = expected(question)
    expect(answer.length).toBeGreaterThan(0)
    expect(await shownRows(tab)).toEqual(answer)
    expect(await tab.textContent('#status')).toBe(`Showing ${answer.length} of ${names.length} methods.`)
    await tab.click('#clear')
    expect(await shownRows(tab)).toEqual(names)
    await tab.close()
  })

  test('search matches the documented fields, every word', async () => {
    const {page: tab} = await open()
    for (const query of ['sample efficiency', 'GPT-4', 'llama', 'zhang 2023', 'reward model', 'no such method']) {
      await tab.fill('#search', query)
      expect(await shownRows(tab), query).toEqual(searched(query))
    }
    await tab.close()
  })

  test('sorting by a column, ascending then descending; ties keep the survey\'s order', async () => {
    const {page: tab} = await open()
    const collator = new Intl.Collator('en', {numeric: true, sensitivity: 'base'})
    const byName = [...survey.methods].sort((a, b) => collator.compare(a.name, b.name)).map((method) => method.name)
    const header = (name: string) => tab.locator('#methods-table thead th', {hasText: name})
    await header('Method').locator('button').click()
    expect(await shownRows(tab)).toEqual(byName)
    expect(await header('Method').getAttribute('aria-sort')).toBe('ascending')
    await header('Method').locator('button').click()
    expect(await shownRows(tab)).toEqual([...byName].reverse())
    expect(await header('Method').getAttribute('aria-sort')).toBe('descending')
    await header('Citation').locator('button').click()
    const byYear = survey.methods.map((method, index) => ({method, index})).sort((a, b) => a.method.citation.year - b.method.citation.year || collator.compare(formatCitation(a.method.citation), formatCitation(b.method.citation)) || a.index - b.index)
    expect(await shownRows(tab)).toEqual(byYear.map(({method}) => method.name))
    expect(await header('Method').getAttribute('aria-sort')).toBeNull()
    const ftOrder = survey.vocabularies.find((vocabulary) => vocabulary.id === 'ft')!.terms.map((term) => term.symbol)
    await header('FT').locator('button').click()
    const byFt = survey.methods.map((method, index) => ({method, index})).sort((a, b) => ftOrder.indexOf(a.method.ft) - ftOrder.indexOf(b.method.ft) || a.index - b.index)
    expect(await shownRows(tab)).toEqual(byFt.map(({method}) => method.name))
    await tab.close()
  })

  test('a deep link holds the filters, search and sort, and opening it shows the same table', async () => {
    const {page: tab} = await open()
    await check(tab, 'role', 'agent')
    await check(tab, 'metrics', 'gen')
    await tab.fill('#search', 'gpt')
    await tab.locator('#methods-table thead th', {hasText: 'Citation'}).locator('button').click()
    await tab.locator('#methods-table thead th', {hasText: 'Citation'}).locator('button').click()
    const link = new URL(tab.url())
    expect([...link.searchParams]).toEqual([['q', 'gpt'], ['role', 'agent'], ['metrics', 'gen'], ['sort', 'citation'], ['order', 'desc']])
    const rows = await shownRows(tab)
    expect([...rows].sort()).toEqual(expected([['role', 'agent'], ['metrics', 'gen']]).filter((name) => searched('gpt').includes(name)).sort())
    const {page: again} = await open(link.search)
    expect(await shownRows(again)).toEqual(rows)
    expect(await again.$$eval('#filters input:checked', (inputs) => inputs.map((input) => `${(input as HTMLInputElement).name}=${(input as HTMLInputElement).value}`))).toEqual(['role=agent', 'metrics=gen'])
    expect(await again.inputValue('#search')).toBe('gpt')
    expect(new URL(again.url()).search).toBe(link.search)
    await tab.close()
    await again.close()
  })

  test('every control is reached and worked by keyboard alone', async () => {
    const {page: tab} = await open()
    const reached = new Set<string>()
    for (let step = 0; step < 160; step += 1) {
      await tab.keyboard.press('Tab')
      reached.add(await tab.evaluate(() => {
        const active = document.activeElement as HTMLInputElement | null
        if (!active) return ''
        return active.tagName === 'INPUT' ? `${active.type}:${active.name}=${active.value}` : `${active.tagName.toLowerCase()}:${active.id || active.textContent!.trim()}`
      }))
    }
    const boxes = await tab.$$eval('#filters input[type=checkbox]', (inputs) => inputs.map((input) => `checkbox:${(input as HTMLInputElement).name}=${(input as HTMLInputElement).value}`))
    const sortButtons = await tab.$$eval('#methods-table thead button', (buttons) => buttons.map((button) => `button:${button.textContent!.trim()}`))
    for (const control of ['a:Skip to the methods', 'button:theme-toggle', 'summary:Filters and legend', 'search:=', 'button:clear', ...boxes, ...sortButtons]) expect(reached, control).toContain(control)
    await tab.focus('input[name="rlSetting"][value="offline"]')
    await tab.keyboard.press('Space')
    expect(await shownRows(tab)).toEqual(expected([['rlSetting', 'offline']]))
    await tab.focus('#methods-table thead th:first-child button')
    await tab.keyboard.press('Enter')
    expect(await tab.getAttribute('#methods-table thead th:first-child', 'aria-sort')).toBe('ascending')
    await tab.close()
  })

  test('screen readers get the table\'s headers: a caption, a header per column, each row named by its method', async () => {
    const {page: tab} = await open()
    const table = tab.locator('#methods-table')
    expect(await table.getByRole('columnheader').count()).toBe(await tab.locator('#methods-table thead th').count())
    expect((await table.getByRole('rowheader').allTextContents()).map((name) => name.trim())).toEqual(names)
    expect(await tab.getByRole('table', {name: /methods with every attribute/}).count()).toBe(1)
    expect(await tab.getByRole('checkbox', {name: /parameter-efficient fine-tuning/}).count()).toBe(1)
    expect(await tab.getByRole('img', {name: /Methods per year and role, stacked from the bottom: .*\(blue\)/}).count()).toBe(1)
    await tab.close()
  })

  test('at 375 px wide nothing but the table scrolls sideways, the filters fold, and text stays readable', async () => {
    const {page: tab} = await open('', {width: 375})
    await tab.screenshot({path: join(reportFolder, 'page-375.png')})
    const layout = await tab.evaluate(() => ({
      pageWidth: document.documentElement.scrollWidth,
      filtersOpen: (document.getElementById('filter-panel') as HTMLDetailsElement).open,
      smallestText: Math.min(...[...document.querySelectorAll('td, th, label, p')].map((element) => Number.parseFloat(getComputedStyle(element).fontSize)))
    }))
    expect(layout).toEqual({pageWidth: 375, filtersOpen: false, smallestText: expect.any(Number)})
    expect(layout.smallestText).toBeGreaterThanOrEqual(13)
    await tab.click('#filter-panel summary')
    await check(tab, 'role', 'reward')
    expect(await shownRows(tab)).toEqual(expected([['role', 'reward']]))
    expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBe(375)
    await tab.close()
  })

  test('dark by the system\'s choice, light by the toggle, remembered on the next visit', async () => {
    const {page: tab} = await open('', {colorScheme: 'dark'})
    const background = () => tab.evaluate(() => getComputedStyle(document.body).backgroundColor)
    expect(await background()).toBe('rgb(13, 17, 23)')
    await tab.screenshot({path: join(reportFolder, 'page-dark.png')})
    expect(await tab.textContent('#theme-toggle')).toBe('Light theme')
    await tab.click('#theme-toggle')
    expect(await background()).toBe('rgb(255, 255, 255)')
    expect(await tab.textContent('#theme-toggle')).toBe('Dark theme')
    await tab.reload()
    expect(await background()).toBe('rgb(255, 255, 255)')
    await tab.screenshot({path: join(reportFolder, 'page-light.png')})
    await tab.click('#theme-toggle')
    expect(await background()).toBe('rgb(13, 17, 23)')
    await tab.evaluate(() => localStorage.removeItem('fmrl-theme'))
    await tab.close()
  })

  test('text from content/ is shown as text: no script runs, no javascript: link is rendered', async () => {
    const {page: tab, errors, external} = await offlinePage(chromium.context)
    const dialogs: string[] = []
    tab.on('dialog', async (dialog) => {
      dialogs.push(dialog.message())
      await dialog.dismiss()
    })
    await tab.goto(`${server.url}hostile.html`)
    expect(await shownRows(tab)).toEqual(['<script>alert(1)</script>', ...names.slice(1)])
    // The models cell writes the name as the column codec quotes a list item holding a quote.
    expect(await tab.locator('#methods-table tbody tr:first-child td:nth-child(4)').textContent()).toBe('"""><img src=x onerror=alert(3)>"')
    expect(await tab.locator('#reading-list li').textContent()).toContain('</li><script>alert(6)</script>')
    expect(await tab.locator('#environments li').textContent()).toContain('</style><script>alert(10)</script>')
    const hrefs = await tab.$$eval('a[href]', (anchors) => anchors.map((anchor) => anchor.getAttribute('href')!))
    expect(hrefs.filter((href) => !/^(?:https?:\/\/|#|\?)/.test(href))).toEqual([])
    expect(await tab.locator('script').count()).toBe(3)
    expect(await tab.locator('img').count()).toBe(0)
    expect(dialogs).toEqual([])
    expect(errors).toEqual([])
    expect(external).toEqual([])
    await tab.close()
  })
})
