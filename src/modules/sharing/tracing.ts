// The NHS number is the consistent identifier: children recorded without one are listed so they can be
// traced (for example through a batch trace to the NHS Personal Demographics Service).
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'

export function childrenWithoutNhsNumber(db: Kysely<DB>, laCode: string) {
  return db.selectFrom('people as p')
    .where('p.la_code', '=', laCode).where('p.is_child', '=', true).where('p.nhs_number', 'is', null).where('p.restricted', '=', false)
    .where('p.merged_into', 'is', null)
    .select((eb) => ['p.id', 'p.first_name', 'p.last_name', 'p.date_of_birth', 'p.expected_date_of_birth', 'p.sex', 'p.la_child_id',
      eb.selectFrom('addresses as a').whereRef('a.person_id', '=', 'p.id').where('a.moved_out', 'is', null).select('a.postcode').limit(1).as('postcode')])
    .orderBy('p.last_name').orderBy('p.first_name').limit(5000).execute()
}
