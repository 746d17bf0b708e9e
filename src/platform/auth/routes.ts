// Sign in, sign out and keep a session alive.
import { randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { allow, publicRoute } from '../access/policy.js'
import { allRoles } from './roles.js'
import { createSession, destroySession, sessionCookie } from './session.js'
import { signIn, lockoutMinutes } from './sign-in.js'
import { audit } from '../audit/audit.js'

const signInView = 'platform/auth/views/sign-in.njk'

/** Only same-site paths: never `//host` or an absolute URL (an open redirect). */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/'
}

export async function registerAuthRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: app.config.secureCookies }

  function preSignInToken(reply: FastifyReply, existing: string | undefined): string {
    if (existing) return existing
    const token = randomBytes(32).toString('base64url')
    reply.setCookie('kindred_csrf', token, { ...cookieOptions, sameSite: 'strict' })
    return token
  }

  app.get('/sign-in', publicRoute, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>
    return reply.view(signInView, {
      pageTitle: 'Sign in',
      csrfToken: preSignInToken(reply, request.cookies['kindred_csrf']),
      returnTo: safeReturnTo(query.returnTo),
      timedOut: query.timedOut === 'true',
      signedOut: query.signedOut === 'true',
      values: {},
    })
  })

  app.post('/sign-in', publicRoute, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const email = typeof body.email === 'string' ? body.email.trim() : ''
    const password = typeof body.password === 'string' ? body.password : ''
    const returnTo = safeReturnTo(body.returnTo)
    const fieldErrors: Record<string, string> = {}
    if (!email) fieldErrors.email = 'Enter your email address'
    if (!password) fieldErrors.password = 'Enter your password'

    const again = (status: number, errors: Record<string, string>) => reply.code(status).view(signInView, {
      pageTitle: 'Sign in',
      csrfToken: request.cookies['kindred_csrf'],
      returnTo,
      values: { email },
      fieldErrors: errors,
      errors: Object.entries(errors).map(([field, text]) => ({ text, href: `#${field}` })),
    })
    if (Object.keys(fieldErrors).length > 0) return again(400, fieldErrors)

    const result = await signIn(db, request.ip, email, password)
    if (result.outcome === 'rate-limited') {
      return again(429, { email: 'You have tried to sign in too many times. Wait 15 minutes, then try again' })
    }
    if (result.outcome === 'locked') {
      return again(429, { email: `Your account is locked for ${lockoutMinutes} minutes after too many wrong passwords. Try again later or contact your administrator` })
    }
    if (result.outcome === 'wrong-details') {
      return again(401, { email: 'Enter a correct email address and password' })
    }
    const { token } = await createSession(db, result.userId)
    await audit(db, { laCode: result.laCode, userId: result.userId, action: 'session.signed_in' })
    reply.clearCookie('kindred_csrf', { path: '/' })
    reply.setCookie(sessionCookie, token, cookieOptions)
    return reply.redirect(returnTo, 303)
  })

  app.get('/sign-out', publicRoute, async (request, reply) => {
    if (request.session) {
      await destroySession(db, request.session.id)
      await audit(db, { laCode: request.session.user.laCode, userId: request.session.user.id, action: 'session.signed_out' })
    }
    reply.clearCookie(sessionCookie, { path: '/' })
    return reply.redirect('/sign-in?signedOut=true', 303)
  })

  // The time-out warning's "Stay signed in" button: loading the session already marked it as used.
  app.post('/session/keep-alive', allow({ roles: allRoles }), async (_request, reply) => reply.code(204).send())
}
