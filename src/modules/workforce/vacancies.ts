// Vacant social work posts by team (FTE, and since when), for the census's vacancy rate.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { SessionUser } from '../../platform/auth/session.js'
import { audit } from '../../platform/audit/audit.js'
import { dateAnswer, FormErrors, text, type DateAnswer, type FormBody } from '../../platform/forms/form.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface Vacancy { id: string; team: string; fte: number; openSince: LocalDate; filledOn: LocalDate | null }

/** Vacancies still open, then those filled, newest first. */
export async function vacancyList(db: Kysely<DB>, laCode: string): Promise<Vacancy[]> {
  const rows = await db.selectFrom('vacancies as v').innerJoin('teams as t', 't.id', 'v.team_id').where('v.la_code', '=', laCode)
    .select(['v.id', 't.name as team', 'v.fte', 'v.open_since', 'v.filled_on'])
    .orderBy((eb) => eb.case().when('v.filled_on', 'is', null).then(0).else(1).end()).orderBy('v.open_since', 'desc').execute()
  return rows.map((r) => ({ id: r.id, team: r.team, fte: Number(r.fte), openSince: r.open_since, filledOn: r.filled_on }))
}

export interface VacancyAnswers { teamId: string; fte: string; openSince: DateAnswer['raw'] }

export type VacancyResult = { outcome: 'saved' } | { outcome: 'invalid'; errors: FormErrors; values: VacancyAnswers }

export async function addVacancy(db: Kysely<DB>, user: SessionUser, body: FormBody): Promise<VacancyResult> {
  const errors = new FormErrors()
  const teamId = text(body, 'teamId')
  const fte = text(body, 'fte')
  const team = UUID.test(teamId) ? await db.selectFrom('teams').where('id', '=', teamId).where('la_code', '=', user.laCode).select('id').executeTakeFirst() : undefined
  if (!teamId) errors.add('teamId', 'Select a team')
  else if (!team) errors.add('teamId', 'Select a team in this authority')
  if (!fte) errors.add('fte', 'Enter the full-time equivalent of the vacant posts')
  else if (!/^[0-9]{1,2}(\.[0-9]{1,2})?$/.test(fte) || Number(fte) <= 0 || Number(fte) > 50) errors.add('fte', 'Full-time equivalent must be a number more than 0 and no more than 50, like 1.5')
  const openSince = dateAnswer(body, 'openSince', 'the date the post became vacant', errors)
  if (errors.any || !openSince.value) return { outcome: 'invalid', errors, values: { teamId, fte, openSince: openSince.raw } }
  await db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('vacancies').values({ la_code: user.laCode, team_id: teamId, fte: Number(fte), open_since: openSince.value!, updated_by: user.id })
      .returning('id').executeTakeFirstOrThrow()
    await audit(trx, { laCode: user.laCode, userId: user.id, action: 'vacancy.added', detail: { vacancyId: row.id } })
  })
  return { outcome: 'saved' }
}

export type FillResult = { outcome: 'filled' } | { outcome: 'invalid'; errors: FormErrors; values: { filledOn: DateAnswer['raw'] } } | { outcome: 'not-found' }

/** Records the day an open vacancy was filled (or the post withdrawn). */
export async function fillVacancy(db: Kysely<DB>, user: SessionUser, id: string, body: FormBody): Promise<FillResult> {
  const vacancy = UUID.test(id)
    ? await db.selectFrom('vacancies').where('id', '=', id).where('la_code', '=', user.laCode).where('filled_on', 'is', null).select(['id', 'open_since']).executeTakeFirst()
    : undefined
  if (!vacancy) return { outcome: 'not-found' }
  const errors = new FormErrors()
  const filledOn = dateAnswer(body, 'filledOn', 'the date the post was filled', errors)
  if (filledOn.value && filledOn.value < vacancy.open_since) errors.add('filledOn-day', 'The date the post was filled must be the same as or after the date it became vacant')
  if (errors.any || !filledOn.value) return { outcome: 'invalid', errors, values: { filledOn: filledOn.raw } }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('vacancies').set({ filled_on: filledOn.value, updated_by: user.id, updated_at: new Date() }).where('id', '=', id).execute()
    await audit(trx, { laCode: user.laCode, userId: user.id, action: 'vacancy.filled', detail: { vacancyId: id } })
  })
  return { outcome: 'filled' }
}
