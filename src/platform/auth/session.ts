// Server-side sessions. The cookie holds a random token; the database holds only its SHA-256,
// the user, the CSRF token and when the session was last used (for the idle time-out).
import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema.js'
import type { Role } from './roles.js'

export const sessionCookie = 'kindred_session'

export interface SessionUser {
  id: string
  laCode: string
  agencyId: string
  agencyKind: string
  teamId: string | null
  role: Role
  displayName: string
  email: string
}

export interface Session {
  id: string
  csrfToken: string
  user: SessionUser
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex')

export async function createSession(db: Kysely<DB>, userId: string): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(32).toString('base64url')
  await db.insertInto('sessions').values({ id: digest(token), user_id: userId, csrf_token: csrfToken }).execute()
  return { token, csrfToken }
}

export type SessionLookup = { status: 'active'; session: Session } | { status: 'timed-out' } | { status: 'none' }

/** Finds the session for a cookie token, ending it if it has been idle too long; marks it as used. */
export async function loadSession(db: Kysely<DB>, token: string | undefined, idleMinutes: number): Promise<SessionLookup> {
  if (!token) return { status: 'none' }
  const id = digest(token)
  const row = await db.selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .where('s.id', '=', id)
    .select(['s.id', 's.csrf_token', 's.last_seen_at', 'u.id as user_id', 'u.la_code', 'u.agency_id', 'a.kind as agency_kind',
      'u.team_id', 'u.role', 'u.display_name', 'u.email', 'u.active'])
    .executeTakeFirst()
  if (!row) return { status: 'none' }
  const idleMs = Date.now() - new Date(row.last_seen_at).getTime()
  if (!row.active || idleMs > idleMinutes * 60_000) {
    await db.deleteFrom('sessions').where('id', '=', id).execute()
    return { status: row.active ? 'timed-out' : 'none' }
  }
  await db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id', '=', id).execute()
  return {
    status: 'active',
    session: {
      id,
      csrfToken: row.csrf_token,
      user: {
        id: row.user_id, laCode: row.la_code, agencyId: row.agency_id, agencyKind: row.agency_kind, teamId: row.team_id,
        role: row.role as Role, displayName: row.display_name, email: row.email,
      },
    },
  }
}

export async function destroySession(db: Kysely<DB>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute()
}
