// The care leavers module's part of `kindred seed`: for each seeded young person whose periods of care (the ones
// the looked-after part writes) make them eligible, relevant or former relevant, the leaving care needs assessment
// (CL-01), a pathway plan reviewed at least every six months (CL-02), personal advisers (to 21, or to 25 when the
// young person asks), the 903 OC3 contact around each birthday the return asks about, and Staying Put for those who
// stayed with their foster carers at 18 (CL-03), each with the event this module's service writes. A few steps are
// late or not yet done, so the deadlines show on the pages.
import type { Day, SeedChild } from '../../platform/seed/facts.js'
import { firstName, surname } from '../../platform/seed/names.js'
import type { Emit, SeedContext, SeedPart, SeedTable } from '../../platform/seed/part.js'
import { childEventsTable } from '../../platform/seed/parts/chronology.js'
import { at, date } from '../../platform/seed/parts/dates.js'
import { Weighted, type Random } from '../../platform/seed/random.js'
import { pathway } from '../../platform/seed/rates.js'
import { toDayNumber, type LocalDate } from '../../platform/working-days/local-date.js'
import { seededCare } from '../looked-after/service.js'
import { labelFor } from '../placements/service.js'
import type { CarePeriod } from './care-history.js'
import { contactDueFor, contactWindow, oc3Ages } from './care-leaver.js'
import { accommodationCodes, activityCodes, fosterPlacements, inTouchCodes } from './codes.js'
import { birthday, ordinal, ukDate } from './dates.js'
import { careLeaverStatus, pathwayStatuses } from './eligibility.js'

const t = (name: string, columns: SeedTable['columns']): SeedTable => ({ name, columns })
const own = [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['recorded_by', 'uuid'], ['recorded_at', 'timestamptz']] as const
const tables = {
  assessments: t('care_leaver_needs_assessments', [...own, ['completed_on', 'date']]),
  plans: t('pathway_plans', [...own, ['plan_date', 'date']]),
  reviews: t('pathway_plan_reviews', [...own, ['plan_id', 'uuid'], ['review_date', 'date']]),
  advisers: t('personal_advisers', [...own, ['adviser_name', 'text'], ['from_date', 'date'], ['to_date', 'date']]),
  requests: t('personal_adviser_requests', [...own, ['requested_on', 'date']]),
  contacts: t('care_leaver_birthday_contacts', [...own, ['birthday_age', 'int'], ['contact_date', 'date'], ['in_touch', 'text'], ['activity', 'text'], ['accommodation', 'text']]),
  stayingPut: t('staying_put_arrangements', [...own, ['carer_name', 'text'], ['start_date', 'date'], ['end_date', 'date']]),
}
/** IdMaker table numbers for this module's rows (in the module's migration range). */
const idTable = { assessment: 0x170, plan: 0x171, review: 0x172, adviser: 0x173, request: 0x174, contact: 0x175, stayingPut: 0x176 }

const inTouch = new Weighted([['YES', 88], ['NO', 4], ['REFU', 3], ['NREQ', 2], ['RHOM', 3]])
const working = new Weighted([['F1', 6], ['P1', 1], ['F2', 38], ['P2', 6], ['F4', 8], ['P4', 1], ['F5', 30], ['P5', 10]])
const notWorking = new Weighted([['G4', 20], ['G5', 62], ['G6', 18]])
const suitable = new Weighted([['U', 30], ['D', 20], ['E', 10], ['B', 15], ['T', 5], ['K', 5], ['C', 3]])
const unsuitable = new Weighted([['S', 20], ['V', 20], ['W', 10], ['X', 15], ['K', 15], ['U', 15], ['D', 5]])

const day = (text: LocalDate): Day => toDayNumber(text)

function historyOf(ctx: SeedContext, child: SeedChild): CarePeriod[] {
  return seededCare(ctx.seed, child, ctx.period.asOf).periods.map((p) => ({
    start: date(p.start)!, end: date(p.end), reasonEnded: p.reasonEnded,
    episodes: p.episodes.map((e) => ({ start: date(e.start)!, end: date(e.end), legalStatus: e.legalStatus, placement: p.placements[e.placement]!.type })),
  }))
}

function writeYoungPerson(ctx: SeedContext, child: SeedChild, emit: Emit, random: Random): void {
  const history = historyOf(ctx, child)
  if (history.length === 0) return
  const asOf = ctx.period.asOf
  const dob = date(child.dateOfBirth)!
  const now = careLeaverStatus(dob, history, date(asOf)!)
  if (!pathwayStatuses.has(now.status) || !now.eligibleFrom) return
  const holders = ctx.organisation.caseholders.care_leavers
  const worker = holders[random.below(holders.length)]!.workers.pick(random).id
  const row = (table: number, on: Day, minutes: number, id = ctx.ids.next(table)) => ({ id, la_code: ctx.plan.authority.code, child_id: child.id, recorded_by: worker, recorded_at: at(on, minutes) })
  const event = (on: Day, minutes: number, type: string, summary: string, data: Record<string, unknown>, significant = false) =>
    emit(childEventsTable, { la_code: ctx.plan.authority.code, child_id: child.id, type, occurred_at: at(on, minutes), recorded_at: at(on, minutes), recorded_by: worker, significant, summary, data })
  const uk = (d: Day) => ukDate(date(d)!)
  const [sixteenth, eighteenth, twentyFirst] = [16, 18, 21].map((age) => day(birthday(dob, age))) as [Day, Day, Day]

  // CL-01: within 3 months of the 16th birthday or of becoming eligible, whichever is later.
  const assessed = Math.max(sixteenth, day(now.eligibleFrom)) + random.between(20, 85) + (random.chance(0.1) ? random.between(10, 60) : 0)
  if (assessed > asOf) return
  emit(tables.assessments, { ...row(idTable.assessment, assessed, 10), completed_on: date(assessed) })
  event(assessed, 10, 'care_leaver.needs_assessment_completed', `Leaving care needs assessment completed on ${uk(assessed)}`, { date: date(assessed) }, true)

  const planned = assessed + random.between(10, 40)
  if (planned > asOf) return
  const planId = ctx.ids.next(idTable.plan)
  emit(tables.plans, { ...row(idTable.plan, planned, 20, planId), plan_date: date(planned) })
  event(planned, 20, 'care_leaver.pathway_plan_made', `Pathway plan made on ${uk(planned)}`, { date: date(planned) }, true)
  for (let review = planned + random.between(120, 180); review <= Math.min(asOf, twentyFirst); review += random.between(120, 180) + (random.chance(0.1) ? random.between(1, 40) : 0)) {
    emit(tables.reviews, { ...row(idTable.review, review, 20), plan_id: planId, review_date: date(review) })
    event(review, 20, 'care_leaver.pathway_plan_reviewed', `Pathway plan reviewed on ${uk(review)}`, { date: date(review), planId })
  }

  // Personal advisers from the pathway plan to 21, or on to 25 when a former relevant young person asks.
  const asks = now.status === 'former_relevant' && twentyFirst <= asOf && random.chance(0.25) ? twentyFirst + random.between(0, 90) : null
  if (asks !== null && asks <= asOf) {
    emit(tables.requests, { ...row(idTable.request, asks, 30), requested_on: date(asks) })
    event(asks, 30, 'care_leaver.adviser_to_25_requested', `Asked on ${uk(asks)} for a personal adviser to 25`, { date: date(asks) })
  }
  const until = asks !== null && asks <= asOf ? null : twentyFirst - 1 <= asOf ? twentyFirst - 1 : null
  const changeOn = random.chance(0.3) ? planned + random.between(90, 700) : null
  const advisers: Array<[Day, Day | null]> = changeOn !== null && changeOn < Math.min(asOf, until ?? asOf)
    ? [[planned, changeOn - 1], [changeOn, until]] : [[planned, until]]
  for (const [from, to] of advisers) {
    const sex = random.chance(0.75) ? 'F' : 'M'
    const name = `${firstName(random, 'british', sex, 'parent')} ${surname(random, 'british')}`
    emit(tables.advisers, { ...row(idTable.adviser, from, 40), adviser_name: name, from_date: date(from), to_date: date(to) })
    event(from, 40, 'care_leaver.personal_adviser_appointed', `Personal adviser from ${uk(from)}${to !== null ? ` to ${uk(to)}` : ''}`, { from: date(from), to: date(to) }, true)
  }

  // CL-03: Staying Put with the foster carer the young person lived with at 18.
  const leftAt18 = history.find((p) => p.end === date(eighteenth))
  const fosteredAt18 = leftAt18?.reasonEnded === 'E17' && fosterPlacements.has(leftAt18.episodes.at(-1)!.placement)
  let stayingPut: [Day, Day | null] | null = null
  if (fosteredAt18 && careLeaverStatus(dob, history, date(eighteenth)!).status === 'former_relevant') {
    const end = Math.min(eighteenth + random.between(180, 3 * 365), twentyFirst)
    stayingPut = [eighteenth, end <= asOf ? end : null]
    const carer = `${random.chance(0.6) ? 'Mr and Mrs' : random.pick(['Mrs', 'Ms', 'Mr'])} ${surname(random, 'british')}`
    emit(tables.stayingPut, { ...row(idTable.stayingPut, eighteenth, 50), carer_name: carer, start_date: date(eighteenth), end_date: date(stayingPut[1]) })
    event(eighteenth, 50, 'care_leaver.staying_put_started', `Staying Put with their former foster carer from ${uk(eighteenth)}${stayingPut[1] !== null ? ` to ${uk(stayingPut[1])}` : ''}`,
      { start: date(eighteenth), end: date(stayingPut[1]) }, true)
  }

  // 903 OC3: in touch, activity and accommodation around each birthday the return asks about.
  const inWork = child.careLeaving?.inEducationOrWork ?? random.chance(pathway.careLeaverInEducationOrWork)
  const housed = child.careLeaving?.suitablyHoused ?? random.chance(pathway.careLeaverSuitablyHoused)
  for (const age of oc3Ages) {
    const window = contactWindow(dob, age)
    const [opens, closes, birthdayOn] = [day(window.opens), day(window.closes), day(window.birthday)]
    // A careful authority records every contact it owes (OC3 rules 131-133); the next birthday's shows as due.
    if (opens > asOf || !contactDueFor(dob, history, age).due) continue
    const on = Math.min(birthdayOn + random.between(-45, 25), closes, asOf)
    if (on < opens) continue
    const touch = inTouch.pick(random)
    const staying = stayingPut !== null && stayingPut[0] <= birthdayOn && (stayingPut[1] === null || stayingPut[1] >= birthdayOn)
    const [activity, accommodation] = touch === 'YES'
      ? [(inWork ? working : notWorking).pick(random), staying ? 'Z1' : housed ? `${pick(suitable, random, age)}1` : `${pick(unsuitable, random, age)}2`]
      : ['0', '0']
    emit(tables.contacts, { ...row(idTable.contact, on, 60), birthday_age: age, contact_date: date(on), in_touch: touch, activity, accommodation })
    event(on, 60, 'care_leaver.birthday_contact_recorded',
      `${ordinal(age)} birthday contact on ${uk(on)}: ${labelFor(inTouchCodes, touch).toLowerCase()}; ${labelFor(activityCodes, activity).toLowerCase()}; ${labelFor(accommodationCodes, accommodation).toLowerCase()}`,
      { age, date: date(on), IN_TOUCH: touch, ACTIV: activity, ACCOM: accommodation })
  }
}

/** A foyer is not for anyone under 18, and the 18th birthday's contact may come before it (903 rule 347). */
function pick(places: Weighted<string>, random: Random, age: number): string {
  const place = places.pick(random)
  return age <= 18 && place === 'T' ? 'D' : place
}

export const careLeaversSeedPart: SeedPart = {
  name: 'care-leavers',
  tables: [...Object.values(tables), childEventsTable],
  families(ctx, families, emit) {
    for (const family of families) {
      const random = ctx.random('care-leavers', family.index)
      for (const child of family.children) writeYoungPerson(ctx, child, emit, random)
    }
  },
}
