// Matching approved adopters with a child: the match is the child's adoption milestone, recorded by the looked-after
// module with the household named (and the child's event written there, in the same transaction). Here: only that
// the household may be matched, and from when.
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'
import type { LocalDate } from '../../../platform/working-days/local-date.js'
import { recordAdoptionMilestone, type Outcome, type Submission } from '../../looked-after/service.js'
import { ukDate, type Actor } from './households.js'
import type { Household } from './read.js'

export async function matchChild(db: Kysely<DB>, actor: Actor, household: Household, a: { childId: string; date: LocalDate | null },
  today: LocalDate, form: Submission): Promise<Outcome> {
  const errors: Record<string, string> = {}
  if (!household.approved) errors.childId = 'These adopters are not approved yet. Record their approval before matching a child'
  else if (household.left_on) errors.childId = 'These adopters have left the adoption process'
  else if (a.date && a.date < household.approved) errors['date-day'] = `The match must be on or after the adopters’ approval (${ukDate(household.approved)})`
  if (!a.childId) errors.childId ??= 'Select the child'
  if (!a.date) errors['date-day'] ??= 'Enter the date of the match'
  if (Object.keys(errors).length > 0 || form.formHasErrors) return { outcome: 'invalid', errors }
  return recordAdoptionMilestone(db, actor, a.childId, { milestone: 'matched', date: a.date, adopters: { householdId: household.id, reference: household.reference } }, today, form)
}
