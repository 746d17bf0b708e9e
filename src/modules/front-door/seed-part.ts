// Synthetic front door work for `kindred seed`: the contact behind each referral and its decision, the
// referral (the CIN episode) with its DfE source, primary need, re-referral flag and closure, a few contacts
// that ended at the door, and contacts still waiting for a decision on the reporting date, so the queue has
// red, amber and green items. Rows and events are the ones recordContact, decideContact, openReferral and
// closeReferral write.
import { caseworkStaff, eventWriter, atTime, type CaseworkStaff } from '../../platform/seed/casework-kit.js'
import { caseworkTables, childRecordId } from '../../platform/seed/casework-ids.js'
import { eighteenthBirthday, episodeEndings } from '../../platform/seed/episode-endings.js'
import type { Day, Episode, SeedChild } from '../../platform/seed/facts.js'
import { firstName, surname } from '../../platform/seed/names.js'
import type { Emit, SeedContext, SeedPart, SeedTable } from '../../platform/seed/part.js'
import { date } from '../../platform/seed/parts/dates.js'
import { expectedChildren } from '../../platform/seed/plan.js'
import { Weighted, type Random } from '../../platform/seed/random.js'
import { decisions, reasonsForClosure, referralSources, type Decision } from './codes.js'
import { reReferralOn, type PastReferral } from './re-referral.js'

export const contactsTable: SeedTable = {
  name: 'contacts',
  columns: [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['received_at', 'timestamptz'], ['referrer_name', 'text'],
    ['referrer_role', 'text'], ['referrer_organisation', 'text'], ['referral_source', 'text'], ['concern', 'text'], ['consent', 'text'],
    ['household', 'text'], ['recorded_by', 'uuid'], ['recorded_at', 'timestamptz'], ['decision', 'text'], ['decided_at', 'timestamptz'],
    ['decided_by', 'uuid'], ['decision_reason', 'text'], ['feedback_to_referrer', 'text'], ['feedback_given_on', 'date']],
}
export const referralsTable: SeedTable = {
  name: 'referrals',
  columns: [['id', 'uuid'], ['la_code', 'text'], ['child_id', 'uuid'], ['contact_id', 'uuid'], ['referral_date', 'date'],
    ['referral_source', 'text'], ['primary_need', 'text'], ['reason', 'text'], ['urgent_strategy_discussion', 'bool'], ['referral_nfa', 'bool'],
    ['closure_date', 'date'], ['reason_for_closure', 'text'], ['opened_by', 'uuid'], ['opened_at', 'timestamptz']],
}

/** The generator's broad sources as DfE referral source codes, in roughly the national mix within each. */
const sourceCodes: Record<string, Weighted<string>> = {
  police: new Weighted([['6', 1]]),
  school: new Weighted([['2A', 9], ['2B', 1]]),
  health: new Weighted([['3A', 2], ['3B', 3], ['3C', 1], ['3D', 1], ['3E', 2], ['3F', 1]]),
  local_authority: new Weighted([['5A', 3], ['5B', 2], ['5C', 1], ['5D', 3], ['4', 1]]),
  individual: new Weighted([['1A', 5], ['1B', 2], ['1C', 1], ['1D', 1], ['9', 1]]),
  other: new Weighted([['8', 5], ['7', 3], ['10', 1]]),
}

/** Who rings the front door from each kind of source, and the agency kind their organisation is. */
const referrers: Record<string, { roles: readonly string[]; agency: string | null }> = {
  '1': { roles: ['Grandparent', 'Aunt', 'Neighbour', 'Family friend'], agency: null },
  '2': { roles: ['Designated safeguarding lead', 'Head teacher', 'Education welfare officer'], agency: 'school' },
  '3': { roles: ['Health visitor', 'GP', 'School nurse', 'Emergency department nurse', 'Midwife'], agency: 'health' },
  '4': { roles: ['Housing officer'], agency: null },
  '5': { roles: ['Adult social worker', 'Youth justice worker', 'Family hub worker'], agency: 'family_hub' },
  '6': { roles: ['Police constable', 'Detective constable', 'Domestic abuse officer'], agency: 'police' },
  '7': { roles: ['Probation officer', 'Cafcass officer'], agency: null },
  '8': { roles: ['Nursery manager', 'Youth worker', 'Support worker'], agency: 'voluntary' },
}

const concerns: Record<string, readonly string[]> = {
  N1: ['The children are often hungry and unwashed at school, and the home is described as cold and without food.',
    'A bruise to the child’s upper arm was seen; the explanation given does not fit the injury.',
    'Police attended a domestic incident at the home overnight; the children were present.',
    'The child disclosed being hit with a belt by a parent’s partner.'],
  N2: ['The child’s disability needs are not being met and the family are struggling to manage at home.'],
  N3: ['The mother has been admitted to hospital with a mental health crisis; there is no other carer at home.'],
  N4: ['The family are about to be evicted and the parents say they cannot cope.', 'The father has lost his job and the family are in debt; the school notices the children are withdrawn.'],
  N5: ['Frequent arguments at home; the young person says they do not feel safe there.'],
  N6: ['The young person has been found with older males in the town centre late at night and is missing from school.'],
  N7: ['The family have no money for food or heating and have asked for help.'],
  N8: ['The child has been left at home alone for long periods while the parent is away.'],
  N9: ['A request for a report for court proceedings about the child.'],
  N0: ['A concern about the child’s welfare was raised; the details are being gathered.'],
}

const households = ['Lives with mother and siblings.', 'Lives with both parents.', 'Lives with mother and her partner.', 'Lives with father.',
  'Lives with grandparents.', 'Lives with mother; father has contact at weekends.']

const consents = new Weighted<'given' | 'refused' | 'not_sought'>([['given', 80], ['not_sought', 15], ['refused', 5]])

/** Contacts waiting for a decision per 10,000 children on the reporting date: about two days' worth. */
const openContactsPer10k = 10
/** Enough for a small authority's queue to show every state (overdue, due today, due later). */
const fewestOpenContacts = 12
/** Chance an episode after the first was preceded by a contact that ended at the door. */
const earlierContact = 0.3

interface Referrer { name: string; role: string; organisation: string | null; source: string }

function referrer(ctx: SeedContext, random: Random, broadSource: string): Referrer {
  const source = (sourceCodes[broadSource] ?? sourceCodes.other!).pick(random)
  const kind = referrers[source.replace(/[A-Z]$/, '')] ?? { roles: ['Member of the public'], agency: null }
  const agencies = kind.agency ? ctx.organisation.agencies.filter((a) => a.kind === kind.agency) : []
  const name = source === '9' ? 'Anonymous' : `${firstName(random, 'british', random.chance(0.75) ? 'F' : 'M', 'parent')} ${surname(random, 'british')}`
  return { name, role: random.pick(kind.roles), organisation: agencies.length ? random.pick(agencies).name : null, source }
}

interface ContactRow { id: string; day: Day; minute: number; referrer: Referrer; concern: string; decision: Decision | null; decidedBy: string | null }

function writeContact(ctx: SeedContext, emit: Emit, child: SeedChild, staff: CaseworkStaff, random: Random, contact: ContactRow, reReferral: boolean): void {
  const { id, day, minute } = contact
  const recorder = staff.withRole(random, 'front_door')
  const received = atTime(day, 8 + Math.floor(minute / 60), minute % 60)
  const decided = contact.decision ? atTime(day, 9 + Math.floor(minute / 60) + random.between(1, 3), random.below(60)) : null
  const consent = consents.pick(random)
  const reason = contact.decision ? decisionReasons[contact.decision] : null
  emit(contactsTable, {
    id, la_code: ctx.plan.authority.code, child_id: child.id, received_at: received, referrer_name: contact.referrer.name,
    referrer_role: contact.referrer.role, referrer_organisation: contact.referrer.organisation, referral_source: contact.referrer.source,
    concern: contact.concern, consent, household: random.pick(households), recorded_by: recorder.id, recorded_at: received,
    decision: contact.decision, decided_at: decided, decided_by: contact.decision ? contact.decidedBy ?? recorder.id : null, decision_reason: reason,
    feedback_to_referrer: contact.decision ? 'Told the referrer what was decided and what happens next.' : null,
    feedback_given_on: contact.decision ? date(day) : null,
  })
  const event = eventWriter(ctx, emit, child)
  const source = referralSources[contact.referrer.source]!.toLowerCase()
  event({
    type: 'contact.recorded', day, time: received, recordedBy: recorder.id,
    summary: `Contact from ${source}${contact.referrer.organisation ? ` (${contact.referrer.organisation})` : ''}`,
    data: { contactId: id, referralSource: contact.referrer.source, consent },
  }, 10)
  if (contact.decision) {
    event({
      type: 'contact.decided', day, time: decided!, recordedBy: contact.decidedBy ?? recorder.id,
      significant: contact.decision !== 'no_further_action' && contact.decision !== 'information_and_advice',
      summary: `Front door decision: ${decisions[contact.decision]}`,
      data: { contactId: id, decision: contact.decision, reReferral, referrerToldOn: date(day) },
    }, 11)
  }
}

const decisionReasons: Record<Decision, string> = {
  no_further_action: 'The information does not suggest the child needs help from children’s services.',
  information_and_advice: 'The referrer was given information and advice about local support for the family.',
  family_help: 'The family would benefit from Family Help.',
  referral: 'The child may be a child in need: a child and family assessment is needed.',
  strategy_discussion: 'There is reasonable cause to suspect the child is suffering, or likely to suffer, significant harm.',
}

/** A strategy discussion within a day of the referral: the front door asked for it. */
const urgent = (e: Episode) => e.section47 !== null && e.section47.start - e.referral <= 1

function writeChild(ctx: SeedContext, emit: Emit, child: SeedChild, random: Random, openContactChance: number): void {
  const staff = caseworkStaff(ctx.organisation)
  const la_code = ctx.plan.authority.code
  const { asOf } = ctx.period
  const endings = episodeEndings(ctx.seed, child, asOf)
  const event = eventWriter(ctx, emit, child)
  const earlier: PastReferral[] = []
  child.episodes.forEach((e, i) => {
    const previousEnd = child.episodes[i - 1]?.end
    if (i > 0 && previousEnd != null && e.referral - previousEnd > 30 && random.chance(earlierContact)) {
      const day = random.between(previousEnd + 7, e.referral - 7)
      writeContact(ctx, emit, child, staff, random, {
        id: childRecordId(child, caseworkTables.contact, 2 * i + 1), day, minute: random.below(300), referrer: referrer(ctx, random, e.source),
        concern: random.pick(concerns.N0!), decision: random.chance(0.5) ? 'information_and_advice' : 'no_further_action', decidedBy: null,
      }, false)
    }
    const contactId = childRecordId(child, caseworkTables.contact, 2 * i)
    const referralId = childRecordId(child, caseworkTables.referral, i)
    const who = referrer(ctx, random, e.source)
    const decider = staff.withRole(random, 'front_door')
    const decision: Decision = urgent(e) ? 'strategy_discussion' : 'referral'
    const referralDate = date(e.referral)!
    const { reReferral } = reReferralOn(earlier, child.id, referralDate)
    const concern = random.pick(concerns[e.primaryNeed] ?? concerns.N0!)
    writeContact(ctx, emit, child, staff, random, {
      id: contactId, day: e.referral, minute: random.below(300), referrer: who, concern, decision, decidedBy: decider.id,
    }, reReferral)
    const { reasonForClosure } = endings[i]!
    const closure = e.end === null ? null : date(e.end)
    const nfa = e.outcome === 'no_further_action'
    emit(referralsTable, {
      id: referralId, la_code, child_id: child.id, contact_id: contactId, referral_date: referralDate, referral_source: who.source,
      primary_need: e.primaryNeed, reason: decisionReasons[decision], urgent_strategy_discussion: decision === 'strategy_discussion',
      referral_nfa: nfa, closure_date: closure, reason_for_closure: reasonForClosure, opened_by: decider.id, opened_at: atTime(e.referral, 17, 0),
    })
    earlier.push({ id: referralId, childId: child.id, referralDate, closureDate: closure })
    const isUrgent = decision === 'strategy_discussion'
    event({
      type: 'referral.opened', day: e.referral, recordedBy: decider.id, significant: true,
      summary: `Referral to children’s social care${isUrgent ? ': strategy discussion needed' : ''}${reReferral ? ' (re-referral within 12 months)' : ''}`,
      data: { referralId, contactId, source: who.source, primaryNeed: e.primaryNeed, urgentStrategyDiscussion: isUrgent, reReferral },
    }, 12)
    if (e.end !== null && reasonForClosure) {
      event({
        type: 'referral.closed', day: e.end, recordedBy: staff.caseholder(random, 'assessment').id, significant: true,
        summary: `Case closed: ${reasonsForClosure[reasonForClosure]!.toLowerCase()}`,
        data: { referralId, reasonForClosure, referralNfa: nfa },
      }, 400)
    }
  })
  const open = child.episodes.some((e) => e.end === null)
  if (!open && eighteenthBirthday(child) > asOf + 7 && random.chance(openContactChance)) {
    const last = child.episodes.at(-1)
    writeContact(ctx, emit, child, staff, random, {
      id: childRecordId(child, caseworkTables.contact, 2 * child.episodes.length + 1), day: asOf - random.below(3), minute: random.below(60),
      referrer: referrer(ctx, random, last?.source ?? 'police'), concern: random.pick(concerns[last?.primaryNeed ?? 'N1'] ?? concerns.N0!),
      decision: null, decidedBy: null,
    }, false)
  }
}

export const frontDoorSeedPart: SeedPart = {
  name: 'front-door',
  tables: [contactsTable, referralsTable],
  families(ctx, families, emit) {
    const wanted = Math.max(fewestOpenContacts, openContactsPer10k * ctx.plan.population * ctx.plan.referralRate / 10_000)
    // About half the children have an open episode, and a contact about them joins it instead.
    const openContactChance = Math.min(0.5, wanted / (0.5 * expectedChildren(ctx.plan)))
    for (const family of families) {
      const random = ctx.random('front-door', family.index)
      for (const child of family.children) writeChild(ctx, emit, child, random, openContactChance)
    }
  },
}
