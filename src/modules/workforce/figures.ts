// Allocations to social workers as a query the dashboard aggregates in SQL (children with 3+ social workers).
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { allocatedWorkerRoles } from './roles.js'

export const socialWorkerAllocationRows = (db: Kysely<DB>) =>
  db.selectFrom('allocations as a').innerJoin('users as u', 'u.id', 'a.worker_id').where('u.role', 'in', allocatedWorkerRoles)
    .select(['a.la_code', 'a.child_id', 'a.worker_id', 'a.started_on', 'a.ended_on'])
