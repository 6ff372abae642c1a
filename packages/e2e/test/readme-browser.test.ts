import {mkdir, readFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {roleColours} from '@fmrl/render'
import type {Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {launchChromium, offlinePage} from '../src/browser.js'
import {packageFile, reportFolder, repositoryRoot, stageFolder} from '../src/folder.js'
import {githubAssets, proxiedImage, proxiedImageSvg, renderGithubPage} from '../src/github.js'
import {serveFolder} from '../src/server.js'
import {readSurvey} from '../src/survey.js'

const readme = await readFile(join(repositoryRoot, 'README.md'), 'utf8')
const survey = await readSurvey()

// A table no column can hold: one word far wider than the README, to see the overflow check catch it.
const tooWide = `| Word |\n| - |\n| ${'x'.repeat(400)} |\n`

let chromium: Awaited<ReturnType<typeof launchChromium>>
let server: Awaited<ReturnType<typeof serveFolder>>
let staged: Awaited<ReturnType<typeof stageFolder>>
let loaded: {page: Page; external: string[]; errors: string[]; mermaidErrors: string[]}

/** A Markdown file drawn as GitHub draws it, at 1280 px, its Mermaid finished; what it tried to load from outside and its errors. */
async function openMarkdown(file: string): Promise<typeof loaded> {
  const {page, external, errors} = await offlinePage(chromium.context)
  await page.goto(`${server.url}${file}`)
  const mermaidErrors = await page.evaluate(() => (window as unknown as {mermaidDone: Promise<string[]>}).mermaidDone)
  return {page, external, errors, mermaidErrors}
}

/** Tables that need more room than the README's column gives them. */
function overflowingTables(page: Page): Promise<string[]> {
  return page.$$eval('.markdown-body table', (tables) => {
    const column = document.querySelector('.markdown-body')!.getBoundingClientRect()
    return tables.flatMap((table, index) => {
      const box = table.getBoundingClientRect()
      return table.scrollWidth > table.clientWidth || box.right > column.right ? [`table ${index + 1}: ${table.scrollWidth} px wide in ${table.clientWidth} px`] : []
    })
  })
}

beforeAll(async () => {
  staged = await stageFolder(
    {'readme.html': renderGithubPage(readme), 'too-wide.html': renderGithubPage(tooWide), [proxiedImage]: proxiedImageSvg},
    {
      ...Object.fromEntries(Object.entries(githubAssets).map(([name, specifier]) => [`assets/${name}`, packageFile(specifier)])),
      'assets/fonts': join(dirname(packageFile('katex/dist/katex.min.css')), 'fonts')
    }
  )
  server = await serveFolder(staged.folder)
  chromium = await launchChromium()
  await mkdir(reportFolder, {recursive: true})
  loaded = await openMarkdown('readme.html')
})

afterAll(async () => {
  await chromium?.close()
  await server?.close()
  await staged?.remove()
})

describe('README.md drawn as GitHub draws it, in headless Chromium at 1280 px', () => {
  test('loads nothing from outside the machine and throws no error', () => {
    expect(loaded.external).toEqual([])
    expect(loaded.errors).toEqual([])
    expect(loaded.mermaidErrors).toEqual([])
  })

  test('every Mermaid block is drawn as an SVG, none as Mermaid\'s error picture', async () => {
    const diagrams = await loaded.page.$$eval('.mermaid', (nodes) => nodes.map((node) => {
      const svg = node.querySelector('svg')
      return {svg: svg !== null, kind: svg?.getAttribute('aria-roledescription'), error: /Syntax error/i.test(node.textContent ?? '')}
    }))
    expect(diagrams).toEqual([{svg: true, kind: 'flowchart-v2', error: false}, {svg: true, kind: 'xychart', error: false}])
    expect(readme.match(/^```mermaid$/gm)).toHaveLength(diagrams.length)
  })

  test('the table of contents comes right after the introduction, on the first screen, before any chart', async () => {
    const {page} = loaded
    await page.evaluate(() => scrollTo(0, 0))
    await page.screenshot({path: join(reportFolder, 'readme-top.png')})
    const layout = await page.evaluate(() => ({
      headingsBefore: [...document.querySelectorAll('h1, h2, h3')].findIndex((heading) => heading.id === 'contents'),
      contents: Math.round(document.getElementById('contents')!.getBoundingClientRect().top),
      firstChart: Math.round(document.querySelector('.mermaid')!.getBoundingClientRect().top)
    }))
    expect(layout.headingsBefore).toBe(1)
    expect(layout.contents).toBeLessThan(800 - 200)
    expect(layout.contents).toBeLessThan(layout.firstChart)
  })

  test('the taxonomy chart is folded: closed, it takes one line; open, it shows every method', async () => {
    const {page} = loaded
    const height = () => page.evaluate(() => Math.round(document.querySelector('details')!.getBoundingClientRect().height))
    const closed = await height()
    await page.evaluate(() => {
      document.querySelector('details')!.open = true
    })
    const labels = await page.$$eval('.mermaid', (diagrams) => [...diagrams[0]!.querySelectorAll('.nodeLabel')].map((node) => node.textContent!.trim()))
    expect(labels).toEqual(expect.arrayContaining(survey.methods.map((method) => method.name)))
    const open = await height()
    await page.locator('details').screenshot({path: join(reportFolder, 'readme-taxonomy.png')})
    await page.evaluate(() => {
      document.querySelector('details')!.open = false
    })
    expect(closed).toBeLessThan(40)
    expect(open).toBeGreaterThan(1000)
  })

  test('the year chart: bars from 0, heights proportional to the counts, a zero drawn as nothing, one colour per role', async () => {
    const {page} = loaded
    await page.locator('.mermaid').nth(1).screenshot({path: join(reportFolder, 'readme-years.png')})
    const plots = await page.$$eval('.mermaid', (diagrams) => [...diagrams[1]!.querySelectorAll('g[class*=bar-plot]')].map((group) => ({
      fill: group.querySelector('rect')!.getAttribute('fill'),
      bars: [...group.querySelectorAll('rect')].map((rect) => ({bottom: Number(rect.getAttribute('y')) + Number(rect.getAttribute('height')), height: Number(rect.getAttribute('height'))}))
    })))
    const years = [...new Set(survey.methods.map((method) => method.citation.year))].sort()
    const count = (roleIndex: number, year: number) => survey.methods.filter((method) => method.role === survey.taxonomy[roleIndex]!.id && method.citation.year === year).length
    // The plots are drawn tallest first: the last role's running total, down to the first role alone.
    const roles = survey.taxonomy.map((_, index) => index).reverse()
    expect(plots.map((plot) => plot.fill)).toEqual(roles.map((index) => roleColours[survey.taxonomy[index]!.id].hex))
    const base = plots[0]!.bars[0]!.bottom
    const unit = plots[0]!.bars.at(-1)!.height / survey.methods.filter((method) => method.citation.year === years.at(-1)).length
    const wrong: string[] = []
    roles.forEach((roleIndex, plot) => years.forEach((year, column) => {
      const bar = plots[plot]!.bars[column]!
      const below = plot + 1 < plots.length ? plots[plot + 1]!.bars[column]!.height : 0
      const segment = bar.height - below
      if (Math.abs(bar.bottom - base) > 0.01 || Math.abs(segment - count(roleIndex, year) * unit) > 0.01) wrong.push(`${year} ${survey.taxonomy[roleIndex]!.id}: ${segment} px for ${count(roleIndex, year)}`)
    }))
    expect(wrong).toEqual([])
    expect(plots.at(-1)!.bars.filter((_, column) => count(0, years[column]!) === 0).map((bar) => bar.height)).toEqual(years.filter((year) => count(0, year) === 0).map(() => 0))
  })

  test('every table-of-contents link scrolls to its heading', async () => {
    const {page} = loaded
    const links = await page.$$eval('#contents + ul a', (anchors) => anchors.map((anchor) => anchor.getAttribute('href')!))
    expect(links.length).toBe(readme.split('\n## Contents\n')[1]!.split('\n## ')[0]!.match(/\]\(#/g)!.length)
    const missed: string[] = []
    for (const href of links) {
      await page.click(`#contents + ul a[href="${href}"]`)
      const place = await page.evaluate((id) => {
        const heading = document.getElementById(decodeURIComponent(id.slice(1)))
        if (!heading) return 'no heading'
        const atBottom = Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight
        const top = heading.getBoundingClientRect().top
        return Math.abs(top) <= 2 || (atBottom && top >= 0 && top < innerHeight) ? 'ok' : `top at ${Math.round(top)} px`
      }, href)
      if (place !== 'ok' || decodeURIComponent(new URL(page.url()).hash) !== decodeURIComponent(href)) missed.push(`${href}: ${place}`)
      await page.goBack()
    }
    expect(missed).toEqual([])
  })

  test('no table needs more room than the README\'s column', async () => {
    expect(await overflowingTables(loaded.page)).toEqual([])
    const wide = await openMarkdown('too-wide.html')
    expect(await overflowingTables(wide.page)).toEqual([expect.stringMatching(/^table 1: \d+ px wide in 832 px$/)])
    await wide.page.close()
  })
})
