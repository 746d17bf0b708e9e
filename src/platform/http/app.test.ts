// The HTTP shell: deny by default, security headers, error pages with the right status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Agent, createTestApp, signedIn, type TestApp } from '../../../test/support/app.js'

let t: TestApp
beforeAll(async () => { t = await createTestApp() })
afterAll(async () => { await t.close() })

describe('access declarations', () => {
  it('every registered route declares who may use it', () => {
    const undeclared = t.app.routeAccess.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`)
    expect(t.app.routeAccess.length).toBeGreaterThan(5)
    expect(undeclared).toEqual([])
  })

  it('refuses a route registered without a declaration', async () => {
    const probe = await createTestApp()
    try {
      // Registered after start-up would be too late; a fresh app gets the undeclared route before ready().
      probe.app.get('/undeclared-probe', async () => 'secret')
      const response = await probe.app.inject({ method: 'GET', url: '/undeclared-probe' })
      expect(response.statusCode).toBe(403)
      expect(response.body).not.toContain('secret')
    } finally {
      await probe.close()
    }
  })
})

describe('security headers', () => {
  it('sends a CSP without inline scripts and the other strict headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/sign-in' })
    const csp = String(response.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['x-frame-options']).toBe('DENY')
    expect(response.headers['referrer-policy']).toBe('no-referrer')
    expect(response.headers['strict-transport-security']).toContain('max-age=')
    expect(response.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
  })
})

describe('bad requests get a GOV.UK page and the right status', () => {
  it('answers an unknown route with 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/no/such/page' })
    expect(response.statusCode).toBe(404)
    expect(response.body).toContain('Page not found')
  })

  it('answers an oversized body with 413', async () => {
    const agent = await signedIn(t.app, 'social.worker')
    const response = await agent.post('/session/keep-alive', { padding: 'x'.repeat(1_100_000) })
    expect(response.statusCode).toBe(413)
    expect(response.body).toContain('too large')
  })

  it('answers a malformed JSON body with 400, not 500', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/sign-in', payload: '{"email":', headers: { 'content-type': 'application/json' } })
    expect([400, 403]).toContain(response.statusCode)
    expect(response.body).not.toContain('SyntaxError')
  })

  it('answers an unsupported content type with 400, never a stack trace', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/sign-in', payload: 'x', headers: { 'content-type': 'application/x-unknown' } })
    expect(response.statusCode).toBe(400)
    expect(response.body).not.toMatch(/at .+\.(ts|js):\d+/)
  })

  it('refuses a form whose CSRF token is forged', async () => {
    const agent = await signedIn(t.app, 'social.worker')
    const response = await agent.post('/session/keep-alive', { _csrf: 'forged-token-forged-token-forged-token-forg' })
    expect(response.statusCode).toBe(403)
    expect(response.body).toContain('Your form could not be sent')
  })

  it('refuses a form with no CSRF token', async () => {
    const agent = new Agent(t.app)
    await agent.get('/sign-in')
    const response = await agent.post('/sign-in', { _csrf: '', email: 'x@y.z', password: 'p' })
    expect(response.statusCode).toBe(403)
  })
})
