// Everything the Annex A lists need for one authority and date range, read through each module's service:
// the children seen at the front door, referred, in care or leaving care, and their records. One query per
// table for all the children.
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'
import type { LocalDate } from '../../../platform/working-days/local-date.js'
import { childCharacteristics, visitsRecorded, type ChildCharacteristics } from '../../people/service.js'
import { childrenWithReferralsOpenBetween, contactsReceivedBetween, referralsInAuthority } from '../../front-door/service.js'
import { childProtectionFacts } from '../../child-protection/service.js'
import { cinPlansOf, familyHelpStartedBetween } from '../../family-help/service.js'
import {
  adoptionFor, adoptionsMatchedWith, childrenInCareBy, healthFor, iroContactsOf, missingFor, periodsOfCare, permanencePlansOf, reviewsFor, socialWorkVisitsOf, uascFor,
} from '../../looked-after/service.js'
import { careLeaversFor } from '../../care-leavers/service.js'
import { authoritiesOfPostcodes, householdsByIds, householdsInProcess } from '../../placements/service.js'
import { allocationSpans } from '../../workforce/service.js'

export interface Range { from: LocalDate; to: LocalDate }

export async function annexAFacts(db: Kysely<DB>, laCode: string, range: Range) {
  const { from, to } = range
  const [contacts, familyHelp, referred, inCare] = await Promise.all([
    contactsReceivedBetween(db, laCode, from, to), familyHelpStartedBetween(db, laCode, from, to),
    childrenWithReferralsOpenBetween(db, laCode, from, to), childrenInCareBy(db, laCode, to),
  ])
  const everyone = [...new Set([...contacts.map((c) => c.childId), ...familyHelp.map((f) => f.child_id), ...referred, ...inCare])]
  const [children, allocations, referrals, childProtection, cinPlans, visits, periods, reviews, missing, uasc, adoption, health, careVisits, careLeavers] =
    await Promise.all([
      childCharacteristics(db, laCode, everyone), allocationSpans(db, laCode, everyone), referralsInAuthority(db, laCode, referred),
      childProtectionFacts(db, laCode, referred), cinPlansOf(db, laCode, referred), visitsRecorded(db, laCode, referred),
      periodsOfCare(db, laCode, inCare), reviewsFor(db, inCare), missingFor(db, inCare), uascFor(db, inCare), adoptionFor(db, inCare),
      healthFor(db, inCare), socialWorkVisitsOf(db, laCode, inCare), careLeaversFor(db, laCode, inCare, to),
    ])
  const [permanencePlans, iroContacts] = await Promise.all([permanencePlansOf(db, inCare), iroContactsOf(db, inCare)])
  const placementPostcodes = periods.flatMap((p) => p.episodes.flatMap((e) => (e.PL_POST ? [e.PL_POST] : [])))
  // List 11's adopters (in the process at some time in the range) with the children matched with them; list 10's
  // family identifier of each child's adopters.
  const [placementAuthorities, adopters, matchedHouseholds] = await Promise.all([
    authoritiesOfPostcodes(db, [...new Set(placementPostcodes)]), householdsInProcess(db, laCode, from, to),
    householdsByIds(db, adoption.flatMap((a) => (a.adopterHouseholdId ? [a.adopterHouseholdId] : []))),
  ])
  const adopterMatches = await adoptionsMatchedWith(db, adopters.map((h) => h.id))
  return {
    permanencePlans, iroContacts,
    laCode, range, placementAuthorities, adopters, adopterMatches, familyIdentifiers: new Map(matchedHouseholds.map((h) => [h.id, h.reference])), contacts, familyHelp, allocations, referrals, childProtection, cinPlans, visits, periods, reviews, missing, uasc, adoption, health, careVisits,
    careLeavers, children: new Map<string, ChildCharacteristics>(children.map((c) => [c.id, c])),
  }
}

export type AnnexAFacts = Awaited<ReturnType<typeof annexAFacts>>
