// The platform's own pages in Chromium, each checked with axe: sign-in (with and without errors),
// home, the information pages and the error pages. Also: the pages work with JavaScript off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, startBrowserHarness, type BrowserHarness } from '../../../test/support/browser.js'

let h: BrowserHarness
beforeAll(async () => { h = await startBrowserHarness() })
afterAll(async () => { await h?.close() })

describe('platform pages in a browser', () => {
  it('shows an accessible sign-in page, and inline errors that keep what was typed', async () => {
    const page = await h.newPage()
    await page.goto('/')
    expect(new URL(page.url()).pathname).toBe('/sign-in')
    await expectAccessible(page)
    await page.getByLabel('Email address').fill('someone@example.test')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.title()).toMatch(/^Error: /)
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter your password')
    expect(await page.getByLabel('Email address').inputValue()).toBe('someone@example.test')
    await expectAccessible(page)
  })

  it('signs in with JavaScript off and shows the home page with the service navigation', async () => {
    const page = await h.newPage({ signInAs: 'social.worker', javaScript: false })
    expect(await page.locator('h1').textContent()).toContain('Welcome, Sam Okafor')
    expect(await page.locator('.govuk-phase-banner').textContent()).toContain('Social worker')
    await expectAccessible(page)
  })

  it('shows the accessibility statement, privacy page and a 404 page, all accessible', async () => {
    const page = await h.newPage()
    for (const [path, heading] of [['/accessibility', 'Accessibility statement'], ['/privacy', 'Privacy'], ['/missing-page', 'Page not found']] as const) {
      const response = await page.goto(path)
      expect(await page.locator('h1').textContent()).toContain(heading)
      if (path === '/missing-page') expect(response?.status()).toBe(404)
      await expectAccessible(page)
    }
  })

  it('shows the time-out warning with a button that keeps the session', async () => {
    const page = await h.newPage({ signInAs: 'team.manager' })
    // Shorten the time-out in the served page so the warning appears within the test.
    await page.route('**/', async (route) => {
      const response = await route.fetch()
      const html = (await response.text())
        .replace(/data-idle-timeout-seconds="\d+"/, 'data-idle-timeout-seconds="60"')
        .replace(/data-idle-warning-seconds="\d+"/, 'data-idle-warning-seconds="59"')
      await route.fulfill({ response, body: html })
    })
    await page.goto('/')
    const dialog = page.getByRole('dialog', { name: 'You will be signed out soon' })
    await dialog.waitFor({ state: 'visible' })
    await expectAccessible(page)
    await dialog.getByRole('button', { name: 'Stay signed in' }).click()
    await dialog.waitFor({ state: 'hidden' })
  })
})
