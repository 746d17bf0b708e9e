// The workforce pages in Chromium, each checked with axe: allocating (with errors), my work and the team.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, startBrowserHarness, type BrowserHarness } from '../../../test/support/browser.js'
import { allocate, createChild } from '../../../test/support/records.js'

let h: BrowserHarness
beforeAll(async () => { h = await startBrowserHarness() }, 60_000)
afterAll(async () => { await h?.close() })

describe('workforce pages', () => {
  it('allocates a child (errors first), then shows the child on my work and the team’s work', async () => {
    const child = await createChild(h.t.database.db, { firstName: 'Amara', lastName: 'Allocated' })
    await allocate(h.t.database.db, await createChild(h.t.database.db, { firstName: 'Already', lastName: 'Here' }), 'social.worker')
    const manager = await h.newPage({ signInAs: 'team.manager' })
    await manager.goto(`/children/${child}/allocate`)
    expect(await manager.locator('main').textContent()).toContain('Not allocated to anyone.')
    await expectAccessible(manager)
    await manager.getByLabel('Team').selectOption({ label: 'Select a team' })
    await manager.getByRole('button', { name: 'Allocate' }).click()
    const summary = await manager.locator('.govuk-error-summary').textContent()
    expect(summary).toContain('Select a team')
    expect(summary).toContain('Select a worker')
    await expectAccessible(manager)
    await manager.getByLabel('Team').selectOption({ label: 'Assessment and intervention' })
    await manager.getByLabel('Worker').selectOption({ label: 'Sam Okafor (Assessment and intervention)' })
    await manager.getByRole('button', { name: 'Allocate' }).click()
    await expect.poll(() => new URL(manager.url()).pathname).toBe(`/children/${child}`)
    expect(await manager.locator('#allocation-history + ul').textContent()).toContain('Sam Okafor (Assessment and intervention)')

    await manager.goto('/team')
    expect(await manager.locator('main').textContent()).toContain('Amara Allocated')
    await expectAccessible(manager)

    const worker = await h.newPage({ signInAs: 'social.worker' })
    await worker.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'My work' }).click()
    await expect.poll(() => new URL(worker.url()).pathname).toBe('/my-work')
    expect(await worker.locator('tbody').textContent()).toContain('Amara Allocated')
    expect(await worker.locator('tbody').textContent()).toContain('Already Here')
    await expectAccessible(worker)
  })

  it('shows my work without JavaScript', async () => {
    const page = await h.newPage({ signInAs: 'social.worker', javaScript: false })
    await page.goto('/my-work')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('My work')
    await expectAccessible(page)
  })
})
