// Finding a child through the real app: typos, nicknames, partial names, dates in several formats,
// NHS number, partial postcode and LA child ID; ranked results that tell children apart; restricted
// records and other authorities kept out; every search audited without its terms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, signedIn, type Agent, type TestApp } from '../../../test/support/app.js'
import { allocate, createChild, createOtherAuthority, userId } from '../../../test/support/records.js'

let t: TestApp
let worker: Agent
const ids: Record<string, string> = {}

beforeAll(async () => {
  t = await createTestApp()
  worker = await signedIn(t.app, 'social.worker')
  const db = t.database.db
  ids.william = await createChild(db, { firstName: 'William', lastName: 'Hargreaves', dateOfBirth: '2015-03-12', postcode: 'ME14 5AB', nhsNumber: '9990000050', laChildId: 'KC-000451' })
  ids.williamTwin = await createChild(db, { firstName: 'William', lastName: 'Hargreaves', dateOfBirth: '2012-10-02', postcode: 'CT1 1AA' })
  ids.john = await createChild(db, { firstName: 'John', lastName: 'Smith', dateOfBirth: '2016-01-20', postcode: 'ME15 6XY', otherNames: ['Johnny Brown'] })
  ids.katherine = await createChild(db, { firstName: 'Katherine', lastName: 'Oyelaran', dateOfBirth: '2019-08-30' })
  ids.restricted = await createChild(db, { firstName: 'William', lastName: 'Hargreaves', dateOfBirth: '2014-04-04', restricted: true })
  await allocate(db, ids.william, 'social.worker')
  const other = await createOtherAuthority(db, '889')
  ids.elsewhere = await createChild(db, { laCode: other.laCode, firstName: 'William', lastName: 'Hargreaves', dateOfBirth: '2015-03-12' })
})
afterAll(async () => { await t?.close() })

/** The children found, in the order shown. */
async function search(q: string, agent = worker): Promise<string[]> {
  const response = await agent.get(`/children?q=${encodeURIComponent(q)}`)
  expect(response.statusCode, q).toBe(200)
  return [...response.body.matchAll(/data-child="([0-9a-f-]{36})"/g)].map((m) => m[1]!)
}

describe('finding a child', () => {
  it('finds names with typos, nicknames and partial names', async () => {
    expect(await search('Jonh Smith')).toContain(ids.john)
    expect(await search('Smtih')).toContain(ids.john)
    expect(await search('Wiliam Hargreves')).toContain(ids.william)
    expect(await search('Bill Hargreaves')).toContain(ids.william)
    expect(await search('Kate Oyelaran')).toContain(ids.katherine)
    expect(await search('Harg')).toContain(ids.william)
    expect(await search('Kath Oye')).toContain(ids.katherine)
    expect(await search('Johnny Brown')).toContain(ids.john)
  })

  it('finds a date of birth in each common format', async () => {
    for (const q of ['12/03/2015', '12-3-2015', '2015-03-12', '12 March 2015']) expect((await search(q))[0], q).toBe(ids.william)
  })

  it('finds an NHS number with or without spaces, an LA child ID and a partial postcode', async () => {
    expect(await search('9990000050')).toEqual([ids.william])
    expect(await search('999 000 0050')).toEqual([ids.william])
    expect(await search('kc-000451')).toEqual([ids.william])
    expect(await search('ME14')).toContain(ids.william)
    expect(await search('ME14')).not.toContain(ids.john)
    expect(await search('me14 5')).toContain(ids.william)
  })

  it('ranks the child matching name and date of birth above a namesake', async () => {
    const found = await search('William Hargreaves 2/10/2012')
    expect(found.slice(0, 2)).toEqual([ids.williamTwin, ids.william])
  })

  it('shows age, area and allocated worker so two children with the same name can be told apart', async () => {
    const response = await worker.get(`/children?q=${encodeURIComponent('William Hargreaves')}`)
    const item = (id: string | undefined) => new RegExp(`data-child="${id}"[\\s\\S]*?</li>`).exec(response.body)![0]
    expect(item(ids.william)).toContain('12 March 2015')
    expect(item(ids.william)).toMatch(/\d+ years/)
    expect(item(ids.william)).toContain('ME14')
    expect(item(ids.william)).toContain('Sam Okafor')
    expect(item(ids.williamTwin)).toContain('CT1')
    expect(item(ids.williamTwin)).toContain('Not allocated')
  })

  it('never shows another authority’s children, nor a restricted record to someone not named on it', async () => {
    const found = await search('William Hargreaves')
    expect(found).not.toContain(ids.elsewhere)
    expect(found).not.toContain(ids.restricted)
    await t.database.db.insertInto('restricted_access').values({ child_id: ids.restricted!, user_id: await userId(t.database.db, 'team.manager') }).execute()
    const manager = await signedIn(t.app, 'team.manager')
    expect(await search('William Hargreaves', manager)).toContain(ids.restricted)
    expect(await search('William Hargreaves')).not.toContain(ids.restricted)
  })

  it('audits every search as child.searched, without the search terms', async () => {
    await search('Bill Hargreaves 12/03/2015')
    const entry = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'child.searched').orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(entry.user_id).toBe(await userId(t.database.db, 'social.worker'))
    expect(entry.detail).toMatchObject({ criteria: ['name', 'date of birth'] })
    expect(JSON.stringify(entry.detail)).not.toMatch(/bill|hargreaves|2015/i)
  })

  it('asks for something to search for, and says when nothing matches', async () => {
    const empty = await worker.get('/children?q=%21%21%21')
    expect(empty.statusCode).toBe(400)
    expect(empty.body).toContain('Enter a name, date of birth, NHS number, postcode or LA child ID')
    const none = await worker.get('/children?q=Xqzvbnm')
    expect(none.statusCode).toBe(200)
    expect(none.body).toContain('No children match your search')
  })

  it('is for casework roles only', async () => {
    const police = await signedIn(t.app, 'police')
    expect((await police.get('/children?q=Smith')).statusCode).toBe(403)
    const home = await worker.get('/')
    expect(home.body).toContain('href="/children"')
  })
})
