import {access, mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {chromium, type BrowserContext, type Page} from 'playwright-core'

/** Debian's Chromium, as `.ci/run` and the CI workflow install it (`apt-get install -y chromium`). */
export const chromiumPath = process.env.FMRL_CHROMIUM ?? '/usr/bin/chromium'

// Headless and offline: no sandbox (CI runs as root), and none of Chromium's own calls home.
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** A headless Chromium with a fresh profile, removed again by `close`. */
export async function launchChromium(): Promise<{context: BrowserContext; close(): Promise<void>}> {
  await access(chromiumPath).catch(() => {
    throw new Error(`Unexpected missing Chromium at \`${chromiumPath}\`, expected Debian's chromium: run \`apt-get install -y chromium\` (or set FMRL_CHROMIUM to its path)`)
  })
  const profile = await mkdtemp(join(tmpdir(), 'fmrl-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {executablePath: chromiumPath, headless: true, chromiumSandbox: false, args: flags, viewport: {width: 1280, height: 800}})
  return {
    context,
    async close() {
      await context.close()
      await rm(profile, {recursive: true, force: true})
    }
  }
}

/**
 * A page whose requests may reach 127.0.0.1 only: every other request is aborted and recorded,
 * and the test asserts the record is empty. Errors the page throws are recorded too.
 */
export async function offlinePage(context: BrowserContext): Promise<{page: Page; external: string[]; errors: string[]}> {
  const page = await context.newPage()
  const external: string[] = []
  const errors: string[] = []
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url())
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') return route.continue()
    external.push(url.href)
    return route.abort('blockedbyclient')
  })
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  return {page, external, errors}
}
