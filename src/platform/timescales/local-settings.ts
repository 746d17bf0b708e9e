// An authority's own timescales (LocalTimescaleSettings overrides, kept as JSON per authority) and the
// timescale settings every deadline here is computed with: the bank holidays in the database plus them.
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema.js'
import type { Executor } from '../audit/audit.js'
import { audit } from '../audit/audit.js'
import { holidayCalendar } from '../working-days/holiday-store.js'
import { checkPeriod, timescaleSettings, type TimescaleSettings } from './engine.js'
import { DEFAULT_LOCAL_TIMESCALES, type LocalTimescaleSettings, type Period, type PeriodSetting } from './rules.js'

/** The periods an administrator sets on the local timescales page, with what each governs. */
export const localPeriodSettings = [
  { key: 'strategyDiscussion', rule: 'CP-03', label: 'Strategy discussion after a referral that needs one', minimum: 0 },
  { key: 'coreGroupInterval', rule: 'CP-07.subsequent', label: 'Between core group meetings, after the first', minimum: 1 },
  { key: 'childProtectionVisitInterval', rule: 'CP-10', label: 'Between visits to a child with a child protection plan', minimum: 1 },
  { key: 'transferInConference', rule: 'CP-11', label: 'Transfer-in conference after a child with a plan moves in', minimum: 1 },
  { key: 'childInNeedPlanReviewInterval', rule: 'CIN-01', label: 'Between reviews of a child in need plan', minimum: 1 },
  { key: 'familyHelpPlanReviewInterval', rule: 'FH-01', label: 'Between reviews of a family help plan', minimum: 1 },
] as const satisfies ReadonlyArray<{ key: PeriodSetting; rule: string; label: string; minimum: number }>

export type LocalPeriodSetting = (typeof localPeriodSettings)[number]['key']

/** How the 20 days to a first personal education plan (LAC-11) are counted. */
export const pepDayTypes = {
  'school-days': 'School days',
  'working-days': 'Working days',
} as const satisfies Record<LocalTimescaleSettings['pepDayType'], string>

export type LocalChoices = Record<LocalPeriodSetting, Period> & Pick<LocalTimescaleSettings, 'pepDayType'>

/** Units an authority may count its local timescales in, with the longest sensible period in each. */
export const settingUnits = {
  'working-days': { label: 'working days', maximum: 260 },
  days: { label: 'days', maximum: 366 },
  weeks: { label: 'weeks', maximum: 52 },
  months: { label: 'months', maximum: 12 },
} as const

const periodKeys = new Set(Object.entries(DEFAULT_LOCAL_TIMESCALES).filter(([, v]) => typeof v === 'object').map(([k]) => k))

/** The overrides stored for an authority, keeping only well-formed ones (the JSON is data, not code). */
function validOverrides(stored: Record<string, unknown> | undefined): Partial<LocalTimescaleSettings> {
  const valid: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(stored ?? {})) {
    if (key === 'pepDayType' && Object.hasOwn(pepDayTypes, String(value))) valid[key] = value
    if (!periodKeys.has(key) || typeof value !== 'object' || value === null) continue
    try {
      valid[key] = checkPeriod(value as Period)
    } catch {
      // An override that is not a period is ignored: the default applies.
    }
  }
  return valid as Partial<LocalTimescaleSettings>
}

async function storedOverrides(db: Executor, laCodes: readonly string[]): Promise<Map<string, Partial<LocalTimescaleSettings>>> {
  if (laCodes.length === 0) return new Map()
  const rows = await db.selectFrom('local_timescale_settings').where('la_code', 'in', laCodes).select(['la_code', 'settings']).execute()
  return new Map(rows.map((r) => [r.la_code, validOverrides(r.settings)]))
}

/** The authority's local timescales: its overrides over the defaults. */
export async function localTimescales(db: Executor, laCode: string): Promise<LocalTimescaleSettings> {
  return { ...DEFAULT_LOCAL_TIMESCALES, ...(await storedOverrides(db, [laCode])).get(laCode) }
}

/** Timescale settings for each authority named: bank holidays from the database, local timescales from the table. */
export async function timescaleSettingsByAuthority(db: Kysely<DB>, laCodes: readonly string[]): Promise<Map<string, TimescaleSettings>> {
  const codes = [...new Set(laCodes)]
  const [holidays, overrides] = await Promise.all([holidayCalendar(db), storedOverrides(db, codes)])
  return new Map(codes.map((code) => [code, timescaleSettings({ holidays, local: overrides.get(code) })]))
}

/**
 * The settings for each child's own authority, for deadline providers, which answer for a list of children
 * rather than for an authority. Children of one authority share one settings object.
 */
export async function timescaleSettingsByChild(db: Kysely<DB>, childIds: readonly string[]): Promise<Map<string, TimescaleSettings>> {
  if (childIds.length === 0) return new Map()
  const rows = await db.selectFrom('people').where('id', 'in', childIds).select(['id', 'la_code']).execute()
  const byAuthority = await timescaleSettingsByAuthority(db, rows.map((r) => r.la_code))
  return new Map(rows.map((r) => [r.id, byAuthority.get(r.la_code)!]))
}

/** The children grouped by their authority's settings, for work done one authority at a time. */
export async function childrenBySettings(db: Kysely<DB>, childIds: readonly string[]): Promise<Array<[TimescaleSettings, string[]]>> {
  const groups = new Map<TimescaleSettings, string[]>()
  for (const [childId, settings] of await timescaleSettingsByChild(db, childIds)) {
    groups.set(settings, [...(groups.get(settings) ?? []), childId])
  }
  return [...groups]
}

export async function timescaleSettingsFor(db: Kysely<DB>, laCode: string): Promise<TimescaleSettings> {
  return (await timescaleSettingsByAuthority(db, [laCode])).get(laCode)!
}

/** Replaces the authority's local timescales, keeping any other overrides, with an audit entry. */
export async function saveLocalTimescales(db: Kysely<DB>, actor: { id: string; laCode: string }, settings: LocalChoices): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('local_timescale_settings').where('la_code', '=', actor.laCode)
      .select('settings').forUpdate().executeTakeFirst()
    const merged = JSON.stringify({ ...validOverrides(current?.settings), ...settings })
    await trx.insertInto('local_timescale_settings')
      .values({ la_code: actor.laCode, settings: merged, updated_by: actor.id })
      .onConflict((oc) => oc.column('la_code').doUpdateSet({ settings: merged, updated_by: actor.id, updated_at: new Date() }))
      .execute()
    await audit(trx, { laCode: actor.laCode, userId: actor.id, action: 'local_timescales.changed', detail: { settings } })
  })
}
