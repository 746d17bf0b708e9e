// The two accounts an import records history as, made once per authority and never able to sign in (inactive, no
// password): the import itself, as who recorded each record in Kindred, and someone outside Kindred, standing for
// the manager who authorised or the chair who held what a return reports but does not name.
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'

const ACCOUNTS = {
  recorder: { local: 'returns-import', name: 'Imported from a statutory return' },
  outside: { local: 'outside-kindred', name: 'Someone outside Kindred (imported)' },
} as const

export async function importAccounts(trx: Kysely<DB>, laCode: string): Promise<{ recorderId: string; outsideId: string } | null> {
  const agency = await trx.selectFrom('agencies').where('la_code', '=', laCode).where('kind', '=', 'childrens_services')
    .orderBy('name').select('id').executeTakeFirst()
  if (!agency) return null
  const ids: Record<string, string> = {}
  for (const [key, account] of Object.entries(ACCOUNTS)) {
    const email = `${account.local}@${laCode}.kindred.invalid`
    const held = await trx.selectFrom('users').where('email', '=', email).select('id').executeTakeFirst()
    ids[key] = held?.id ?? (await trx.insertInto('users').values({
      la_code: laCode, agency_id: agency.id, team_id: null, manager_id: null, email, display_name: account.name,
      role: 'performance_analyst', password_hash: null, oidc_subject: null, locked_until: null, active: false,
    }).returning('id').executeTakeFirstOrThrow()).id
  }
  return { recorderId: ids.recorder!, outsideId: ids.outside! }
}
