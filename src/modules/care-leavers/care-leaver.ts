// A young person's leaving care position on a day: the status derived from their care history, what is due (CL-01
// needs assessment, CL-02 pathway plan review, the 903 OC3 birthday contact), their personal adviser and latest
// OC3. Computed for many young people at once: one query per table.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { TimescaleSettings } from '../../platform/timescales/engine.js'
import { careLeaverNeedsAssessment, nextDue, pathwayPlanReviews } from '../../platform/timescales/sequences.js'
import { addMonths, type LocalDate } from '../../platform/working-days/local-date.js'
import { careHistories, type CarePeriod } from './care-history.js'
import { birthday, ordinal } from './dates.js'
import { careLeaverStatus, pathwayStatuses, type Eligibility } from './eligibility.js'
import { childrenBySettings } from '../../platform/timescales/local-settings.js'
import { careLeaverRecords, youngPeople, type AdviserRow, type ContactRow, type PlanRow, type ReviewRow, type StayingCloseRow, type StayingPutRow, type YoungPersonRow } from './repository.js'

export const careLeaverHref = (childId: string): string => `/children/${childId}/care-leaver`

export interface DueItem {
  /** Timescale rule id (CL-01, CL-02), or OC3 for the 903 birthday contact. */
  ruleId: string
  what: string
  due: LocalDate
  href: string
}

export interface CareLeaver {
  person: YoungPersonRow
  history: CarePeriod[]
  eligibility: Eligibility
  needsAssessment: LocalDate | null
  plan: PlanRow | null
  reviews: ReviewRow[]
  advisers: AdviserRow[]
  currentAdviser: AdviserRow | null
  requestedTo25: LocalDate | null
  contacts: ContactRow[]
  stayingPut: StayingPutRow[]
  stayingClose: StayingCloseRow[]
  due: DueItem[]
}

export const oc3Ages = [17, 18, 19, 20, 21] as const

/** The OC3 window around a birthday: from 3 months before to 1 month after (the 903 guidance). */
export const contactWindow = (dateOfBirth: LocalDate, age: number) => {
  const day = birthday(dateOfBirth, age)
  return { birthday: day, opens: addMonths(day, -3), closes: addMonths(day, 1) }
}

/**
 * Whether the 903 asks about this birthday: a relevant or former relevant young person not looked after that day
 * (rule 1007). Leaving care on the birthday itself counts as looked after on it (rule 1016: no OC3 for a young
 * person who ceased to be looked after on or after the birthday), so the first contact is the next birthday's.
 */
export function contactDueFor(dateOfBirth: LocalDate, history: readonly CarePeriod[], age: number): { due: boolean; on: Eligibility; leftOnBirthday: boolean } {
  const day = birthday(dateOfBirth, age)
  const on = careLeaverStatus(dateOfBirth, history, day)
  const leftOnBirthday = history.some((p) => p.end === day)
  return { due: (on.status === 'relevant' || on.status === 'former_relevant') && !on.lookedAfterNow && !leftOnBirthday, on, leftOnBirthday }
}

function dueItems(c: Omit<CareLeaver, 'due'>, today: LocalDate, settings: TimescaleSettings): DueItem[] {
  const items: DueItem[] = []
  const href = careLeaverHref(c.person.id)
  const dob = c.person.date_of_birth
  if (pathwayStatuses.has(c.eligibility.status) && c.eligibility.eligibleFrom) {
    const assessment = nextDue(careLeaverNeedsAssessment, { dateOfBirth: dob, eligibleFrom: c.eligibility.eligibleFrom, completed: c.needsAssessment }, settings)
    if (assessment) items.push({ ruleId: 'CL-01', what: assessment.rule.name, due: assessment.due, href: `${href}/needs-assessment` })
    if (c.plan) {
      const review = nextDue(pathwayPlanReviews, { pathwayPlan: c.plan.plan_date, reviews: c.reviews.map((r) => r.review_date) }, settings)
      if (review) items.push({ ruleId: 'CL-02', what: review.rule.name, due: review.due, href: `${href}/pathway-plan/reviews/new` })
    }
  }
  if (c.contacts.some((x) => x.in_touch === 'DIED')) return items
  for (const age of oc3Ages) {
    const window = contactWindow(dob, age)
    // A missed contact stays on the list for a year after its window closed, then only the return shows it.
    if (today < window.opens || today > addMonths(window.closes, 12) || c.contacts.some((x) => x.birthday_age === age)) continue
    if (!contactDueFor(dob, c.history, age).due) continue
    items.push({ ruleId: 'OC3', what: `Record in touch, activity and accommodation around the ${ordinal(age)} birthday`, due: window.closes, href: `${href}/birthday-contacts/new?age=${age}` })
  }
  return items.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))
}

export async function careLeavers(db: Kysely<DB>, people: readonly YoungPersonRow[], today: LocalDate, settings: TimescaleSettings): Promise<CareLeaver[]> {
  if (people.length === 0) return []
  const ids = people.map((p) => p.id)
  const byAuthority = new Map<string, string[]>()
  for (const p of people) byAuthority.set(p.la_code, [...(byAuthority.get(p.la_code) ?? []), p.id])
  const [records, ...histories] = await Promise.all([
    careLeaverRecords(db, ids), ...[...byAuthority].map(([laCode, childIds]) => careHistories(db, laCode, childIds)),
  ])
  const history = new Map(histories.flatMap((h) => [...h]))
  return people.map((person) => {
    const own = <T extends { child_id: string }>(rows: readonly T[]) => rows.filter((r) => r.child_id === person.id)
    const periods = history.get(person.id) ?? []
    const plan = own(records.plans).at(-1) ?? null
    const advisers = own(records.advisers)
    const base = {
      person, history: periods, eligibility: careLeaverStatus(person.date_of_birth, periods, today),
      needsAssessment: own(records.assessments)[0]?.completed_on ?? null, plan,
      reviews: plan ? own(records.reviews).filter((r) => r.plan_id === plan.id) : [],
      advisers, currentAdviser: advisers.filter((a) => a.from_date <= today && (a.to_date === null || a.to_date >= today)).at(-1) ?? null,
      requestedTo25: own(records.requests).at(-1)?.requested_on ?? null, contacts: own(records.contacts),
      stayingPut: own(records.stayingPut), stayingClose: own(records.stayingClose),
    }
    return { ...base, due: dueItems(base, today, settings) }
  })
}

/** The leaving care position of these young people (of the authority, or their own when `laCode` is null). */
export async function careLeaversFor(db: Kysely<DB>, laCode: string | null, childIds: readonly string[], today: LocalDate): Promise<CareLeaver[]> {
  const groups = await childrenBySettings(db, childIds)
  return (await Promise.all(groups.map(async ([settings, ids]) => careLeavers(db, await youngPeople(db, laCode, ids), today, settings)))).flat()
}

/** Whether the young person has anything to do with leaving care: a status, or records kept. */
export const isCareLeaver = (c: CareLeaver): boolean =>
  c.eligibility.status !== 'none' || c.plan !== null || c.advisers.length > 0 || c.contacts.length > 0
