// Referrals (CIN episodes) as a query other modules aggregate in SQL (the dashboard's figures), so counting
// an authority or England is one set-based query rather than a read per child.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'

export const referralRows = (db: Kysely<DB>) =>
  db.selectFrom('referrals').select(['id', 'la_code', 'child_id', 'referral_date', 'closure_date', 'referral_nfa'])
