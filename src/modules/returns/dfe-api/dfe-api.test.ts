import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestApp, signedIn, type TestApp } from '../../../../test/support/app.js'
import { createChild, lookedAfterBetween, openCinEpisode, userId } from '../../../../test/support/records.js'
import { caseAt } from '../../child-protection/test-steps.js'
import { recordAdoptionMilestone } from '../../looked-after/service.js'
import { changesFor } from './changes.js'
import { dfePayloadCommandOn } from './cli.js'
import type { ChildPayload } from './payload.js'

type Json = Record<string, unknown>
let t: TestApp
let dir: string
let protection: string
let inCare: string
let removed: string

beforeAll(async () => {
  t = await createTestApp()
  dir = await mkdtemp(join(tmpdir(), 'kindred-dfe-'))
  vi.spyOn(console, 'log').mockImplementation(() => {})
  const agents = { worker: await signedIn(t.app, 'social.worker'), chair: await signedIn(t.app, 'iro') }
  protection = (await caseAt(t, agents, 'plan')).childId
  inCare = await createChild(t.database.db, { laChildId: 'C-CARE', dateOfBirth: '2012-07-15', postcode: 'ME14 1XX' })
  await openCinEpisode(t.database.db, inCare, '2025-05-20')
  await lookedAfterBetween(t.database.db, inCare, '2025-06-01', null)
  removed = await createChild(t.database.db, { laChildId: 'C-ERROR' })
  await openCinEpisode(t.database.db, removed, '2025-07-01')
})
afterAll(async () => { vi.restoreAllMocks(); await rm(dir, { recursive: true, force: true }); await t.close() })

let runs = 0
async function payload(...flags: string[]): Promise<Array<{ la_code: number; Children: Json }>> {
  const out = join(dir, `payload-${++runs}.json`)
  expect(await dfePayloadCommandOn((work) => work(t.database)).run(['--la', '886', ...flags, '--out', out])).toBe(0)
  return JSON.parse(await readFile(out, 'utf8'))
}
const child = (docs: Array<{ Children: Json }>, misId: string) => docs.find((d) => d.Children.mis_child_id === misId)?.Children

const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
/** The required fields and types of payload_shape.md, checked by hand; optional fields only when present. */
function expectShape(doc: { la_code: number; Children: Json }): void {
  expect(typeof doc.la_code).toBe('number')
  const c = doc.Children
  for (const field of ['la_child_id', 'mis_child_id']) expect(typeof c[field]).toBe('string')
  expect(c.purge).toBe(false)
  const d = c.child_details as Json
  for (const field of ['first_name', 'surname', 'sex']) expect(typeof d[field]).toBe('string')
  for (const field of ['date_of_birth', 'expected_date_of_birth', 'uasc_end_date']) if (field in d) expect(isDate(d[field])).toBe(true)
  expect(Array.isArray(d.disabilities)).toBe(true)
  expect(typeof d.uasc_flag).toBe('boolean')
  expect(d.purge).toBe(false)
  expect(Array.isArray((c.health_and_wellbeing as Json).sdq_assessments)).toBe(true)
  for (const e of c.social_care_episodes as Json[]) {
    expect(typeof e.social_care_episode_id).toBe('string')
    expect(isDate(e.referral_date)).toBe(true)
    expect(typeof e.referral_source).toBe('string')
    expect(typeof e.referral_no_further_action_flag).toBe('boolean')
    for (const w of e.care_worker_details as Json[]) { expect(typeof w.worker_id).toBe('string'); expect(isDate(w.start_date)).toBe(true) }
    for (const s of e.section_47_assessments as Json[]) { expect(isDate(s.start_date)).toBe(true); expect(typeof s.icpc_required_flag).toBe('boolean') }
    for (const list of ['child_and_family_assessments', 'child_in_need_plans', 'child_protection_plans', 'child_looked_after_placements']) {
      for (const item of e[list] as Json[]) { expect(isDate(item.start_date)).toBe(true); expect(item.purge).toBe(false) }
    }
    for (const p of e.child_looked_after_placements as Json[]) for (const f of ['start_reason', 'placement_type']) expect(typeof p[f]).toBe('string')
  }
}

describe('kindred dfe-payload', () => {
  it('sends a full snapshot first, then nothing when nothing changed, then only what changed, then purges', async () => {
    const full = await payload()
    expect(full.map((d) => d.Children.mis_child_id).sort()).toEqual([protection, inCare, removed].sort())
    full.forEach(expectShape)
    const cp = (child(full, protection)!.social_care_episodes as Json[])[0]!
    expect(cp).toMatchObject({ referral_date: '2025-04-10', referral_source: '2A', referral_no_further_action_flag: false })
    expect(cp.section_47_assessments).toEqual([expect.objectContaining({ start_date: '2025-04-14', icpc_required_flag: true, icpc_date: '2025-05-08' })])
    expect(cp.child_protection_plans).toEqual([expect.objectContaining({ start_date: '2025-05-08', purge: false })])
    const care = child(full, inCare)!
    expect(care).toMatchObject({ la_child_id: 'C-CARE', child_details: expect.objectContaining({ postcode: 'ME14 1XX', date_of_birth: '2012-07-15' }) })
    expect((care.social_care_episodes as Json[])[0]!.child_looked_after_placements).toEqual([expect.objectContaining({ start_date: '2025-06-01', start_reason: 'S', placement_type: 'U6' })])

    expect(await payload()).toEqual([])

    const actor = { id: await userId(t.database.db, 'social.worker'), laCode: '886' }
    expect(await recordAdoptionMilestone(t.database.db, actor, inCare, { milestone: 'decision', date: '2025-09-01' }, '2026-11-22')).toEqual({ outcome: 'done' })
    await t.database.db.deleteFrom('referrals').where('child_id', '=', removed).execute()
    const changes = await payload()
    changes.filter((d) => !d.Children.purge).forEach((d) => expect(d.Children.la_child_id).toBe('C-CARE'))
    const changed = child(changes, inCare)!
    expect(changed).not.toHaveProperty('child_details')
    expect(changed.social_care_episodes).toEqual([expect.objectContaining({ adoption: { initial_decision_date: '2025-09-01', purge: false } })])
    expect(child(changes, removed)).toEqual({ la_child_id: 'C-ERROR', mis_child_id: removed, purge: true })
    expect(changes).toHaveLength(2)

    expect(await payload()).toEqual([])
    expect((await payload('--full')).map((d) => d.Children.mis_child_id).sort()).toEqual([protection, inCare].sort())
  })

  it('purges an episode or an item no longer in the record', () => {
    const episode = (id: string, plans: string[]) => ({
      social_care_episode_id: id, referral_date: '2025-01-01', referral_source: '6', referral_no_further_action_flag: false, care_worker_details: [],
      child_and_family_assessments: [], child_in_need_plans: [], section_47_assessments: [], child_looked_after_placements: [], purge: false as const,
      child_protection_plans: plans.map((p) => ({ child_protection_plan_id: p, start_date: '2025-02-01', purge: false as const })),
    })
    const base = { la_child_id: 'X', mis_child_id: 'x', purge: false as const, health_and_wellbeing: { sdq_assessments: [], purge: false as const },
      child_details: { first_name: 'A', surname: 'B', sex: 'F', disabilities: [], uasc_flag: false, purge: false as const } }
    const before: ChildPayload = { ...base, social_care_episodes: [episode('e1', ['p1', 'p2']), episode('e2', [])] }
    const now: ChildPayload = { ...base, social_care_episodes: [episode('e1', ['p1'])] }
    expect(changesFor(now, JSON.parse(JSON.stringify(before)))).toEqual({
      la_child_id: 'X', mis_child_id: 'x', purge: false, social_care_episodes: [
        { ...episode('e1', ['p1']), child_protection_plans: [{ child_protection_plan_id: 'p1', start_date: '2025-02-01', purge: false }, { child_protection_plan_id: 'p2', purge: true }] },
        { social_care_episode_id: 'e2', purge: true },
      ],
    })
    expect(changesFor(now, JSON.parse(JSON.stringify(now)))).toBeNull()
  })
})
