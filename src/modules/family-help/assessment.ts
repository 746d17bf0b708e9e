// The Family Help assessment (what early help assessments have become): it starts with the help, and the lead
// practitioner records the day it was completed. A date recorded wrongly can be corrected; each change is an event.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { familyHelpHref, hasErrors, invalid, ukDate, type FieldErrors, type Outcome } from './outcomes.js'
import { openEpisode, setAssessmentCompleted } from './repository.js'
import { once, type Actor, type Submission } from './submissions.js'

export async function recordAssessmentCompleted(db: Kysely<DB>, actor: Actor, childId: string, submission: Submission,
  completedOn: LocalDate | null, today: LocalDate): Promise<Outcome<{ outcome: 'not-open' }>> {
  return once(db, actor, childId, submission, async (trx) => {
    const episode = await openEpisode(trx, actor.laCode, childId)
    if (!episode) return { outcome: 'not-open' }
    const errors: FieldErrors = {}
    if (completedOn && completedOn < episode.start_date) {
      errors['completedOn-day'] = `The date the assessment was completed must be on or after the day Family Help started (${ukDate(episode.start_date)})`
    } else if (completedOn && completedOn > today) errors['completedOn-day'] = 'The date the assessment was completed must be today or in the past'
    if (hasErrors(errors) || !completedOn) return invalid(errors)
    await setAssessmentCompleted(trx, episode.id, completedOn)
    await appendChildEvent(trx, {
      laCode: actor.laCode, childId, type: 'family_help.assessment_completed', occurredAt: new Date(), recordedBy: actor.id,
      summary: `The Family Help assessment was completed on ${ukDate(completedOn)}`,
      data: { episodeId: episode.id, completedOn, corrects: episode.assessment_completed_on },
    })
    return { outcome: 'done', redirectTo: `${familyHelpHref(childId)}?recorded=assessment` }
  })
}
