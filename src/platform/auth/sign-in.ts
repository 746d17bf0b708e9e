// Local sign-in: argon2id passwords, per-account lockout and per-source rate limiting.
// Production authorities sign in through their identity provider instead (see identity-provider.ts).
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema.js'
import { verifyPassword } from './passwords.js'

export const lockoutThreshold = 5
export const lockoutMinutes = 15
/** Failed attempts from one source within the window before it is made to wait. */
export const sourceLimit = 20
export const sourceWindowMinutes = 15

export type SignInResult =
  | { outcome: 'signed-in'; userId: string; laCode: string }
  | { outcome: 'wrong-details' }
  | { outcome: 'locked' }
  | { outcome: 'rate-limited' }

export async function signIn(db: Kysely<DB>, source: string, email: string, password: string): Promise<SignInResult> {
  const since = new Date(Date.now() - sourceWindowMinutes * 60_000)
  const recentFailures = await db.selectFrom('sign_in_attempts')
    .where('source', '=', source).where('succeeded', '=', false).where('at', '>', since)
    .select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
  if (Number(recentFailures.n) >= sourceLimit) return { outcome: 'rate-limited' }

  const normalised = email.trim().toLowerCase()
  const user = await db.selectFrom('users').where('email', '=', normalised).where('active', '=', true)
    .select(['id', 'la_code', 'password_hash', 'failed_sign_ins', 'locked_until']).executeTakeFirst()
  const passwordOk = await verifyPassword(user?.password_hash ?? null, password)
  const record = (succeeded: boolean) =>
    db.insertInto('sign_in_attempts').values({ source, email: normalised.slice(0, 200), succeeded }).execute()

  if (user?.locked_until && new Date(user.locked_until) > new Date()) {
    await record(false)
    return { outcome: 'locked' }
  }
  if (!user || !passwordOk) {
    await record(false)
    if (user) {
      const failures = user.failed_sign_ins + 1
      const locks = failures >= lockoutThreshold
      await db.updateTable('users').set({
        failed_sign_ins: locks ? 0 : failures,
        locked_until: locks ? new Date(Date.now() + lockoutMinutes * 60_000) : null,
      }).where('id', '=', user.id).execute()
      if (locks) return { outcome: 'locked' }
    }
    return { outcome: 'wrong-details' }
  }
  await record(true)
  await db.updateTable('users').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', user.id).execute()
  return { outcome: 'signed-in', userId: user.id, laCode: user.la_code }
}
