// The OC2 outcomes a social worker records for a looked-after child: a conviction or youth caution (with its date,
// never before the age of 10 or outside care) and, with a substance misuse problem, whether an intervention was
// received or offered; each refused with the field named and the answers kept, written with its event, and read
// into the generated 903's OC2 row for the year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Agent, createTestApp, signedIn, type TestApp } from '../../../test/support/app.js'
import { allocate, createChild } from '../../../test/support/records.js'
import { generateReturn } from '../returns/generate/generate-return.js'
import { postForm } from './test-forms.js'

let t: TestApp
let sw: Agent
let childId: string
const base = () => `/children/${childId}/looked-after`
const date = (name: string, iso: string) => ({ [`${name}-day`]: iso.slice(8), [`${name}-month`]: iso.slice(5, 7), [`${name}-year`]: iso.slice(0, 4) })
const fieldError = (html: string, id: string) => new RegExp(`id="${id}-error"[^>]*>\\s*<span class="govuk-visually-hidden">Error:</span>([^<]*)`).exec(html)?.[1]?.trim()
const wellbeing = (answers: Record<string, string>) => postForm(sw, `${base()}/wellbeing/new`, { ...date('date', '2026-02-02'), immunisations: 'yes', sdqScore: '12', ...answers })

beforeAll(async () => {
  t = await createTestApp()
  // Ten on 1 June 2024; looked after from January 2024, so in the 903's OC2 children for the year ending 31 March 2026.
  childId = await createChild(t.database.db, { firstName: 'Kai', lastName: 'Reed', dateOfBirth: '2014-06-01' })
  await allocate(t.database.db, childId, 'social.worker')
  sw = await signedIn(t.app, 'social.worker')
  const start = await postForm(sw, `${base()}/start`, {
    ...date('startDate', '2024-01-10'), legalStatus: 'C2', categoryOfNeed: 'N1', placementType: 'U4', provider: 'PR1', urn: '1234567',
    homePostcode: 'ME14 1XX', placementPostcode: 'ME15 6AA', visitRegime: 'ordinary', previousPermanence: 'Z1',
  })
  expect(start.statusCode).toBe(303)
})
afterAll(async () => { await t?.close() })

describe('convictions and youth cautions', () => {
  it('refuses an outcome before the child was 10, or when not looked after, keeping the answers', async () => {
    const young = await postForm(sw, `${base()}/youth-justice/new`, { kind: 'youth_caution', ...date('date', '2024-05-31') })
    expect(young.statusCode).toBe(400)
    expect(fieldError(young.body, 'date')).toBe('The child was under 10 on this date, the age of criminal responsibility. Check the date')
    expect(young.body).toMatch(/value="youth_caution" checked/)
    const outside = await postForm(sw, `${base()}/youth-justice/new`, { kind: '', ...date('date', '2023-12-01') })
    expect(fieldError(outside.body, 'kind')).toBe('Select whether the child was convicted, or given a youth caution or youth conditional caution')
    expect(fieldError(outside.body, 'date')).toContain('The child was not looked after on this date')
    expect(await t.database.db.selectFrom('looked_after_convictions').selectAll().execute()).toEqual([])
  })

  it('records a youth caution with its event, once, and shows it on the looked-after page and in the chronology', async () => {
    const caution = { kind: 'youth_caution', ...date('date', '2025-11-03') }
    expect((await postForm(sw, `${base()}/youth-justice/new`, caution)).statusCode).toBe(303)
    const again = await postForm(sw, `${base()}/youth-justice/new`, caution)
    expect(fieldError(again.body, 'date')).toBe('Youth caution on 3 November 2025 is already recorded')
    const events = await t.database.db.selectFrom('child_events').where('child_id', '=', childId).where('type', '=', 'youth_justice.recorded').select('summary').execute()
    expect(events.map((e) => e.summary)).toEqual(['Youth caution on 3 November 2025'])
    expect((await sw.get(base())).body).toContain('Convictions and youth cautions')
    const chronology = (await sw.get(`/children/${childId}/chronology`)).body
    expect(chronology).toContain('Youth caution on 3 November 2025')
    expect(chronology).toContain('Youth justice')
  })
})

describe('substance misuse', () => {
  it('asks whether a child with a problem received or was offered an intervention, and ignores the answer without one', async () => {
    const missing = await wellbeing({ substanceMisuse: 'yes', intervention: '' })
    expect(missing.statusCode).toBe(400)
    expect(fieldError(missing.body, 'intervention')).toBe('Select whether the child received an intervention for their substance misuse, was offered one, or neither')
    expect(missing.body).toContain('value="12"')
    expect((await wellbeing({ substanceMisuse: 'no', intervention: 'received', ...date('date', '2025-05-01') })).statusCode).toBe(303)
    expect((await wellbeing({ substanceMisuse: 'yes', intervention: 'offered' })).statusCode).toBe(303)
    const rows = await t.database.db.selectFrom('looked_after_wellbeing').where('child_id', '=', childId).orderBy('recorded_on')
      .select(['substance_misuse', 'substance_misuse_intervention']).execute()
    expect(rows).toEqual([{ substance_misuse: false, substance_misuse_intervention: null }, { substance_misuse: true, substance_misuse_intervention: 'offered' }])
  })
})

describe('the 903 for the year ending 31 March 2026', () => {
  it('reports the caution as CONVICTED and the intervention offered but not taken up', async () => {
    const ret = await generateReturn(t.database.db, '903', 2026, '886')
    const [header, ...lines] = ret.files.find((f) => f.name.endsWith('OC2.csv'))!.content.trim().split(/\r?\n/)
    const rows = lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [header!.split(',')[i], cell])))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ CONVICTED: '1', SUBSTANCE_MISUSE: '1', INTERVENTION_RECEIVED: '0', INTERVENTION_OFFERED: '1' })
  })
})
