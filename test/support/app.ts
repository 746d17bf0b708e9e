// The real Fastify app on a fresh test database, and a signed-in "agent" that keeps its cookies
// and sends its CSRF token like a browser would, so HTTP tests go through every real check.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { buildApp } from '../../src/platform/http/app.js'
import { loadConfig, type Config } from '../../src/platform/config.js'
import type { Database } from '../../src/platform/db/database.js'
import { demoPassword } from '../../src/platform/seed/demo-authority.js'
import { createTestDatabase } from './database.js'

export interface TestApp {
  app: FastifyInstance
  database: Database
  config: Config
  close(): Promise<void>
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase()
  const config = { ...loadConfig({}), secureCookies: false, ...overrides }
  const app = await buildApp({ database, config })
  return { app, database, config, close: async () => { await app.close(); await database.close() } }
}

export const demoEmail = (local: string) => `${local}@kent.demo.kindred.test`

export class Agent {
  private cookies = new Map<string, string>()
  csrfToken = ''

  constructor(private readonly app: FastifyInstance, readonly ip = '127.0.0.1') {}

  private remember(response: LightMyRequestResponse): void {
    for (const c of response.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
    const token = /name="(?:_csrf|csrf-token)"[^>]*(?:value|content)="([^"]+)"/.exec(response.body)
    if (token) this.csrfToken = token[1]!
  }

  private get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader }, remoteAddress: this.ip })
    this.remember(response)
    return response
  }

  /** Posts a form. The CSRF token from the last page is added unless the form sets `_csrf` itself. */
  async post(url: string, form: Record<string, string | string[]> = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams()
    if (!('_csrf' in form)) body.append('_csrf', this.csrfToken)
    for (const [key, value] of Object.entries(form)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
    }
    const response = await this.app.inject({
      method: 'POST', url, payload: body.toString(), remoteAddress: this.ip,
      headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
    })
    this.remember(response)
    return response
  }

  /** Posts a form with files (multipart/form-data), as a browser sends a file upload; the CSRF token is added. */
  async postFiles(url: string, form: Record<string, string>, files: Record<string, { filename: string; content: string | Buffer }[]>): Promise<LightMyRequestResponse> {
    const boundary = `----kindred${Math.random().toString(16).slice(2)}`
    const parts: Buffer[] = []
    const part = (headers: string, content: string | Buffer) =>
      parts.push(Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), Buffer.from(content), Buffer.from('\r\n'))
    for (const [name, value] of Object.entries({ _csrf: this.csrfToken, ...form })) part(`Content-Disposition: form-data; name="${name}"`, value)
    for (const [name, list] of Object.entries(files)) {
      for (const file of list) part(`Content-Disposition: form-data; name="${name}"; filename="${file.filename}"\r\nContent-Type: application/octet-stream`, file.content)
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`))
    const response = await this.app.inject({
      method: 'POST', url, payload: Buffer.concat(parts), remoteAddress: this.ip,
      headers: { cookie: this.cookieHeader, 'content-type': `multipart/form-data; boundary=${boundary}` },
    })
    this.remember(response)
    return response
  }

  async signIn(local: string, password = demoPassword): Promise<LightMyRequestResponse> {
    await this.get('/sign-in')
    const response = await this.post('/sign-in', { email: demoEmail(local), password })
    if (response.statusCode === 303) await this.get('/')
    return response
  }
}

export async function signedIn(app: FastifyInstance, local: string): Promise<Agent> {
  const agent = new Agent(app)
  const response = await agent.signIn(local)
  if (response.statusCode !== 303) throw new Error(`Could not sign in as ${local}: ${response.statusCode}`)
  return agent
}

/** The one-time `formToken` of the form on the page at `url`, as a browser would send it back. */
export async function formToken(agent: Agent, url: string): Promise<string> {
  const page = await agent.get(url)
  const token = /name="formToken" value="([^"]+)"/.exec(page.body)?.[1]
  if (!token) throw new Error(`No form token on ${url} (${page.statusCode})`)
  return token
}
