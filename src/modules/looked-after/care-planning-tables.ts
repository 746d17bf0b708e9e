// Kysely's view of the looked-after module's care-planning tables (migrations/0114_looked_after_care_planning.sql).
import type { Generated } from 'kysely'
import type { DateText, GeneratedTimestamp } from '../../platform/db/schema.js'

interface Recorded { id: Generated<string>; la_code: string; child_id: string; period_id: string; recorded_by: string | null; recorded_at: GeneratedTimestamp }

/** The child's permanence plan from `set_on` until the next row. */
export interface PermanencePlansTable extends Recorded { plan: string; set_on: DateText }
/** The independent reviewing officer's contact with the child. */
export interface IroContactsTable extends Recorded { contact_date: DateText; kind: string }

export interface CarePlanningTables {
  permanence_plans: PermanencePlansTable
  iro_contacts: IroContactsTable
}
