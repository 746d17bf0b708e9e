// Lists 1-3: contacts, early help (Family Help) assessments and referrals in the range, one row each.
import type { AnnexAFacts } from './facts.js'
import { source, yesNo } from './codes.js'
import { allocated, byEnd, cells, inTwelveMonthsTo, whoTheChildIs } from './rows.js'
import type { Cell } from './xlsx.js'

export function list1(facts: AnnexAFacts): Cell[][] {
  return facts.contacts.flatMap((c) => {
    const child = facts.children.get(c.childId)
    return child ? [cells(1, { ...whoTheChildIs(child, facts.range.to), 'Date of Contact': c.receivedOn, 'Contact Source': source(c.referralSource) })] : []
  })
}

/** Family Help is where early help assessments now happen: the assessment starts with the help. */
export function list2(facts: AnnexAFacts): Cell[][] {
  const { to } = facts.range
  return facts.familyHelp.flatMap((f) => {
    const child = facts.children.get(f.child_id)
    return child ? [cells(2, {
      ...whoTheChildIs(child, to), 'Assessment start date': f.start_date, 'Assessment completion date': byEnd(f.assessment_completed_on, to),
      'Organisation completing assessment': f.organisation,
    })] : []
  })
}

export function list3(facts: AnnexAFacts): Cell[][] {
  const { from, to } = facts.range
  return facts.referrals.filter((r) => r.referralDate >= from && r.referralDate <= to).flatMap((r) => {
    const child = facts.children.get(r.childId)
    if (!child) return []
    const inYear = inTwelveMonthsTo(to)
    return [cells(3, {
      ...whoTheChildIs(child, to), 'Date of referral': r.referralDate, 'Referral Source': source(r.referralSource), 'Referral NFA?': yesNo(r.referralNfa),
      'Number of Referrals in Last 12 Months': facts.referrals.filter((x) => x.childId === r.childId && inYear(x.referralDate)).length,
      ...allocated(facts.allocations, r.childId, to),
    })]
  })
}
