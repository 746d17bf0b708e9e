// The child's looked-after page: periods of care and their episodes in plain English with the 903 codes, the
// distance from home, what is due next, and the records kept while the child is looked after.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { TimescaleSettings } from '../../platform/timescales/engine.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { labelFor, placementChangeReasons, placementDistances, placementProviders, placementTypes } from '../placements/service.js'
import {
  adoptionMilestones, convictionKinds, leavingCareReasons, legalStatuses, missingKinds, participationCodes, reversalReasonText, sdqReasons,
  substanceMisuseInterventions,
} from './codes.js'
import { iroContactKinds, iroContactsOf, permanencePlans, permanencePlansOf } from './care-planning.js'
import { careNow } from './due.js'
import {
  adoptionOf, convictionsOf, educationOf, episodesOf, healthChecksOf, missingOf, periodsOf, reviewsOf, uascOf, visitsOf, wellbeingOf,
} from './repository.js'

const rne: Record<string, string> = {
  S: 'Came into care', L: 'New legal status', P: 'Moved to a new carer', T: 'Placement changed, same carer',
  B: 'New legal status and new carer', U: 'New legal status and placement changed, same carer',
}

export async function overview(db: Kysely<DB>, laCode: string, childId: string, today: LocalDate, settings: TimescaleSettings) {
  const ids = [childId]
  const [plans, iroContacts] = await Promise.all([permanencePlansOf(db, ids), iroContactsOf(db, ids)])
  const [periods, episodes, reviews, visits, health, wellbeing, education, missing, uasc, adoption, now, convictions] = await Promise.all([
    periodsOf(db, laCode, ids), episodesOf(db, laCode, ids), reviewsOf(db, ids), visitsOf(db, ids), healthChecksOf(db, ids),
    wellbeingOf(db, ids), educationOf(db, ids), missingOf(db, ids), uascOf(db, ids), adoptionOf(db, ids), careNow(db, laCode, ids, today, settings),
    convictionsOf(db, ids),
  ])
  const distances = await placementDistances(db, episodes.map((e) => ({ home: e.home_postcode, placement: e.placement_postcode })))
  const episodeViews = episodes.map((e, i) => ({
    ...e, what: rne[e.reason_new_episode], legalStatusLabel: labelFor(legalStatuses, e.legal_status),
    placementLabel: labelFor(placementTypes, e.placement_type), providerLabel: labelFor(placementProviders, e.placement_provider),
    changeReasonLabel: e.reason_place_change ? labelFor(placementChangeReasons, e.reason_place_change) : null,
    endedLabel: e.reason_ceased && e.reason_ceased !== 'X1' ? labelFor(leavingCareReasons, e.reason_ceased) : null, distance: distances[i]!,
  }))
  return {
    now: now[0] ?? null,
    periods: [...periods].reverse().map((p) => ({ ...p, episodes: episodeViews.filter((e) => e.period_id === p.id).reverse() })),
    reviews: reviews.map((r) => ({ ...r, label: labelFor(participationCodes, r.participation) })).reverse(),
    visits: [...visits].reverse(),
    health: [...health].reverse(),
    wellbeing: wellbeing.map((w) => ({
      ...w, sdqReasonLabel: w.sdq_reason ? labelFor(sdqReasons, w.sdq_reason) : null,
      interventionLabel: w.substance_misuse_intervention ? labelFor(substanceMisuseInterventions, w.substance_misuse_intervention) : null,
    })).at(-1) ?? null,
    convictions: convictions.map((c) => ({ ...c, label: labelFor(convictionKinds, c.kind) })).reverse(),
    education: [...education].reverse(),
    missing: missing.map((m) => ({ ...m, label: labelFor(missingKinds, m.kind) })).reverse(),
    uasc: uasc[0] ?? null,
    adoption: adoption.map((a) => ({ ...a, label: `${labelFor(adoptionMilestones, a.milestone)}${a.reason ? `: ${reversalReasonText(a.reason)}` : ''}` })),
    permanencePlans: plans.map((p) => ({ ...p, label: labelFor(permanencePlans, p.plan) })).reverse(),
    iroContacts: iroContacts.map((c) => ({ ...c, label: labelFor(iroContactKinds, c.kind) })).reverse(),
  }
}
