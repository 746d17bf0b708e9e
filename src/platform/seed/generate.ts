// Generates synthetic authorities: for each, one transaction that writes its organisation and then its
// families chunk by chunk (facts first, then every part's rows, one multi-row insert per table per
// chunk), so memory stays bounded however large the authority. Generating the next chunk overlaps with
// writing the last. One audit entry per authority records what was generated.
import { audit } from '../audit/audit.js'
import type { Database } from '../db/database.js'
import { toDayNumber } from '../working-days/local-date.js'
import { regions } from './authorities.js'
import { ethnicMinorityPercent } from './ethnic-minority-shares.js'
import type { SeedPeriod } from './facts.js'
import { FamilyFactory } from './families.js'
import { IdMaker } from './identifiers.js'
import { generateOrganisation, loadDemoOrganisation } from './organisation.js'
import type { SeedContext, SeedPart, SeedTable } from './part.js'
import { seedParts } from './parts/index.js'
import { Places } from './places.js'
import { familyTotal, type AuthorityPlan } from './plan.js'
import { Random } from './random.js'
import { SeedWriter } from './writer.js'

export interface SeedOptions {
  seed: number
  /** The reporting date (yyyy-mm-dd): histories run up to it and the 31 March counts are taken on it. */
  asOf: string
  parts?: readonly SeedPart[]
  /** Families per chunk: rows are written, and memory released, a chunk at a time. */
  chunkFamilies?: number
  /** Authorities generated at once (PostgreSQL only; PGlite has one connection). */
  jobs?: number
  /**
   * Authorities that already exist are refused unless they are named here: their organisation is read from
   * the database and only casework is added (the demo authority), provided they have no people yet.
   */
  intoExisting?: { laCode: string; favouredWorkerEmail: string }
  /** Called with the number of families written so far, across all authorities. */
  onProgress?: (families: number) => void
}

export interface AuthorityResult {
  code: string
  name: string
  rows: Record<string, number>
  children: number
  adults: number
}

/** The authorities are already there: seeding again would duplicate them. */
export class SeedConflictError extends Error {}

export function familiesToGenerate(plans: readonly AuthorityPlan[]): number {
  return plans.reduce((sum, plan) => sum + familyTotal(plan), 0)
}

export async function seedAuthorities(database: Database, plans: readonly AuthorityPlan[], options: SeedOptions): Promise<AuthorityResult[]> {
  const { db } = database
  const codes = plans.map((p) => p.authority.code)
  const existing = (await db.selectFrom('local_authorities').where('code', 'in', codes).select('code').execute()).map((r) => r.code)
  const refused = existing.filter((code) => code !== options.intoExisting?.laCode)
  if (refused.length > 0) {
    throw new SeedConflictError(`these authorities already exist, so they were not generated again: ${refused.join(', ')}`)
  }
  if (options.intoExisting) {
    const { laCode } = options.intoExisting
    const people = await db.selectFrom('people').where('la_code', '=', laCode).select('id').limit(1).executeTakeFirst()
    if (people) throw new SeedConflictError(`authority ${laCode} already has people, so no casework was generated for it`)
  }
  for (const region of regions.filter((r) => plans.some((p) => p.authority.regionId === r.id))) {
    await db.insertInto('regional_care_cooperatives').values(region).onConflict((oc) => oc.column('id').doNothing()).execute()
  }
  let familiesDone = 0
  const progress = (n: number) => { familiesDone += n; options.onProgress?.(familiesDone) }
  const jobs = database.engine === 'pglite' ? 1 : Math.max(1, options.jobs ?? 1)
  const results: AuthorityResult[] = new Array(plans.length)
  let next = 0
  const worker = async () => {
    while (next < plans.length) {
      const index = next++
      results[index] = await seedAuthority(database, plans[index]!, options, progress)
    }
  }
  await Promise.all(Array.from({ length: Math.min(jobs, plans.length) }, worker))
  return results
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

async function seedAuthority(database: Database, plan: AuthorityPlan, options: SeedOptions, progress: (families: number) => void): Promise<AuthorityResult> {
  const { authority } = plan
  const planned = options.parts ?? seedParts
  const chunk = options.chunkFamilies ?? 2_000
  const asOf = toDayNumber(options.asOf)
  const period: SeedPeriod = { asOf, yearStart: asOf - 364 }
  const ids = new IdMaker(options.seed, authority.code)
  const order = [...new Map(planned.flatMap((p) => p.tables).map((t): [string, SeedTable] => [t.name, t])).values()]
  const writer = new SeedWriter(order)
  let children = 0
  let adults = 0
  await database.db.transaction().execute(async (trx) => {
    const intoExisting = options.intoExisting?.laCode === authority.code ? options.intoExisting : undefined
    if (!intoExisting) {
      await trx.insertInto('local_authorities')
        .values({
          code: authority.code, name: authority.name, rcc_id: authority.regionId, population_0_17: authority.population,
          ethnic_minority_percent: ethnicMinorityPercent(authority),
        }).execute()
    }
    const organisation = intoExisting
      ? await loadDemoOrganisation(trx, options.seed, authority.code, ids, intoExisting.favouredWorkerEmail)
      : generateOrganisation(options.seed, plan, ids)
    const parts = await Promise.all(planned.map((part) => part.prepare?.(trx) ?? part))
    const base = new Random(`${options.seed}/${authority.code}/parts`)
    const ctx: SeedContext = {
      seed: options.seed, plan, period, organisation, ids,
      random: (part, family) => base.derive(part, family),
    }
    for (const part of parts) part.begin?.(ctx, writer.emit)
    const factory = new FamilyFactory({ seed: options.seed, plan, period, ids, places: new Places(authority, `${options.seed}/${authority.code}`, plan.population) })
    let writing: Promise<void> = writer.flush(trx)
    for (let start = 0; start < factory.total; start += chunk) {
      const families = []
      for (let i = start; i < Math.min(start + chunk, factory.total); i++) {
        const family = factory.family(i)
        children += family.children.length
        adults += family.adults.length
        families.push(family)
        // Let the write in flight move on to its next statement.
        if (i % 250 === 0) await yieldToEventLoop()
      }
      for (const part of parts) part.families?.(ctx, families, writer.emit)
      await writing
      writing = writer.flush(trx)
      // Awaited on the next round; a failure meanwhile is not an unhandled rejection.
      writing.catch(() => {})
      progress(families.length)
    }
    await writing
    await audit(trx, {
      laCode: authority.code, userId: null, action: 'seed.generated', purpose: 'synthetic data',
      detail: { seed: options.seed, asOf: options.asOf, population: plan.population, rows: Object.fromEntries(writer.counts) },
    })
  })
  return { code: authority.code, name: authority.name, rows: Object.fromEntries(writer.counts), children, adults }
}

