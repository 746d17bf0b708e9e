// Prospective adopter households: recorded with their adopters at enquiry, then taken through recruitment stage by
// stage, until approval or leaving the process. Each write is one transaction with its audit entry; a household is
// not a child's record, so no child event (matching a child is, and the looked-after module records it).
import type { Kysely } from 'kysely'
import { audit } from '../../../platform/audit/audit.js'
import type { DB } from '../../../platform/db/schema.js'
import type { LocalDate } from '../../../platform/working-days/local-date.js'
import { ethnicities } from '../../people/service.js'
import type { Code } from '../codes.js'
import { adopterDisabilities, adopterGenders, adopterLegalStatuses, adopterSexes, leavingReasons, recruitmentStages, sexesFor, type StageColumn } from './codes.js'

export interface Actor { id: string; laCode: string }
export type FieldErrors = Record<string, string>

export interface AdopterAnswers { firstName: string; lastName: string; sex: string; gender: string; ethnicity: string; disability: string }
export interface HouseholdAnswers { legalStatus: string; fosteringForAdoption: string; enquiryReceived: LocalDate | null; adopters: AdopterAnswers[] }
export type ProgressAnswers = Partial<Record<StageColumn, LocalDate | null>> & { leftOn: LocalDate | null; leftReason: string }

const isCode = (codes: readonly Code[], value: string) => codes.some((c) => c.code === value)
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
export const ukDate = (date: LocalDate): string => dateFormat.format(new Date(`${date}T00:00:00Z`))

function checkAdopter(errors: FieldErrors, a: AdopterAnswers, n: number): void {
  const who = n === 1 ? 'the first adopter' : 'the second adopter'
  if (!a.firstName) errors[`adopter${n}-firstName`] = `Enter the first name of ${who}`
  if (!a.lastName) errors[`adopter${n}-lastName`] = `Enter the last name of ${who}`
  if (!isCode(adopterSexes, a.sex)) errors[`adopter${n}-sex`] = `Select the sex of ${who}`
  if (!isCode(adopterGenders, a.gender)) errors[`adopter${n}-gender`] = `Select the gender of ${who}, or ‘Not stated’`
  if (!isCode(ethnicities, a.ethnicity)) errors[`adopter${n}-ethnicity`] = `Select the ethnicity of ${who}, or ‘Information not yet obtained’`
  if (!isCode(adopterDisabilities, a.disability)) errors[`adopter${n}-disability`] = `Select whether ${who} has a disability, or ‘Not known’`
}

/** The household's answers checked together: one adopter for a single adopter, two of the sexes the legal status says. */
function checkHousehold(h: HouseholdAnswers, today: LocalDate): FieldErrors {
  const errors: FieldErrors = {}
  if (!isCode(adopterLegalStatuses, h.legalStatus)) errors.legalStatus = 'Select the adopters’ legal status'
  if (h.fosteringForAdoption !== 'yes' && h.fosteringForAdoption !== 'no') errors.fosteringForAdoption = 'Select whether the adopters are fostering for adoption'
  if (!h.enquiryReceived) errors['enquiryReceived-day'] ??= 'Enter the date the enquiry was received'
  else if (h.enquiryReceived > today) errors['enquiryReceived-day'] = 'The date the enquiry was received must be today or in the past'
  const expected = sexesFor[h.legalStatus]
  h.adopters.forEach((a, i) => checkAdopter(errors, a, i + 1))
  if (expected === 'one' && h.adopters.length > 1) errors['adopter2-firstName'] = 'A single adopter is one person. Leave the second adopter blank, or change the legal status'
  if (expected && expected !== 'one' && h.adopters.length < 2) errors['adopter2-firstName'] = 'Enter the second adopter of the couple'
  if (h.adopters.length === 2 && isCode(adopterSexes, h.adopters[0]!.sex) && isCode(adopterSexes, h.adopters[1]!.sex)) {
    const same = h.adopters[0]!.sex === h.adopters[1]!.sex
    if (expected === 'different' && same) errors['adopter2-sex'] = `${labelOf(adopterLegalStatuses, h.legalStatus)}: the adopters’ sexes must differ`
    if (expected === 'same' && !same) errors['adopter2-sex'] = `${labelOf(adopterLegalStatuses, h.legalStatus)}: the adopters must be of the same sex`
  }
  return errors
}

const labelOf = (codes: readonly Code[], code: string) => codes.find((c) => c.code === code)?.label ?? code

export async function addHousehold(db: Kysely<DB>, actor: Actor, h: HouseholdAnswers, today: LocalDate): Promise<{ errors: FieldErrors } | { id: string }> {
  const errors = checkHousehold(h, today)
  if (Object.keys(errors).length > 0) return { errors }
  return db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('adopter_households').values({
      la_code: actor.laCode, legal_status: h.legalStatus, fostering_for_adoption: h.fosteringForAdoption === 'yes', enquiry_received: h.enquiryReceived!,
      created_by: actor.id, updated_by: actor.id,
    }).returning('id').executeTakeFirstOrThrow()
    await trx.insertInto('adopters').values(h.adopters.map((a, i) => ({
      household_id: id, la_code: actor.laCode, position: i + 1, first_name: a.firstName, last_name: a.lastName, sex: a.sex, gender: a.gender,
      ethnicity: a.ethnicity, disability: a.disability,
    }))).execute()
    await audit(trx, { laCode: actor.laCode, userId: actor.id, action: 'adopters.household_added', detail: { householdId: id } })
    return { id }
  })
}

/** Stage dates in order (each on or after the last one recorded), none in the future; leaving needs its date and reason. */
function checkProgress(p: ProgressAnswers, enquiryReceived: LocalDate, today: LocalDate): FieldErrors {
  const errors: FieldErrors = {}
  let before = { date: enquiryReceived, label: 'the enquiry' }
  for (const stage of recruitmentStages.slice(1)) {
    const date = p[stage.column]
    if (!date) continue
    if (date > today) errors[`${stage.field}-day`] = `${stage.label}: the date must be today or in the past`
    else if (date < before.date) errors[`${stage.field}-day`] = `${stage.label}: the date must be on or after ${before.label} (${ukDate(before.date)})`
    else before = { date, label: stage.label.toLowerCase() }
  }
  if (p.leftOn && !isCode(leavingReasons, p.leftReason)) errors.leftReason = 'Select why the adopters left the process'
  if (!p.leftOn && p.leftReason) errors['leftOn-day'] ??= 'Enter the date the adopters left the process'
  if (p.leftOn && p.leftOn > today) errors['leftOn-day'] = 'The date the adopters left the process must be today or in the past'
  else if (p.leftOn && p.leftOn < enquiryReceived) errors['leftOn-day'] = `The date the adopters left the process must be on or after the enquiry (${ukDate(enquiryReceived)})`
  return errors
}

export async function updateProgress(db: Kysely<DB>, actor: Actor, householdId: string, p: ProgressAnswers, today: LocalDate): Promise<FieldErrors | 'not-found'> {
  return db.transaction().execute(async (trx) => {
    const household = await trx.selectFrom('adopter_households').select(['enquiry_received']).where('id', '=', householdId)
      .where('la_code', '=', actor.laCode).forUpdate().executeTakeFirst()
    if (!household) return 'not-found'
    const errors = checkProgress(p, household.enquiry_received, today)
    if (Object.keys(errors).length > 0) return errors
    const stages = Object.fromEntries(recruitmentStages.slice(1).map((s) => [s.column, p[s.column] ?? null]))
    await trx.updateTable('adopter_households').set({
      ...stages, left_on: p.leftOn, left_reason: p.leftOn ? p.leftReason : null, updated_by: actor.id, updated_at: new Date(),
    }).where('id', '=', householdId).execute()
    await audit(trx, { laCode: actor.laCode, userId: actor.id, action: 'adopters.progress_updated', detail: { householdId } })
    return {}
  })
}
