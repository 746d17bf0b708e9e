// What the Annex A tests share: a small authority's casework built through the app and the services, with each
// child's place in the lists known in advance, and a reader for the workbook's zip.
import { randomUUID } from 'node:crypto'
import { inflateRawSync } from 'node:zlib'
import { signedIn, type TestApp } from '../../../../test/support/app.js'
import { createChild, createOtherAuthority, lookedAfterBetween, userId } from '../../../../test/support/records.js'
import { caseAt, easter2025 } from '../../child-protection/test-steps.js'
import { insertContact, insertReferral } from '../../front-door/test-fixtures.js'
import { recordAssessmentCompleted, startFamilyHelp } from '../../family-help/service.js'
import { recordAdoptionMilestone, recordIroContact, recordPermanencePlan } from '../../looked-after/service.js'

export const range = { from: '2025-04-01', to: '2026-03-31' }

export interface Casework { contact: string; protection: string; closedBefore: string; inCare: string; leaver: string; adoption: string }

function expectDone(outcome: { outcome: string }, what: string): void {
  if (outcome.outcome !== 'done') throw new Error(`Could not record ${what}: ${JSON.stringify(outcome)}`)
}

/** Family Help for a new child, with its assessment completed on `completedOn`. */
async function familyHelpAssessed(t: TestApp, laChildId: string, startDate: string, completedOn: string): Promise<void> {
  const db = t.database.db
  const actor = { id: await userId(db, 'family.help'), laCode: '886' }
  const childId = await createChild(db, { laChildId, dateOfBirth: '2018-03-01' })
  const started = await startFamilyHelp(db, actor, childId, { token: randomUUID() }, {
    startDate, reason: 'Help with routines', leadPractitionerId: actor.id, supervisingSocialWorkerId: await userId(db, 'social.worker'),
  }, '2026-11-22')
  const assessed = await recordAssessmentCompleted(db, actor, childId, { token: randomUUID() }, completedOn, '2026-11-22')
  if (started.outcome !== 'done' || assessed.outcome !== 'done') throw new Error(`Could not record Family Help: ${JSON.stringify([started, assessed])}`)
}

export async function buildCasework(t: TestApp): Promise<Casework> {
  const db = t.database.db
  const worker = await userId(db, 'social.worker')
  const contact = await createChild(db, { laChildId: 'C-CONTACT', dateOfBirth: '2015-09-01' })
  // 00:30 in British Summer Time: 1 April 2025 in England, still 31 March in UTC. The second is after the range.
  await insertContact(db, { childId: contact, receivedAt: new Date('2025-03-31T23:30:00Z'), recordedBy: worker })
  await insertContact(db, { childId: contact, receivedAt: new Date('2026-03-31T23:30:00Z'), recordedBy: worker })

  const agents = { worker: await signedIn(t.app, 'social.worker'), chair: await signedIn(t.app, 'iro') }
  const protection = (await caseAt(t, agents, 'plan', easter2025, { dateOfBirth: '2017-02-03' })).childId

  // The second assessment was completed after the range ended, so the list does not know it yet.
  await familyHelpAssessed(t, 'C-HELP', '2025-09-01', '2025-10-13')
  await familyHelpAssessed(t, 'C-HELP-LATE', '2026-03-02', '2026-04-20')

  const closedBefore = await createChild(db, { laChildId: 'C-CLOSED' })
  await insertReferral(db, { childId: closedBefore, referralDate: '2024-10-01', closureDate: '2025-02-01', openedBy: worker })

  const inCare = await createChild(db, { laChildId: 'C-CARE', dateOfBirth: '2012-07-15' })
  await lookedAfterBetween(db, inCare, '2025-06-01', null)
  // The plan and the reviewing officer's latest contact as at the end of the range: the later ones come after it.
  const iro = { id: await userId(db, 'iro'), laCode: '886' }
  const careWorker = { id: worker, laCode: '886' }
  for (const [plan, date] of [['return_to_family', '2025-07-01'], ['long_term_fostering', '2025-12-01'], ['sgo_cao', '2026-05-01']] as const) {
    expectDone(await recordPermanencePlan(db, careWorker, inCare, { plan, date }, '2026-11-22'), plan)
  }
  for (const [kind, date] of [['visit', '2025-09-10'], ['phone_call', '2026-02-20'], ['visit', '2026-04-15']] as const) {
    expectDone(await recordIroContact(db, iro, inCare, { kind, date }, '2026-11-22'), `IRO ${kind}`)
  }
  const leaver = await createChild(db, { laChildId: 'C-LEAVER', dateOfBirth: '2006-05-01' })
  await lookedAfterBetween(db, leaver, '2021-01-01', '2024-05-01')
  const adoption = await createChild(db, { laChildId: 'C-ADOPT', dateOfBirth: '2022-01-01' })
  // Placed in Chatham, which is Medway's.
  await lookedAfterBetween(db, adoption, '2024-06-01', null, { placementPostcode: 'ME4 4AA' })
  const actor = { id: worker, laCode: '886' }
  for (const [milestone, date] of [['decision', '2025-01-10'], ['placement_order', '2025-05-01']] as const) {
    const done = await recordAdoptionMilestone(db, actor, adoption, { milestone, date }, '2026-11-22')
    if (done.outcome !== 'done') throw new Error(`Could not record ${milestone}: ${JSON.stringify(done)}`)
  }

  const other = await createOtherAuthority(db)
  const elsewhere = await createChild(db, { laCode: other.laCode, laChildId: 'C-ELSEWHERE' })
  await db.insertInto('referrals').values({
    la_code: other.laCode, child_id: elsewhere, contact_id: null, referral_date: '2025-05-01', referral_source: '6', primary_need: 'N1',
    reason: null, closure_date: null, reason_for_closure: null, opened_by: other.workerId,
  }).execute()
  return { contact, protection, closedBefore, inCare, leaver, adoption }
}

/** The files in a zip, by name, read through its central directory. */
export function unzip(bytes: Buffer): Map<string, string> {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  const count = bytes.readUInt16LE(end + 10)
  let at = bytes.readUInt32LE(end + 16)
  const files = new Map<string, string>()
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(at + 10)
    const size = bytes.readUInt32LE(at + 20)
    const nameLength = bytes.readUInt16LE(at + 28)
    const extra = bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32)
    const offset = bytes.readUInt32LE(at + 42)
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8')
    const dataAt = offset + 30 + bytes.readUInt16LE(offset + 26) + bytes.readUInt16LE(offset + 28)
    const data = bytes.subarray(dataAt, dataAt + size)
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'))
    at += 46 + nameLength + extra
  }
  return files
}
