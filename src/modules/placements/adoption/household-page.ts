// What the household's page shows: the adopters, the recruitment stages and the children matched with them (their
// match, placement and adoption order dates come from each child's adoption record in the looked-after module).
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'
import { adoptionsMatchedWith } from '../../looked-after/service.js'
import { ethnicities, getChildSummary } from '../../people/service.js'
import type { Code } from '../codes.js'
import { adopterDisabilities, adopterGenders, adopterLegalStatuses, adopterSexes, leavingReasons, recruitmentStages } from './codes.js'
import { ukDate } from './households.js'
import type { Household } from './read.js'

const label = (codes: readonly Code[], code: string | null) => codes.find((c) => c.code === code)?.label ?? ''
const when = (date: string | null) => (date ? ukDate(date) : 'Not yet')

export async function householdPage(db: Kysely<DB>, laCode: string, h: Household) {
  const matches = await adoptionsMatchedWith(db, [h.id])
  const children = await Promise.all(matches.filter((m) => m.adopterHouseholdId === h.id).map(async (m) => ({
    child: await getChildSummary(db, laCode, m.CHILD), matched: when(m.DATE_MATCH), placed: when(m.placedForAdoption), order: when(m.adoptionOrder),
  })))
  return {
    pageTitle: h.names, household: h, legalStatus: `${label(adopterLegalStatuses, h.legal_status)} (${h.legal_status})`,
    adopters: h.adopters.map((a) => ({
      identifier: a.identifier, name: `${a.first_name} ${a.last_name}`, sex: label(adopterSexes, a.sex), gender: label(adopterGenders, a.gender),
      ethnicity: label(ethnicities, a.ethnicity), disability: label(adopterDisabilities, a.disability),
    })),
    stages: recruitmentStages.map((s) => ({ label: s.label, date: when(h[s.column]) })),
    left: h.left_on ? `${ukDate(h.left_on)}: ${label(leavingReasons, h.left_reason).toLowerCase()}` : null,
    canMatch: Boolean(h.approved) && !h.left_on,
    children: children.filter((c) => c.child !== null),
  }
}
