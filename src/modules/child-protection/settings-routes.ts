// The administrator's page for the authority's local timescales: strategy discussions after a referral,
// core groups and child protection visits.
import type { FastifyInstance } from 'fastify'
import { timescaleRule } from '../../platform/timescales/rules.js'
import type { Period } from '../../platform/timescales/rules.js'
import { administratorAccess } from './access.js'
import { moduleView } from './form-pages.js'
import { formContext, FormErrors, text, type FormBody } from './forms.js'
import { childProtectionSettings, localTimescales, saveChildProtectionSettings, settingUnits, type ChildProtectionSetting } from './local-settings.js'
import { describePeriod } from './overview.js'
import { DEFAULT_LOCAL_TIMESCALES } from '../../platform/timescales/rules.js'

const path = '/admin/local-timescales'

function readSettings(body: FormBody): { errors: FormErrors; settings: Record<ChildProtectionSetting, Period> } {
  const errors = new FormErrors()
  const settings = {} as Record<ChildProtectionSetting, Period>
  for (const { key, label, minimum } of childProtectionSettings) {
    const unit = text(body, `${key}-unit`)
    const count = text(body, `${key}-count`)
    const name = label.charAt(0).toLowerCase() + label.slice(1)
    if (!Object.hasOwn(settingUnits, unit)) errors.add(`${key}-unit`, `Select the unit for ${name}`)
    if (!count) errors.add(`${key}-count`, `Enter a number for ${name}`)
    else if (!/^\d{1,3}$/.test(count)) errors.add(`${key}-count`, `${label}: enter a whole number, like 10`)
    else if (Number(count) < minimum) errors.add(`${key}-count`, `${label} must be at least ${minimum}`)
    else if (Object.hasOwn(settingUnits, unit) && Number(count) > settingUnits[unit as keyof typeof settingUnits].maximum) {
      errors.add(`${key}-count`, `${label} must be ${settingUnits[unit as keyof typeof settingUnits].maximum} ${settingUnits[unit as keyof typeof settingUnits].label} or fewer`)
    }
    settings[key] = { unit: unit as Period['unit'], count: Number(count) }
  }
  return { errors, settings }
}

export async function registerSettingsRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  const settings = childProtectionSettings.map((s) => ({
    ...s, ruleName: timescaleRule(s.rule).name, defaultText: describePeriod(DEFAULT_LOCAL_TIMESCALES[s.key]),
  }))
  const page = (body: FormBody, errors?: FormErrors, saved = false) => ({
    pageTitle: 'Local timescales', settings, units: settingUnits, saved, ...formContext(body, [], errors),
  })

  app.get(path, administratorAccess, async (request, reply) => {
    const current = await localTimescales(db, request.user!.laCode)
    const body = Object.fromEntries(childProtectionSettings.flatMap(({ key }) => [[`${key}-count`, String(current[key].count)], [`${key}-unit`, current[key].unit]]))
    return reply.view(moduleView('local-timescales'), page(body, undefined, (request.query as Record<string, unknown>).saved === 'yes'))
  })

  app.post(path, administratorAccess, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody
    const { errors, settings: chosen } = readSettings(body)
    if (errors.any) return reply.code(400).view(moduleView('local-timescales'), page(body, errors))
    await saveChildProtectionSettings(db, request.user!, chosen)
    return reply.redirect(`${path}?saved=yes`, 303)
  })
}
