// For this module's tests: forms filled in the way a browser does (the one-time token from the page, dates as
// three boxes), and a child with an open CIN episode and a family network.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { type Agent, formToken } from '../../../test/support/app.js'
import { addRelative, allocate, createChild, openCinEpisode } from '../../../test/support/records.js'
import { addDays, todayInEngland } from '../../platform/working-days/local-date.js'

export const today = todayInEngland()
export const daysAgo = (n: number) => addDays(today, -n)

/** A GOV.UK date input's three boxes for yyyy-mm-dd. */
export const dateParts = (date: string, name: string): Record<string, string> => ({
  [`${name}-day`]: String(Number(date.slice(8))), [`${name}-month`]: String(Number(date.slice(5, 7))), [`${name}-year`]: date.slice(0, 4),
})


export { formToken }

/** Fetches the form, then sends it with these answers. */
export async function send(agent: Agent, url: string, form: Record<string, string | string[]>) {
  return agent.post(url, { formToken: await formToken(agent, url), ...form })
}

export interface Family { childId: string; mother: string; father: string; aunt: string; auntRelationship: string; referralId: string }

/** A child allocated to the social worker, with an open CIN episode, two parents with parental responsibility and an aunt who could care. */
export async function family(db: Kysely<DB>, names: { first?: string; last?: string } = {}): Promise<Family> {
  const last = names.last ?? 'Hollins'
  const childId = await createChild(db, { firstName: names.first ?? 'Maisie', lastName: last })
  await allocate(db, childId, 'social.worker')
  const mother = await addRelative(db, childId, { firstName: 'Kerry', lastName: last, type: 'mother', parentalResponsibility: true })
  const father = await addRelative(db, childId, { firstName: 'Dean', lastName: last, type: 'father', parentalResponsibility: true })
  const aunt = await addRelative(db, childId, { firstName: 'Jo', lastName: last, type: 'aunt_uncle', possibleCarer: true })
  const referralId = await openCinEpisode(db, childId, daysAgo(120))
  return { childId, mother: mother.personId, father: father.personId, aunt: aunt.personId, auntRelationship: aunt.relationshipId, referralId }
}

export async function eventTypes(db: Kysely<DB>, childId: string, prefix = ''): Promise<string[]> {
  const rows = await db.selectFrom('child_events').select('type').where('child_id', '=', childId).orderBy('recorded_at').orderBy('id').execute()
  return rows.map((r) => r.type).filter((t) => t.startsWith(prefix))
}
