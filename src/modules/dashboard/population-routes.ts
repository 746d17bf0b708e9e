// The authority's population figures an administrator sets for the dashboard: children aged 0 to 17 (what rates
// per 10,000 divide by) and the Census 2021 share of residents from ethnic minority backgrounds (the comparator
// beside the share of its social workers).
import type { FastifyInstance } from 'fastify'
import { allow } from '../../platform/access/policy.js'
import { audit } from '../../platform/audit/audit.js'
import type { SessionUser } from '../../platform/auth/session.js'
import { FormErrors, text, type FormBody } from '../../platform/forms/form.js'

const adminAccess = allow({ roles: ['administrator'] })
const view = 'modules/dashboard/views/population.njk'

export async function registerPopulationRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database

  const populationView = async (user: SessionUser, context: Record<string, unknown> = {}) => {
    const authority = await db.selectFrom('local_authorities').where('code', '=', user.laCode).select(['name', 'population_0_17', 'ethnic_minority_percent']).executeTakeFirstOrThrow()
    return {
      pageTitle: 'Population', authority,
      values: { population: authority.population_0_17 ?? '', ethnicMinorityPercent: authority.ethnic_minority_percent === null ? '' : String(Number(authority.ethnic_minority_percent)) },
      ...context,
    }
  }
  app.get('/dashboard/population', adminAccess, async (request, reply) => {
    const saved = (request.query as Record<string, string | undefined>).saved
    return reply.view(view, await populationView(request.user!, { saved }))
  })
  app.post('/dashboard/population', adminAccess, async (request, reply) => {
    const user = request.user!
    const body = (request.body ?? {}) as FormBody
    const population = text(body, 'population').replace(/,/g, '')
    const ethnicMinorityPercent = text(body, 'ethnicMinorityPercent').replace(/%$/, '').trim()
    const errors = new FormErrors()
    if (!population) errors.add('population', 'Enter the number of children aged 0 to 17 in the authority')
    else if (!/^[0-9]{1,8}$/.test(population) || Number(population) < 1) errors.add('population', 'Population must be a whole number, like 355390')
    // Optional: an authority without the figure simply has no comparator.
    if (ethnicMinorityPercent && (!/^[0-9]{1,3}(\.[0-9])?$/.test(ethnicMinorityPercent) || Number(ethnicMinorityPercent) > 100)) {
      errors.add('ethnicMinorityPercent', 'The share must be a percentage from 0 to 100, with up to one decimal place, like 18.3')
    }
    if (errors.any) return reply.code(400).view(view, await populationView(user, { ...errors.forView(), values: { population, ethnicMinorityPercent } }))
    const figures = { population_0_17: Number(population), ethnic_minority_percent: ethnicMinorityPercent ? Number(ethnicMinorityPercent) : null }
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('local_authorities').set(figures).where('code', '=', user.laCode).execute()
      await audit(trx, { laCode: user.laCode, userId: user.id, action: 'population.changed', detail: { population: figures.population_0_17, ethnicMinorityPercent: figures.ethnic_minority_percent } })
    })
    return reply.redirect('/dashboard/population?saved=1', 303)
  })
}
