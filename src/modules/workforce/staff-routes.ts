// Workforce records pages: staff (add, change), vacancies (add, filled) and the census figures at 30 September.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { allow } from '../../platform/access/policy.js'
import { text, type FormBody } from '../../platform/forms/form.js'
import { addNavigationItem } from '../../platform/http/navigation.js'
import { todayInEngland } from '../../platform/working-days/local-date.js'
import { ethnicities } from '../people/service.js'
import { censusDate, censusFigures, censusRates } from './census.js'
import { answersFrom, earlyCareerYears, employments, linkableAccounts, saveStaff, staffList, staffMember, staffRoles, type StaffAnswers } from './staff.js'
import { addVacancy, fillVacancy, vacancyList } from './vacancies.js'

const recordsAccess = allow({ roles: ['administrator', 'team_manager'] })
const views = 'modules/workforce/views/staff'
const blankDate = { day: '', month: '', year: '' }

export async function registerStaffRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  addNavigationItem({ href: '/workforce', text: 'Workforce', roles: ['administrator', 'team_manager'] })

  app.get('/workforce', recordsAccess, async (request, reply) => {
    const saved = (request.query as Record<string, string | undefined>).saved
    return reply.view(`${views}/list.njk`, { pageTitle: 'Workforce', staff: await staffList(db, request.user!.laCode), roles: staffRoles, saved })
  })

  const formPage = async (laCode: string, id: string | null, values: StaffAnswers | Record<string, unknown>, context: Record<string, unknown> = {}) => ({
    pageTitle: id ? 'Change a staff record' : 'Add a social worker', id, values,
    accounts: await linkableAccounts(db, laCode, id), teams: await db.selectFrom('teams').where('la_code', '=', laCode).select(['id', 'name']).orderBy('name').execute(),
    roles: staffRoles, employments, earlyCareerYears, ethnicities, ...context,
  })

  app.get('/workforce/staff/new', recordsAccess, async (request, reply) =>
    reply.view(`${views}/form.njk`, await formPage(request.user!.laCode, null, { startedOn: blankDate, leftOn: blankDate, earlyCareerYear: '' })))

  app.get('/workforce/staff/:id', recordsAccess, async (request, reply) => {
    const { id } = request.params as { id: string }
    const member = await staffMember(db, request.user!.laCode, id)
    if (!member) return reply.callNotFound()
    return reply.view(`${views}/form.njk`, await formPage(request.user!.laCode, id, answersFrom(member)))
  })

  const save = (id: (params: unknown) => string | null) => async (request: FastifyRequest, reply: FastifyReply) => {
    const staffId = id(request.params)
    const result = await saveStaff(db, request.user!, staffId, (request.body ?? {}) as FormBody)
    if (result.outcome === 'not-found') return reply.callNotFound()
    if (result.outcome === 'invalid') return reply.code(400).view(`${views}/form.njk`, await formPage(request.user!.laCode, staffId, result.values, result.errors.forView()))
    return reply.redirect(`/workforce?saved=${result.id}`, 303)
  }
  app.post('/workforce/staff/new', recordsAccess, save(() => null))
  app.post('/workforce/staff/:id', recordsAccess, save((params) => (params as { id: string }).id))

  const vacanciesPage = async (laCode: string, context: Record<string, unknown> = {}) => ({
    pageTitle: 'Vacancies', vacancies: await vacancyList(db, laCode),
    teams: await db.selectFrom('teams').where('la_code', '=', laCode).select(['id', 'name']).orderBy('name').execute(),
    values: { openSince: blankDate }, ...context,
  })
  app.get('/workforce/vacancies', recordsAccess, async (request, reply) => reply.view(`${views}/vacancies.njk`, await vacanciesPage(request.user!.laCode)))
  app.post('/workforce/vacancies', recordsAccess, async (request, reply) => {
    const result = await addVacancy(db, request.user!, (request.body ?? {}) as FormBody)
    if (result.outcome === 'invalid') return reply.code(400).view(`${views}/vacancies.njk`, await vacanciesPage(request.user!.laCode, { values: result.values, ...result.errors.forView() }))
    return reply.redirect('/workforce/vacancies', 303)
  })

  app.get('/workforce/vacancies/:id/filled', recordsAccess, async (request, reply) =>
    reply.view(`${views}/vacancy-filled.njk`, { pageTitle: 'Vacancy filled', id: (request.params as { id: string }).id, values: { filledOn: blankDate } }))
  app.post('/workforce/vacancies/:id/filled', recordsAccess, async (request, reply) => {
    const { id } = request.params as { id: string }
    const result = await fillVacancy(db, request.user!, id, (request.body ?? {}) as FormBody)
    if (result.outcome === 'not-found') return reply.callNotFound()
    if (result.outcome === 'invalid') return reply.code(400).view(`${views}/vacancy-filled.njk`, { pageTitle: 'Vacancy filled', id, values: result.values, ...result.errors.forView() })
    return reply.redirect('/workforce/vacancies', 303)
  })

  app.get('/workforce/census', recordsAccess, async (request, reply) => {
    const today = todayInEngland()
    const latest = today.slice(5) >= '09-30' ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1
    const asked = text(request.query as FormBody, 'year')
    const year = /^[0-9]{4}$/.test(asked) && Number(asked) <= latest && Number(asked) >= latest - 9 ? Number(asked) : latest
    const on = censusDate(year)
    const figures = (await censusFigures(db, [request.user!.laCode], on)).get(request.user!.laCode) ?? null
    return reply.view(`${views}/census.njk`, {
      pageTitle: 'Workforce census', on, year, years: Array.from({ length: 5 }, (_, i) => latest - i), figures, rates: figures ? censusRates(figures) : null,
    })
  })
}
