// Page tests in Debian's Chromium through playwright-core, with an axe-core check (WCAG 2.2 AA)
// of every page a test visits. The app runs for real on a loopback port.
import { chromium, type Browser, type Page } from 'playwright-core'
import { AxeBuilder } from '@axe-core/playwright'
import { expect } from 'vitest'
import { demoPassword } from '../../src/platform/seed/demo-authority.js'
import { createTestApp, demoEmail, type TestApp } from './app.js'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface BrowserHarness {
  t: TestApp
  browser: Browser
  baseUrl: string
  /** A fresh browser context (cookies and all), optionally signed in as a demo user. */
  newPage(options?: { signInAs?: string; javaScript?: boolean }): Promise<Page>
  close(): Promise<void>
}

export async function startBrowserHarness(): Promise<BrowserHarness> {
  const t = await createTestApp()
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' })
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  })
  return {
    t,
    browser,
    baseUrl: address,
    async newPage({ signInAs, javaScript = true } = {}) {
      const context = await browser.newContext({ baseURL: address, javaScriptEnabled: javaScript })
      const page = await context.newPage()
      if (signInAs) await signInThroughPage(page, signInAs)
      return page
    },
    async close() {
      await browser.close()
      await t.close()
    },
  }
}

export async function signInThroughPage(page: Page, local: string): Promise<void> {
  await page.goto('/sign-in')
  await page.getByLabel('Email address').fill(demoEmail(local))
  await page.getByLabel('Password').fill(demoPassword)
  await page.getByRole('button', { name: 'Sign in' }).click()
  // Polling the URL rather than waitForURL: the latter never settles in Chromium with JavaScript off.
  await expect.poll(() => new URL(page.url()).pathname, { timeout: 30_000 }).not.toBe('/sign-in')
  await page.waitForLoadState('domcontentloaded')
}

/** Kindred's app.js marks the body `js-enabled`; without it, the page's scripts are not running. */
async function javaScriptRuns(page: Page): Promise<boolean> {
  return (await page.locator('body.js-enabled').count()) > 0
}

/** Fails the test with a readable list if axe finds any WCAG 2.2 A or AA violation on the page. */
export async function expectAccessible(page: Page): Promise<void> {
  if (!(await javaScriptRuns(page))) {
    // axe runs as JavaScript in the page: check the same URL in a JavaScript-enabled twin context.
    const twin = await page.context().browser()!.newContext({ storageState: await page.context().storageState() })
    try {
      const twinPage = await twin.newPage()
      await twinPage.goto(page.url())
      await expectAccessible(twinPage)
    } finally {
      await twin.close()
    }
    return
  }
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze()
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  expect(summary, `axe violations on ${page.url()}`).toEqual([])
}

/** Types an ISO date into a GOV.UK date input named `name` (its -day, -month and -year fields), as a person would. */
export async function fillDate(page: Page, name: string, date: string): Promise<void> {
  await page.locator(`input[name="${name}-day"]`).fill(String(Number(date.slice(8, 10))))
  await page.locator(`input[name="${name}-month"]`).fill(String(Number(date.slice(5, 7))))
  await page.locator(`input[name="${name}-year"]`).fill(date.slice(0, 4))
}

/** Waits until the page's path and query match: a form post and its redirect have landed. */
export const settle = (page: Page, pattern: RegExp) => expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toMatch(pattern)

