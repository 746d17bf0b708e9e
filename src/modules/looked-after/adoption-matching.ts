// Whom prospective adopters can be matched with: children in care now whose plan is adoption (a decision to place
// for adoption in their current period of care), with no decision reversing it, and not matched with adopters yet
// (or matched on their record with the adopters not named: `matchedOn`).
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'

export interface ChildAwaitingAdopters { id: string; name: string; dateOfBirth: LocalDate | null; decidedOn: LocalDate; matchedOn: LocalDate | null }

export async function childrenAwaitingAdopters(db: Kysely<DB>, laCode: string): Promise<ChildAwaitingAdopters[]> {
  const rows = await db.selectFrom('adoption_milestones as m')
    .innerJoin('care_periods as p', 'p.id', 'm.period_id')
    .innerJoin('people as c', 'c.id', 'm.child_id')
    .leftJoin('adoption_milestones as matched', (join) => join.onRef('matched.period_id', '=', 'm.period_id').on('matched.milestone', '=', 'matched'))
    .select(['c.id', 'c.first_name', 'c.last_name', 'c.date_of_birth', 'm.milestone_date', 'matched.milestone_date as matched_on'])
    .where('m.la_code', '=', laCode).where('m.milestone', '=', 'decision').where('p.end_date', 'is', null).where('c.merged_into', 'is', null)
    .where('matched.adopter_household_id', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('adoption_milestones as x').select('x.id')
      .whereRef('x.period_id', '=', 'm.period_id').where('x.milestone', '=', 'no_longer_placed'))))
    .orderBy('c.last_name').orderBy('c.first_name').execute()
  return rows.map((r) => ({ id: r.id, name: `${r.first_name} ${r.last_name}`, dateOfBirth: r.date_of_birth, decidedOn: r.milestone_date, matchedOn: r.matched_on }))
}
