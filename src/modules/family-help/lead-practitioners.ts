// Who may lead Family Help. A family help practitioner may lead, but a lead who is not a social worker
// works under a named supervising social worker.
import type { Executor } from '../../platform/audit/audit.js'
import type { Role } from '../../platform/auth/roles.js'
import type { FieldErrors } from './outcomes.js'
import { practitioner, practitioners, type Practitioner } from './repository.js'

/** Team managers in children's services are social workers too. */
export const leadRoles: readonly Role[] = ['family_help', 'social_worker', 'team_manager']
export const socialWorkerRoles: readonly Role[] = ['social_worker', 'team_manager']
const isSocialWorker = (p: Practitioner) => (socialWorkerRoles as readonly string[]).includes(p.role)
const mayLead = (p: Practitioner) => (leadRoles as readonly string[]).includes(p.role)

export interface LeadAnswer { leadPractitionerId: string; supervisingSocialWorkerId: string }

/** The people a form offers as lead practitioner (they need a team, for the allocation) and as supervisor. */
export async function leadPractitionerOptions(db: Executor, laCode: string): Promise<{ leads: Practitioner[]; supervisors: Practitioner[] }> {
  const all = await practitioners(db, laCode, leadRoles)
  return { leads: all.filter((p) => p.teamId), supervisors: all.filter(isSocialWorker) }
}

/** Adds the problems to `errors`; returns the lead and supervisor when the lead at least is known. */
export async function checkLead(db: Executor, laCode: string, answer: LeadAnswer, errors: FieldErrors):
  Promise<{ lead: Practitioner; supervisor: Practitioner | null } | null> {
  const lead = answer.leadPractitionerId ? await practitioner(db, laCode, answer.leadPractitionerId) : undefined
  if (!lead || !mayLead(lead) || !lead.teamId) {
    errors.leadPractitionerId = 'Select the lead practitioner'
    return null
  }
  if (!answer.supervisingSocialWorkerId) {
    if (!isSocialWorker(lead)) errors.supervisingSocialWorkerId = `Select the social worker who supervises ${lead.name}: a lead practitioner who is not a social worker needs one`
    return { lead, supervisor: null }
  }
  const supervisor = await practitioner(db, laCode, answer.supervisingSocialWorkerId)
  if (!supervisor || !isSocialWorker(supervisor)) errors.supervisingSocialWorkerId = 'Select a social worker to supervise the lead practitioner'
  else if (supervisor.id === lead.id) errors.supervisingSocialWorkerId = 'The supervising social worker must be someone other than the lead practitioner'
  return { lead, supervisor: supervisor ?? null }
}
