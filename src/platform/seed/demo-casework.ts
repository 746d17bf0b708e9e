// Synthetic casework for the demo authority, so every page has children to show on first start: a few
// hundred children with histories, some allocated to the demo social worker and their team.
import type { Database } from '../db/database.js'
import { todayInEngland } from '../working-days/local-date.js'
import { demoLaCode } from './demo-authority.js'
import { seedAuthorities, type AuthorityResult } from './generate.js'
import { plansFor } from './scales.js'

export const demoSocialWorkerEmail = 'social.worker@kent.demo.kindred.test'

/** Adds casework to the demo authority (which must exist and have no people yet). */
export async function seedDemoCasework(database: Database, options: { seed?: number; asOf?: string } = {}): Promise<AuthorityResult> {
  const [result] = await seedAuthorities(database, plansFor('demo'), {
    seed: options.seed ?? 1,
    // The demo's cases are current: histories run to today.
    asOf: options.asOf ?? todayInEngland(),
    intoExisting: { laCode: demoLaCode, favouredWorkerEmail: demoSocialWorkerEmail },
  })
  return result!
}
