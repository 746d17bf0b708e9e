// The administrator's page for the authority's local timescales: the periods Working Together and the
// regulations leave to local procedures, and how the days to a first personal education plan are counted.
import type { FastifyInstance } from 'fastify'
import { allow } from '../access/policy.js'
import { FormErrors, text, type FormBody } from '../forms/form.js'
import { describePeriod } from '../timescales/engine.js'
import { localPeriodSettings, localTimescales, pepDayTypes, saveLocalTimescales, settingUnits, type LocalChoices } from '../timescales/local-settings.js'
import { DEFAULT_LOCAL_TIMESCALES, timescaleRule, type Period } from '../timescales/rules.js'

const path = '/admin/local-timescales'
const view = 'platform/admin/views/local-timescales.njk'
const administrators = allow({ roles: ['administrator'] })

function readSettings(body: FormBody): { errors: FormErrors; settings: LocalChoices } {
  const errors = new FormErrors()
  const settings = {} as LocalChoices
  for (const { key, label, minimum } of localPeriodSettings) {
    const unit = text(body, `${key}-unit`)
    const count = text(body, `${key}-count`)
    const name = label.charAt(0).toLowerCase() + label.slice(1)
    const units = Object.hasOwn(settingUnits, unit) ? settingUnits[unit as keyof typeof settingUnits] : null
    if (!units) errors.add(`${key}-unit`, `Select the unit for ${name}`)
    if (!count) errors.add(`${key}-count`, `Enter a number for ${name}`)
    else if (!/^\d{1,3}$/.test(count)) errors.add(`${key}-count`, `${label}: enter a whole number, like 10`)
    else if (Number(count) < minimum) errors.add(`${key}-count`, `${label} must be at least ${minimum}`)
    else if (units && Number(count) > units.maximum) errors.add(`${key}-count`, `${label} must be ${units.maximum} ${units.label} or fewer`)
    settings[key] = { unit: unit as Period['unit'], count: Number(count) }
  }
  const pepDayType = text(body, 'pepDayType')
  if (!Object.hasOwn(pepDayTypes, pepDayType)) errors.add('pepDayType', 'Select how the days to a first personal education plan are counted')
  settings.pepDayType = pepDayType as LocalChoices['pepDayType']
  return { errors, settings }
}

export async function registerLocalTimescalesRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  const settings = localPeriodSettings.map((s) => ({
    ...s, ruleName: timescaleRule(s.rule).name, defaultText: describePeriod(DEFAULT_LOCAL_TIMESCALES[s.key]),
  }))
  const page = (values: FormBody, errors = new FormErrors(), saved = false) => ({
    pageTitle: 'Local timescales', settings, units: settingUnits, pepDayTypes, saved, values, ...errors.forView(),
  })

  app.get(path, administrators, async (request, reply) => {
    const current = await localTimescales(db, request.user!.laCode)
    const values = Object.fromEntries([
      ...localPeriodSettings.flatMap(({ key }) => [[`${key}-count`, String(current[key].count)], [`${key}-unit`, current[key].unit]]),
      ['pepDayType', current.pepDayType],
    ])
    return reply.view(view, page(values, undefined, (request.query as Record<string, unknown>).saved === 'yes'))
  })

  app.post(path, administrators, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody
    const { errors, settings: chosen } = readSettings(body)
    if (errors.any) return reply.code(400).view(view, page(Object.fromEntries(Object.keys(body).map((k) => [k, text(body, k)])), errors))
    await saveLocalTimescales(db, request.user!, chosen)
    return reply.redirect(`${path}?saved=yes`, 303)
  })
}
