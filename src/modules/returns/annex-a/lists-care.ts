// Lists 8-11: children looked after at any time in the range, care leavers at the end of it, children with an
// adoption decision whose adoption journey was live in the range, and adopters in the process at some time in it.
import { addMonths } from '../../../platform/working-days/local-date.js'
import { urnNotApplicable } from '../../placements/service.js'
import type { AnnexAFacts } from './facts.js'
import * as code from './codes.js'
import { allocated, byEnd, cells, inTwelveMonthsTo, latest, overlaps, whoTheChildIs } from './rows.js'
import type { Cell } from './xlsx.js'

const uascWithin = (facts: AnnexAFacts, childId: string, since: string): boolean =>
  facts.uasc.some((u) => u.CHILD === childId && (u.DUC === null || u.DUC >= since))

export function list8(facts: AnnexAFacts): Cell[][] {
  const { to } = facts.range
  const yearBefore = addMonths(to, -12)
  const inYear = inTwelveMonthsTo(to)
  const rows: Cell[][] = []
  for (const child of facts.children.values()) {
    const periods = facts.periods.filter((p) => p.childId === child.id)
    const period = periods.filter((p) => overlaps(p.start, p.end, facts.range)).at(-1)
    if (!period) continue
    const episodes = period.episodes.filter((e) => e.DECOM <= to)
    const current = episodes.at(-1)!
    let legalSince = current.DECOM
    for (const e of [...episodes].reverse()) { if (e.LS !== current.LS) break; legalSince = e.DECOM }
    const placements = periods.flatMap((p) => p.episodes).filter((e) => e.RNE !== 'L' && e.DECOM <= to && (e.DEC === null || e.DEC > yearBefore))
    const missing = facts.missing.filter((m) => m.CHILD === child.id && inYear(m.MIS_START))
    const lastMissing = missing.filter((m) => m.MISSING === 'M').at(-1)
    const placedSince = [...episodes].reverse().find((e) => e.RNE !== 'L') ?? episodes[0]!
    const health = facts.health.find((h) => h.CHILD === child.id)
    const ended = byEnd(period.end, to)
    const placedIn = current.PL_POST ? facts.placementAuthorities.get(current.PL_POST) ?? null : null
    rows.push(cells(8, {
      ...whoTheChildIs(child, to),
      'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)': code.yesNo(uascWithin(facts, child.id, yearBefore)),
      'Date Started to be Looked After': period.start, "Child's Category of Need": code.primaryNeed(period.categoryOfNeed),
      'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)':
        code.yesNo(periods.some((p) => p.start < period.start && p.end !== null && p.end > addMonths(period.start, -12))),
      'Start date of current legal status': legalSince, "Child's Legal Status": code.legalStatus(current.LS),
      'Date of Latest Statutory Review': latest(facts.reviews.filter((r) => r.CHILD === child.id), (r) => r.REVIEW, to)?.REVIEW ?? null,
      'Date of Last Social Work Visit': latest(facts.careVisits.filter((v) => v.child_id === child.id), (v) => v.visit_date, to)?.visit_date ?? null,
      'What is the permanence plan for this child?': code.permanencePlan(latest(facts.permanencePlans.filter((p) => p.child_id === child.id), (p) => p.set_on, to)?.plan ?? null),
      'Date of Last IRO Visit / Contact to the Child': latest(facts.iroContacts.filter((c) => c.child_id === child.id), (c) => c.contact_date, to)?.contact_date ?? null,
      'Date of Last Health Assessment': byEnd(health?.lastHealthAssessment ?? null, to), 'Date of Last Dental Check': byEnd(health?.lastDentalCheck ?? null, to),
      'Number of Placements in the Last 12 months': placements.length, 'Date Ceased to be Looked After': ended,
      'Reason Ceased to be Looked After': ended ? code.reasonCeased(period.reasonEnded) : null,
      'Start Date of Most Recent Placement': placedSince.DECOM, 'Placement Type': code.placementType(current.PLACE),
      'Placement Provider': code.placementProvider(current.PLACE_PROVIDER), 'Placement postcode': current.PL_POST,
      'URN of Placement': current.URN === urnNotApplicable ? null : current.URN,
      'Placement Location': code.placementLocation(placedIn, facts.laCode), 'LA of Placement': code.placementAuthority(placedIn),
      "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months": missing.filter((m) => m.MISSING === 'M').length,
      "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months": missing.filter((m) => m.MISSING === 'A').length,
      'Was the child offered a Return Interview after their last missing episode (Y/N)?': code.yesNo(lastMissing?.returnInterviewOffered),
      'Did the child accept a Return Interview after their last missing episode (Y/N)?': code.yesNo(lastMissing?.returnInterviewTaken),
      ...allocated(facts.allocations, child.id, to),
    }))
  }
  return rows
}

export function list9(facts: AnnexAFacts): Cell[][] {
  const { to } = facts.range
  return facts.careLeavers.filter((c) => c.eligibility.status !== 'none').flatMap((c) => {
    const child = facts.children.get(c.person.id)
    if (!child) return []
    const contact = latest(c.contacts, (x) => x.contact_date, to)
    const accommodation = code.accommodation(contact?.accommodation ?? null)
    return [cells(9, {
      ...whoTheChildIs(child, to),
      'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)': code.yesNo(facts.uasc.some((u) => u.CHILD === child.id)),
      ...allocated(facts.allocations, child.id, to), 'Allocated Personal Advisor': c.currentAdviser?.adviser_name ?? null,
      'Eligibility Category': code.eligibility(c.eligibility.status),
      'Latest Pathway Plan Review Date': latest(c.reviews, (r) => r.review_date, to)?.review_date ?? null,
      'LA in Touch': code.inTouch(contact?.in_touch ?? null), 'Latest Date of Contact': contact?.contact_date ?? null,
      'Type of Accommodation': accommodation.type, 'Suitability of Accommodation': accommodation.suitability, 'Activity Status': code.activity(contact?.activity ?? null),
    })]
  })
}

export function list10(facts: AnnexAFacts): Cell[][] {
  const { from, to } = facts.range
  return facts.adoption.filter((a) => a.DATE_PLACED !== null && a.DATE_PLACED <= to && !(a.adoptionOrder && a.adoptionOrder < from)
    && !(a.DATE_PLACED_CEASED && a.DATE_PLACED_CEASED < from)).flatMap((a) => {
    const child = facts.children.get(a.CHILD)
    if (!child) return []
    const period = facts.periods.find((p) => p.periodId === a.periodId)
    const ceased = byEnd(a.DATE_PLACED_CEASED, to)
    // The family identifier is the adopters' (list 11's), once the child is matched with them.
    const matched = byEnd(a.DATE_MATCH, to) && a.adopterHouseholdId ? facts.familyIdentifiers.get(a.adopterHouseholdId) ?? null : null
    return [cells(10, {
      ...whoTheChildIs(child, to), 'Family identifier': matched, 'Date the Child Entered Care': period?.start ?? null,
      'Date of Decision that Child Should be Placed for Adoption': a.DATE_PLACED, 'Date of Placement Order': byEnd(a.placementOrder, to),
      'Date of Matching Child and Prospective Adopters': byEnd(a.DATE_MATCH, to), 'Date Placed for Adoption': byEnd(a.placedForAdoption, to),
      'Date of Adoption Order': byEnd(a.adoptionOrder, to), 'Date of Decision that Child Should No Longer be Placed for Adoption': ceased,
      'Reason Why Child No Longer Placed for Adoption': ceased ? code.adoptionReversalReason(a.REASON_PLACED_CEASED) : null,
      'Date the child was placed for fostering in FFA or concurrent planning placement': byEnd(a.fosteringForAdoption, to),
    })]
  })
}

/** One row per adopter: the household's stages as at the end of the range, and the children matched and placed with it by then. */
export function list11(facts: AnnexAFacts): Cell[][] {
  const { to } = facts.range
  const first = (dates: ReadonlyArray<string | null>) => dates.filter((d): d is string => d !== null && d <= to).sort()[0] ?? null
  return facts.adopters.flatMap((h) => {
    const children = facts.adopterMatches.filter((a) => a.adopterHouseholdId === h.id && a.DATE_MATCH !== null && a.DATE_MATCH <= to)
    const left = byEnd(h.left_on, to)
    const household = {
      'Family identifier': h.reference, 'Is the (prospective) adopter fostering for adoption?': code.yesNo(h.fostering_for_adoption),
      'Date enquiry received': h.enquiry_received, 'Date Stage 1 started': byEnd(h.stage1_started, to), 'Date Stage 1 ended': byEnd(h.stage1_ended, to),
      'Date Stage 2 started': byEnd(h.stage2_started, to), 'Date Stage 2 ended': byEnd(h.stage2_ended, to),
      'Date application submitted': byEnd(h.application_submitted, to), 'Date application approved': byEnd(h.approved, to),
      'Date adopter matched with child(ren)': first(children.map((c) => c.DATE_MATCH)),
      'Date child/children placed with adopter(s)': first(children.map((c) => c.placedForAdoption)),
      'No. of children placed': children.filter((c) => c.placedForAdoption !== null && c.placedForAdoption <= to).length,
      'Date of Adoption Order': first(children.map((c) => c.adoptionOrder)),
      'Date of leaving adoption process': left, 'Reason for leaving adoption process': left ? code.leftAdoptionProcess(h.left_reason) : null,
    } as const
    return h.adopters.map((a) => cells(11, {
      ...household, 'Individual adopter identifier': a.identifier, Gender: code.adopterGender(a.gender), Ethnicity: code.ethnicity(a.ethnicity),
      Disability: code.adopterDisability(a.disability),
    }))
  })
}
