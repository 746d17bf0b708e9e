// Administration of the authority's settings that are data, not code: bank holidays and local timescales.
import type { FastifyInstance } from 'fastify'
import { allow } from '../access/policy.js'
import { audit } from '../audit/audit.js'
import { dateAnswer, FormErrors, text, type FormBody } from '../forms/form.js'
import { addNavigationItem } from '../http/navigation.js'
import { registerLocalTimescalesRoutes } from './local-timescales-routes.js'
import { addBankHoliday, holidayCalendar, removeBankHoliday } from '../working-days/holiday-store.js'
import { todayInEngland } from '../working-days/local-date.js'

const administrators = allow({ roles: ['administrator'] })
const view = 'platform/admin/views/bank-holidays.njk'

export async function registerAdminRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  addNavigationItem({ href: '/admin', text: 'Administration', roles: ['administrator'] })

  app.get('/admin', administrators, async (_request, reply) =>
    reply.view('platform/admin/views/index.njk', { pageTitle: 'Administration' }))
  await registerLocalTimescalesRoutes(app)

  const showHolidays = async (context: Record<string, unknown> = {}) => {
    const calendar = await holidayCalendar(db)
    const fromYear = `${todayInEngland().slice(0, 4)}-01-01`
    return { pageTitle: 'Bank holidays', holidays: calendar.holidays.filter((h) => h.date >= fromYear), values: {}, ...context }
  }

  app.get('/admin/bank-holidays', administrators, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>
    return reply.view(view, await showHolidays({ added: query.added, removed: query.removed }))
  })

  app.post('/admin/bank-holidays', administrators, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody
    const errors = new FormErrors()
    const date = dateAnswer(body, 'date', 'the date of the bank holiday', errors)
    const title = text(body, 'title')
    if (!title) errors.add('title', 'Enter the name of the bank holiday')
    else if (title.length > 100) errors.add('title', 'Name must be 100 characters or fewer')
    if (errors.any || !date.value) {
      return reply.code(400).view(view, await showHolidays({ ...errors.forView(), values: { date: date.raw, title } }))
    }
    await addBankHoliday(db, date.value, title)
    await audit(db, { laCode: request.user!.laCode, userId: request.user!.id, action: 'bank_holiday.added', detail: { date: date.value } })
    return reply.redirect(`/admin/bank-holidays?added=${date.value}`, 303)
  })

  app.post('/admin/bank-holidays/remove', administrators, async (request, reply) => {
    const date = text((request.body ?? {}) as FormBody, 'date')
    const calendar = await holidayCalendar(db)
    if (!calendar.holidays.some((h) => h.date === date)) return reply.redirect('/admin/bank-holidays', 303)
    await removeBankHoliday(db, date)
    await audit(db, { laCode: request.user!.laCode, userId: request.user!.id, action: 'bank_holiday.removed', detail: { date } })
    return reply.redirect(`/admin/bank-holidays?removed=${date}`, 303)
  })
}
