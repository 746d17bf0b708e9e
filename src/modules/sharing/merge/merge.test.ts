// Merging two records of the same child and undoing it: the history moves to the record kept and comes back
// exactly; a merge across authorities, of twins, or of a record someone cannot open is refused and audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type Agent, type TestApp } from '../../../../test/support/app.js'
import { allocate, createChild, createOtherAuthority } from '../../../../test/support/records.js'
import { appendChildEvent } from '../../../platform/events/child-events.js'
import { contactForm } from '../../front-door/test-fixtures.js'

let t: TestApp
let door: Agent
beforeAll(async () => {
  t = await createTestApp()
  door = await signedIn(t.app, 'front.door')
})
afterAll(async () => { await t.close() })

const eventsOf = async (childId: string) => (await t.database.db.selectFrom('child_events').where('child_id', '=', childId)
  .select(['id', 'type']).orderBy('id').execute()).map((e) => `${e.id}:${e.type}`)
const refusals = async () => (await t.database.db.selectFrom('audit_log').where('action', '=', 'child.merge_refused').select('detail').execute()).length

async function withHistory(fields: Parameters<typeof createChild>[1]): Promise<string> {
  const id = await createChild(t.database.db, fields)
  await appendChildEvent(t.database.db, { laCode: fields?.laCode ?? '886', childId: id, type: 'note.recorded', occurredAt: new Date(), recordedBy: null, summary: `A note on ${fields?.firstName}` })
  return id
}

describe('merging two records of the same child', () => {
  it('moves the other record’s whole history to the record kept, and an unmerge puts back exactly what moved', async () => {
    const kept = await withHistory({ firstName: 'Isla', lastName: 'Merryweather', dateOfBirth: '2017-03-09', nhsNumber: '9990000026', postcode: 'ME14 1XX' })
    const other = await withHistory({ firstName: 'Isla', lastName: 'Merryweather', dateOfBirth: '2017-09-03', postcode: 'ME14 1XX' })
    await allocate(t.database.db, other, 'social.worker')
    await door.get(`/children/${other}/contacts/new`)
    await door.post(`/children/${other}/contacts/new`, contactForm())
    const keptBefore = await eventsOf(kept)
    const otherBefore = await eventsOf(other)

    const check = await door.get(`/children/${kept}/merge?with=${other}`)
    expect(check.statusCode).toBe(200)
    expect(check.body).toContain('Check these are the same child')
    expect(check.body).toContain('date of birth: day and month swapped')
    const noReason = await door.post(`/children/${kept}/merge`, { otherId: other, reason: '' })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.body).toContain('Enter why you are sure these records are the same child')

    const merged = await door.post(`/children/${kept}/merge`, { otherId: other, reason: 'GP confirmed the NHS number' })
    expect(merged.statusCode).toBe(303)
    const keptAfter = await eventsOf(kept)
    expect(keptAfter).toEqual(expect.arrayContaining([...keptBefore, ...otherBefore]))
    expect(keptAfter.at(-1)).toMatch(/child\.merged$/)
    expect(await t.database.db.selectFrom('contacts').where('child_id', '=', other).selectAll().execute()).toEqual([])
    expect(await t.database.db.selectFrom('allocations').where('child_id', '=', kept).selectAll().execute()).toHaveLength(1)
    expect((await door.get(`/children/${other}`)).statusCode).toBe(404)
    const chronology = await (await signedIn(t.app, 'social.worker')).get(`/children/${kept}/chronology`)
    expect(chronology.body).toContain('A note on Isla')
    expect((await door.get(merged.headers.location!)).body).toContain('GP confirmed the NHS number')

    const merge = await t.database.db.selectFrom('person_merges').where('surviving_id', '=', kept).select('id').executeTakeFirstOrThrow()
    const history = await door.get(`/children/${kept}/merges`)
    expect(history.body).toContain('Undo this merge')
    const undone = await door.post(`/children/${kept}/merges/${merge.id}/unmerge`, { reason: 'Wrong child: the GP corrected the trace' })
    expect(undone.statusCode).toBe(303)
    expect((await eventsOf(other)).slice(0, otherBefore.length)).toEqual(otherBefore)
    expect((await eventsOf(kept)).filter((e) => !/child\.(merged|unmerged)$/.test(e))).toEqual(keptBefore)
    expect(await t.database.db.selectFrom('contacts').where('child_id', '=', other).selectAll().execute()).toHaveLength(1)
    expect(await t.database.db.selectFrom('allocations').where('child_id', '=', kept).selectAll().execute()).toEqual([])
    expect((await door.get(`/children/${other}`)).statusCode).toBe(200)
  })

  it('refuses a record of another authority with a clear message, and audits it', async () => {
    const ours = await withHistory({ firstName: 'Nell', lastName: 'Borders', dateOfBirth: '2016-01-02' })
    const other = await createOtherAuthority(t.database.db, '884')
    const theirs = await withHistory({ laCode: other.laCode, firstName: 'Nell', lastName: 'Borders', dateOfBirth: '2016-01-02' })
    const before = await refusals()
    const page = await door.get(`/children/${ours}/merge?with=${theirs}`)
    expect(page.statusCode).toBe(409)
    expect(page.body).toContain('Records of two authorities cannot be merged')
    const posted = await door.post(`/children/${ours}/merge`, { otherId: theirs, reason: 'Looks the same' })
    expect(posted.statusCode).toBe(409)
    expect(await refusals()).toBe(before + 2)
    expect(await t.database.db.selectFrom('person_merges').where('surviving_id', '=', ours).selectAll().execute()).toEqual([])
    expect((await door.post(`/children/${ours}/merge`, { otherId: 'not-an-id', reason: 'x' })).statusCode).toBe(409)
  })

  it('refuses twins: same surname, address and date of birth, different first names', async () => {
    const twin1 = await withHistory({ firstName: 'Poppy', lastName: 'Tolliver', dateOfBirth: '2019-06-01', postcode: 'ME15 6AA' })
    const twin2 = await withHistory({ firstName: 'Daisy', lastName: 'Tolliver', dateOfBirth: '2019-06-01', postcode: 'ME15 6AA' })
    const page = await door.get(`/children/${twin1}/possible-duplicates`)
    expect(page.body).toContain('Possible twin or sibling: not for merging')
    const posted = await door.post(`/children/${twin1}/merge`, { otherId: twin2, reason: 'Same family' })
    expect(posted.statusCode).toBe(409)
    expect(posted.body).toContain('These records may be twins or siblings')
    expect(await eventsOf(twin2)).toHaveLength(1)
  })
})
