// Builds the Fastify application: sessions, CSRF, the access policy on every route, GOV.UK pages
// and error handling. Modules add their routes through `registerModules`.
import { randomUUID, timingSafeEqual } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import formbody from '@fastify/formbody'
import cookie from '@fastify/cookie'
import fastifyStatic from '@fastify/static'
import type nunjucks from 'nunjucks'
import type { Config } from '../config.js'
import type { Database } from '../db/database.js'
import { loadSession, sessionCookie, type Session, type SessionUser } from '../auth/session.js'
import { roles } from '../auth/roles.js'
import { resolveChildAccess, type ChildAccess } from '../access/child-access.js'
import type { RouteAccess } from '../access/policy.js'
import { audit } from '../audit/audit.js'
import { createViews, govukFrontendDir, mojFrontendDir } from './views.js'
import { setSecurityHeaders } from './security-headers.js'
import { navigationFor } from './navigation.js'
import { registerModules } from './modules.js'
import { errorPage, registerErrorHandlers } from './errors.js'

declare module 'fastify' {
  interface FastifyRequest {
    session: Session | null
    user: SessionUser | null
    /** Set on child routes once the access policy has let the user through. */
    childAccess: Extract<ChildAccess, { outcome: 'allowed' }> | null
  }
  interface FastifyReply {
    /** Renders a Nunjucks view inside the layout, with the user, navigation and CSRF token. */
    view(template: string, context?: Record<string, unknown>): FastifyReply
  }
  interface FastifyInstance {
    database: Database
    config: Config
    /** Every route as registered, with its access declaration (undefined when it declared none). */
    routeAccess: Array<{ method: string; url: string; access: RouteAccess | undefined }>
  }
}

const publicDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'public')

export interface AppOptions {
  database: Database
  config: Config
  logger?: boolean
}

export async function buildApp({ database, config, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: 1_048_576,
    trustProxy: false,
    genReqId: () => randomUUID(),
    // Logs carry the route pattern, never the URL: query strings can hold names and dates of birth.
    logger: logger && {
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, route: req.routeOptions?.url ?? 'unmatched' }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  })
  app.decorate('database', database)
  app.decorate('config', config)
  app.decorate('routeAccess', [])
  const views: nunjucks.Environment = createViews()

  app.decorateRequest('session', null)
  app.decorateRequest('user', null)
  app.decorateRequest('childAccess', null)
  app.decorateReply('view', function (this: FastifyReply, template: string, context: Record<string, unknown> = {}) {
    const request = this.request
    const html = views.render(template, {
      user: request.user,
      roleName: request.user ? roles[request.user.role] : undefined,
      csrfToken: request.session?.csrfToken,
      navigation: navigationFor(request.user?.role, request.url.split('?')[0] ?? '/'),
      idleTimeoutSeconds: config.idleTimeoutMinutes * 60,
      idleWarningSeconds: config.idleWarningMinutes * 60,
      currentUrl: request.url,
      ...context,
    })
    return this.type('text/html; charset=utf-8').send(html)
  })

  // Deny by default: a route registered without an access declaration answers 403 to everyone.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/assets/') && !route.config?.access) route.config = { ...route.config, access: { public: true } }
    const access = route.config?.access
    for (const method of [route.method].flat()) app.routeAccess.push({ method, url: route.url, access })
    if (!access) {
      route.handler = async (_request, reply) => errorPage(reply, 403)
    }
  })

  await app.register(formbody)
  await app.register(cookie)
  await app.register(fastifyStatic, { root: path.join(govukFrontendDir, 'dist/govuk/assets'), prefix: '/assets/', decorateReply: false })
  await app.register(fastifyStatic, { root: path.join(govukFrontendDir, 'dist/govuk'), prefix: '/assets/govuk/', decorateReply: false, allowedPath: (p) => /\.(css|js|mjs|map)$/.test(p) })
  await app.register(fastifyStatic, { root: path.join(mojFrontendDir, 'moj'), prefix: '/assets/moj/', decorateReply: false, allowedPath: (p) => /\.(css|js|mjs|map)$/.test(p) })
  await app.register(fastifyStatic, { root: publicDir, prefix: '/assets/kindred/', decorateReply: false })

  app.addHook('onSend', async (request, reply) => {
    setSecurityHeaders(reply)
    if (request.user) reply.header('Cache-Control', 'no-store')
  })

  app.addHook('preHandler', async (request, reply) => {
    const access: RouteAccess | undefined = request.routeOptions.config?.access
    const lookup = await loadSession(database.db, request.cookies[sessionCookie], config.idleTimeoutMinutes)
    if (lookup.status === 'active') {
      request.session = lookup.session
      request.user = lookup.session.user
    }
    if (request.is404) return
    if (!access) return errorPage(reply, 403)
    if (isStateChanging(request) && !csrfTokenMatches(request)) return errorPage(reply, 403, 'csrf')
    if ('public' in access) return
    if (!request.user) {
      if (request.method !== 'GET') return errorPage(reply, 401)
      const query = new URLSearchParams({ returnTo: request.url })
      if (lookup.status === 'timed-out') query.set('timedOut', 'true')
      return reply.redirect(`/sign-in?${query.toString()}`)
    }
    if (!access.roles.includes(request.user.role)) return errorPage(reply, 403)
    if (access.child) {
      const childId = (request.params as Record<string, string>)[access.child.param] ?? ''
      const result = await resolveChildAccess(database.db, request.user, childId, access.child.links)
      if (result.outcome !== 'allowed') {
        await audit(database.db, {
          laCode: request.user.laCode, userId: request.user.id, action: 'child.access_refused',
          childId: result.outcome === 'denied' ? childId : null, purpose: access.child.purpose,
          detail: { route: request.routeOptions.url, outcome: result.outcome },
        })
        if (result.outcome === 'not-found') return errorPage(reply, 404)
        return errorPage(reply, 403, result.breakGlassAllowed ? 'break-glass' : undefined, childId)
      }
      request.childAccess = result
      if (request.method === 'GET') {
        await audit(database.db, {
          laCode: request.user.laCode, userId: request.user.id, action: 'child.viewed', childId,
          purpose: access.child.purpose, detail: { route: request.routeOptions.url, via: result.via },
        })
      }
    }
  })

  registerErrorHandlers(app)
  await registerModules(app)
  return app
}

function isStateChanging(request: FastifyRequest): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(request.method)
}

function csrfTokenMatches(request: FastifyRequest): boolean {
  // Before sign-in there is no session: the sign-in form is protected by a cookie-bound token instead.
  const expected = request.session?.csrfToken ?? request.cookies['kindred_csrf']
  const body = request.body as Record<string, unknown> | undefined
  const sent = (typeof body?._csrf === 'string' ? body._csrf : undefined) ?? request.headers['x-csrf-token']
  if (!expected || typeof sent !== 'string' || sent.length !== expected.length) return false
  return timingSafeEqual(Buffer.from(sent), Buffer.from(expected))
}
