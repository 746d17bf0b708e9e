// Sign-in, sessions and their protections, through the real app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { Agent, createTestApp, demoEmail, signedIn, type TestApp } from '../../../test/support/app.js'
import { lockoutThreshold, sourceLimit } from './sign-in.js'
import { safeReturnTo } from './routes.js'

let t: TestApp
beforeAll(async () => { t = await createTestApp() })
afterAll(async () => { await t.close() })

describe('signing in', () => {
  it('signs in with the right password and sets a session cookie that scripts cannot read', async () => {
    const agent = new Agent(t.app, '10.0.0.1')
    const response = await agent.signIn('social.worker')
    expect(response.statusCode).toBe(303)
    const cookie = response.cookies.find((c) => c.name === 'kindred_session')!
    expect(cookie.httpOnly).toBe(true)
    expect(cookie.sameSite).toBe('Lax')
    const home = await agent.get('/')
    expect(home.statusCode).toBe(200)
    expect(home.body).toContain('Welcome, Sam Okafor')
  })

  it('marks the session cookie Secure outside local plain-HTTP development', async () => {
    const secure = await createTestApp({ secureCookies: true })
    try {
      const response = await new Agent(secure.app, '10.0.0.9').signIn('social.worker')
      expect(response.cookies.find((c) => c.name === 'kindred_session')!.secure).toBe(true)
    } finally {
      await secure.close()
    }
  })

  it('stores passwords as argon2id hashes', async () => {
    const rows = await t.database.db.selectFrom('users').select('password_hash').where('password_hash', 'is not', null).execute()
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row.password_hash).toMatch(/^\$argon2id\$/)
  })

  it('refuses a wrong password with a message that does not say which part was wrong', async () => {
    const agent = new Agent(t.app, '10.0.0.2')
    const response = await agent.signIn('team.manager', 'wrong-password')
    expect(response.statusCode).toBe(401)
    expect(response.body).toContain('Enter a correct email address and password')
    expect(response.body).toContain(`value="${demoEmail('team.manager')}"`)
  })

  it('shows errors next to empty fields', async () => {
    const agent = new Agent(t.app, '10.0.0.3')
    await agent.get('/sign-in')
    const response = await agent.post('/sign-in', { email: '', password: '' })
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('Enter your email address')
    expect(response.body).toContain('Enter your password')
    expect(response.body).toContain('govuk-error-summary')
  })

  it(`locks an account after ${lockoutThreshold} wrong passwords, even for the right one`, async () => {
    const agent = new Agent(t.app, '10.0.0.4')
    for (let i = 0; i < lockoutThreshold - 1; i++) expect((await agent.signIn('iro', 'nope')).statusCode).toBe(401)
    expect((await agent.signIn('iro', 'nope')).statusCode).toBe(429)
    const right = await agent.signIn('iro')
    expect(right.statusCode).toBe(429)
    expect(right.body).toContain('Your account is locked')
    await t.database.db.updateTable('users').set({ locked_until: null }).where('email', '=', demoEmail('iro')).execute()
    expect((await agent.signIn('iro')).statusCode).toBe(303)
  })

  it(`slows down a source after ${sourceLimit} failures across accounts`, async () => {
    const agent = new Agent(t.app, '10.0.0.5')
    for (let i = 0; i < sourceLimit; i++) await agent.signIn(`nobody${i}`, 'x')
    const response = await agent.signIn('analyst')
    expect(response.statusCode).toBe(429)
    expect(response.body).toContain('too many times')
  })

  it('only returns to paths on this site after sign-in', () => {
    expect(safeReturnTo('/children/123')).toBe('/children/123')
    expect(safeReturnTo('//evil.example/')).toBe('/')
    expect(safeReturnTo('/\\evil.example')).toBe('/')
    expect(safeReturnTo('https://evil.example/')).toBe('/')
  })

  it('ends an idle session and says why on the sign-in page', async () => {
    const agent = await signedIn(t.app, 'placements')
    await sql`update sessions set last_seen_at = now() - interval '31 minutes'`.execute(t.database.db)
    const response = await agent.get('/')
    expect(response.statusCode).toBe(302)
    expect(response.headers.location).toContain('timedOut=true')
    const page = await agent.get(String(response.headers.location))
    expect(page.body).toContain('You were signed out because you had not used Kindred for a while')
  })

  it('signs out and forgets the session server-side', async () => {
    const agent = await signedIn(t.app, 'analyst')
    const before = await t.database.db.selectFrom('sessions').select('id').execute()
    await agent.get('/sign-out')
    const after = await t.database.db.selectFrom('sessions').select('id').execute()
    expect(after.length).toBe(before.length - 1)
    expect((await agent.get('/')).statusCode).toBe(302)
  })

  it('keeps the session alive when asked, with the CSRF header', async () => {
    const agent = await signedIn(t.app, 'front.door')
    const response = await t.app.inject({
      method: 'POST', url: '/session/keep-alive',
      headers: { cookie: `kindred_session=${'x'}`, 'x-csrf-token': agent.csrfToken },
    })
    expect(response.statusCode).toBe(403)
    expect((await agent.post('/session/keep-alive')).statusCode).toBe(204)
  })
})
