// Lists 10 and 11's own casework for the Annex A tests: adopters at different stages, a child matched, placed and
// adopted with the first (leaving care by adoption), and a child whose plan for adoption was reversed. Recorded through
// the services.
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'
import { createChild, lookedAfterBetween, userId } from '../../../../test/support/records.js'
import { recordAdoptionMilestone, type AdoptionMilestoneAnswers } from '../../looked-after/service.js'
import { addHousehold, updateProgress, type HouseholdAnswers } from '../../placements/service.js'

const today = '2026-11-22'
const adopter = (firstName: string, sex: 'F' | 'M', ethnicity: string, disability: string) =>
  ({ firstName, lastName: 'Adopter', sex, gender: sex === 'F' ? 'female' : 'male', ethnicity, disability })

export interface AdoptionCasework { couple: string; single: string; gone: string }

export async function buildAdopters(db: Kysely<DB>): Promise<AdoptionCasework> {
  const actor = { id: await userId(db, 'placements'), laCode: '886' }
  const household = async (answers: HouseholdAnswers, progress: Parameters<typeof updateProgress>[3]) => {
    const added = await addHousehold(db, actor, answers, today)
    if (!('id' in added) || Object.keys(await updateProgress(db, actor, added.id, progress, today)).length > 0) throw new Error(`Could not add ${JSON.stringify(answers)}`)
    return (await db.selectFrom('adopter_households').select(['id', 'reference']).where('id', '=', added.id).executeTakeFirstOrThrow())
  }
  const couple = await household({
    legalStatus: 'L11', fosteringForAdoption: 'no', enquiryReceived: '2024-09-02', adopters: [adopter('Asha', 'F', 'AIND', 'no'), adopter('Ben', 'M', 'WBRI', 'yes')],
  }, {
    stage1_started: '2024-10-01', stage1_ended: '2024-12-01', application_submitted: '2024-12-02', stage2_started: '2024-12-09', stage2_ended: '2025-04-07',
    approved: '2025-05-12', leftOn: null, leftReason: '',
  })
  // Fostering for adoption, left during stage 1.
  const single = await household({ legalStatus: 'L0', fosteringForAdoption: 'yes', enquiryReceived: '2025-10-06', adopters: [adopter('Cara', 'F', 'BAFR', 'unknown')] },
    { stage1_started: '2025-11-03', leftOn: '2026-02-02', leftReason: 'withdrew' })
  // Left before the range began: not in list 11.
  const gone = await household({ legalStatus: 'L0', fosteringForAdoption: 'no', enquiryReceived: '2024-06-03', adopters: [adopter('Dev', 'M', 'WBRI', 'no')] },
    { leftOn: '2025-01-10', leftReason: 'refused' })

  const milestones = async (childId: string, list: AdoptionMilestoneAnswers[]) => {
    for (const m of list) {
      const done = await recordAdoptionMilestone(db, { id: await userId(db, 'social.worker'), laCode: '886' }, childId, m, today)
      if (done.outcome !== 'done') throw new Error(`Could not record ${m.milestone}: ${JSON.stringify(done)}`)
    }
  }
  const adopted = await createChild(db, { laChildId: 'C-ADOPTED', dateOfBirth: '2022-08-01' })
  // Adopted from the placement for adoption the period began in: the 903's AD1 for the year.
  await lookedAfterBetween(db, adopted, '2023-03-01', '2026-01-15', { placementType: 'A6', reasonLeft: 'E11' })
  await milestones(adopted, [
    { milestone: 'decision', date: '2024-08-01' }, { milestone: 'placement_order', date: '2024-09-02' },
    { milestone: 'matched', date: '2025-06-02', adopters: { householdId: couple.id, reference: couple.reference } },
    { milestone: 'placed', date: '2025-07-01' }, { milestone: 'adoption_order', date: '2026-01-15' },
  ])
  const reversed = await createChild(db, { laChildId: 'C-REVERSED', dateOfBirth: '2021-04-01' })
  await lookedAfterBetween(db, reversed, '2023-05-01', null)
  await milestones(reversed, [{ milestone: 'decision', date: '2024-11-01' }, { milestone: 'no_longer_placed', date: '2025-08-01', reason: 'RD3' }])
  return { couple: couple.reference, single: single.reference, gone: gone.reference }
}
