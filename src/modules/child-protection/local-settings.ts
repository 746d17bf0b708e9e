// An authority's own timescales (LocalTimescaleSettings overrides, kept as JSON per authority) and the
// timescale settings every deadline here is computed with: the bank holidays in the database plus them.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { Executor } from '../../platform/audit/audit.js'
import { audit } from '../../platform/audit/audit.js'
import { checkPeriod, timescaleSettings, type TimescaleSettings } from '../../platform/timescales/engine.js'
import { DEFAULT_LOCAL_TIMESCALES, type LocalTimescaleSettings, type Period, type PeriodSetting } from '../../platform/timescales/rules.js'
import { holidayCalendar } from '../../platform/working-days/holiday-store.js'

/** The settings an administrator changes on the local timescales page, with what each governs. */
export const childProtectionSettings = [
  { key: 'strategyDiscussion', rule: 'CP-03', label: 'Strategy discussion after a referral that needs one', minimum: 0 },
  { key: 'coreGroupInterval', rule: 'CP-07.subsequent', label: 'Between core group meetings, after the first', minimum: 1 },
  { key: 'childProtectionVisitInterval', rule: 'CP-10', label: 'Between visits to a child with a child protection plan', minimum: 1 },
] as const satisfies ReadonlyArray<{ key: PeriodSetting; rule: string; label: string; minimum: number }>

export type ChildProtectionSetting = (typeof childProtectionSettings)[number]['key']

/** Units an authority may count its local timescales in, with the longest sensible period in each. */
export const settingUnits = {
  'working-days': { label: 'working days', maximum: 260 },
  days: { label: 'days', maximum: 366 },
  weeks: { label: 'weeks', maximum: 52 },
  months: { label: 'months', maximum: 12 },
} as const

const periodKeys = new Set(Object.entries(DEFAULT_LOCAL_TIMESCALES).filter(([, v]) => typeof v === 'object').map(([k]) => k))

/** The overrides stored for an authority, keeping only well-formed periods (the JSON is data, not code). */
function validOverrides(stored: Record<string, unknown> | undefined): Partial<LocalTimescaleSettings> {
  const valid: Record<string, Period> = {}
  for (const [key, value] of Object.entries(stored ?? {})) {
    if (!periodKeys.has(key) || typeof value !== 'object' || value === null) continue
    try {
      valid[key] = checkPeriod(value as Period)
    } catch {
      // An override that is not a period is ignored: the default applies.
    }
  }
  return valid
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

export async function timescaleSettingsFor(db: Kysely<DB>, laCode: string): Promise<TimescaleSettings> {
  return (await timescaleSettingsByAuthority(db, [laCode])).get(laCode)!
}

/** Replaces the authority's child protection settings, keeping any other overrides, with an audit entry. */
export async function saveChildProtectionSettings(db: Kysely<DB>, actor: { id: string; laCode: string },
  settings: Record<ChildProtectionSetting, Period>): Promise<void> {
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
