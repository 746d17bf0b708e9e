// Before a new child or person is recorded: the records already held that are likely the same person,
// each with the reasons (same NHS number; similar name and same date of birth; same address).
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { postcodeDistrict } from '../../platform/identifiers/postcode.js'
import { todayInEngland, type LocalDate } from '../../platform/working-days/local-date.js'
import { ageText } from './age.js'
import { currentAddresses, restrictedVisibleTo } from './repository.js'

export interface MatchCandidate {
  isChild: boolean
  firstName: string
  lastName: string
  dateOfBirth: LocalDate | null
  expectedDateOfBirth: LocalDate | null
  nhsNumber: string | null
  address: { line1: string; postcode: string } | null
}

export interface LikelyMatch {
  personId: string
  name: string
  otherNames: string[]
  isChild: boolean
  dateOfBirth: LocalDate | null
  expectedDateOfBirth: LocalDate | null
  age: string | null
  addressArea: string | null
  reasons: string[]
}

interface MatchRow {
  id: string
  first_name: string
  last_name: string
  other_names: string[]
  is_child: boolean
  restricted: boolean
  date_of_birth: string | null
  expected_date_of_birth: string | null
  same_nhs: boolean
  similar_name: boolean
  same_address: boolean
}

/** Letters and digits only, lower case: "12, Oak Road" and "12 oak road" are the same first line. */
const compactLine = (line: string) => line.toLowerCase().replace(/[^a-z0-9]/g, '')

export async function findLikelyMatches(db: Kysely<DB>, viewer: { id: string; laCode: string }, candidate: MatchCandidate, limit = 10): Promise<{ matches: LikelyMatch[]; hiddenRestricted: number }> {
  const first = candidate.firstName.toLowerCase()
  const last = candidate.lastName.toLowerCase()
  // Both names alike (spelt alike, sounding alike, or a nickname of the first name), or the two names swapped.
  const similarName = sql<boolean>`(
    ((similarity(lower(p.last_name), ${last}) >= 0.5 or dmetaphone(p.last_name) = dmetaphone(${last}))
      and (similarity(lower(p.first_name), ${first}) >= 0.5 or dmetaphone(p.first_name) = dmetaphone(${first})
        or lower(p.first_name) in (select b.name from name_variants a join name_variants b on b.formal = a.formal where a.name = ${first})))
    or (lower(p.first_name) = ${last} and lower(p.last_name) = ${first}))`
  const sameAddress = candidate.address
    ? sql<boolean>`exists (select 1 from addresses a where a.person_id = p.id and a.moved_out is null
        and a.postcode = ${candidate.address.postcode} and regexp_replace(lower(a.line1), '[^a-z0-9]', '', 'g') = ${compactLine(candidate.address.line1)})`
    : sql<boolean>`false`
  const sameBirth = candidate.dateOfBirth
    ? sql<boolean>`p.date_of_birth = ${candidate.dateOfBirth}`
    : candidate.expectedDateOfBirth
      ? sql<boolean>`abs(coalesce(p.expected_date_of_birth, p.date_of_birth) - ${candidate.expectedDateOfBirth}::date) <= 31`
      : sql<boolean>`false`
  const sameNhs = candidate.nhsNumber ? sql<boolean>`p.nhs_number = ${candidate.nhsNumber}` : sql<boolean>`false`

  const rows = (await sql<MatchRow>`
    select * from (
      select p.id, p.first_name, p.last_name, p.other_names, p.is_child, p.restricted, p.date_of_birth, p.expected_date_of_birth,
        ${sameNhs} as same_nhs, (${sameBirth} and ${similarName}) as similar_name, ${sameAddress} as same_address
      from people p
      where p.la_code = ${viewer.laCode} and p.is_child = ${candidate.isChild}
    ) m
    where same_nhs or similar_name or same_address
    order by same_nhs desc, similar_name desc, last_name, first_name
    limit ${limit}`.execute(db)).rows

  const visible = await restrictedVisibleTo(db, viewer.id, rows.filter((r) => r.restricted).map((r) => r.id))
  const shown = rows.filter((r) => !r.restricted || visible.has(r.id))
  const addresses = await currentAddresses(db, shown.map((r) => r.id))
  const today = todayInEngland()
  return {
    hiddenRestricted: rows.length - shown.length,
    matches: shown.map((r) => ({
      personId: r.id, name: `${r.first_name} ${r.last_name}`, otherNames: r.other_names, isChild: r.is_child,
      dateOfBirth: r.date_of_birth, expectedDateOfBirth: r.expected_date_of_birth,
      age: r.date_of_birth ? ageText(r.date_of_birth, today) : r.is_child ? 'Unborn' : null,
      addressArea: postcodeDistrict(addresses.get(r.id)?.postcode ?? ''),
      reasons: [
        r.same_nhs && 'Same NHS number',
        r.similar_name && (candidate.dateOfBirth ? 'Similar name and same date of birth' : 'Similar name and expected date of birth'),
        r.same_address && 'Same address',
      ].filter((reason): reason is string => Boolean(reason)),
    })),
  }
}
