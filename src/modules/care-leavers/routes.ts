// The care-leavers module's pages: the leaving care team's list, the young person's care leaver record, and the
// forms for each step. Social workers and team managers use them; the young person's pages need a casework link.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { caseAccess, teamAccess } from './access.js'
import { dateAnswer, dateInputItems, FormErrors, text, type FormBody } from '../../platform/forms/form.js'
import { errorPage } from '../../platform/http/errors.js'
import { addNavigationItem } from '../../platform/http/navigation.js'
import { deadlineStatus } from '../../platform/timescales/engine.js'
import { todayInEngland } from '../../platform/working-days/local-date.js'
import { getChildSummary } from '../people/service.js'
import { careLeaverHref, careLeavers, isCareLeaver } from './care-leaver.js'
import { accommodationCodes, activityCodes, inTouchCodes } from './codes.js'
import { registerCasework } from './casework.js'
import { ageOn } from './dates.js'
import { statusNames } from './eligibility.js'
import { timescaleSettingsFor } from '../../platform/timescales/local-settings.js'
import { pages, type FormPage, type Read } from './pages.js'
import { leavingCareAge, youngPeople } from './repository.js'
import { careLeaverView } from './view-model.js'
import { newFormToken, postedFormToken } from '../looked-after/service.js'


const recordedMessages: Record<string, string> = Object.fromEntries(pages.map((p) => [p.recorded, `${p.title.replace(/^Record (a |an |the )?/, '').replace(/^./, (x) => x.toUpperCase())}: recorded`]))

type RawDates = Record<string, { day: string; month: string; year: string }>

export async function registerCareLeaversRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  registerCasework()
  addNavigationItem({ href: '/care-leavers', text: 'Care leavers', roles: ['social_worker', 'team_manager'] })

  app.get('/care-leavers', teamAccess, async (request, reply) => {
    const today = todayInEngland()
    const all = (await careLeavers(db, await leavingCareAge(db, request.user!.laCode, today), today, await timescaleSettingsFor(db, request.user!.laCode))).filter(isCareLeaver)
    const rows = all.map((c) => ({
      name: c.person.restricted ? 'Restricted record' : `${c.person.first_name} ${c.person.last_name}`, restricted: c.person.restricted,
      href: careLeaverHref(c.person.id), age: ageOn(c.person.date_of_birth, today), status: statusNames[c.eligibility.status],
      next: c.due[0] ? { ...c.due[0], status: deadlineStatus(c.due[0].due, today) } : null, dueCount: c.due.length,
    })).sort((a, b) => (a.next?.due ?? '9999') < (b.next?.due ?? '9999') ? -1 : 1)
    return reply.view('modules/care-leavers/views/list.njk', { pageTitle: 'Care leavers', rows })
  })

  app.get('/care-leavers/codes', teamAccess, async (_request, reply) => reply.view('modules/care-leavers/views/codes.njk', {
    pageTitle: 'In touch, activity and accommodation codes',
    lists: [
      { id: 'in-touch', title: 'In touch (IN_TOUCH)', codes: inTouchCodes },
      { id: 'activity', title: 'Main activity (ACTIV)', codes: activityCodes },
      { id: 'accommodation', title: 'Accommodation (ACCOM)', codes: accommodationCodes },
    ],
  }))

  app.get('/children/:childId/care-leaver', caseAccess, async (request, reply) => {
    const { childId } = request.params as { childId: string }
    const today = todayInEngland()
    const people = await youngPeople(db, request.user!.laCode, [childId])
    if (people.length === 0) return errorPage(reply, 404)
    const [c] = await careLeavers(db, people, today, await timescaleSettingsFor(db, request.user!.laCode))
    const recorded = (request.query as Record<string, unknown>).recorded
    return reply.view('modules/care-leavers/views/care-leaver.njk', {
      pageTitle: `Leaving care: ${people[0]!.first_name} ${people[0]!.last_name}`, childName: `${people[0]!.first_name} ${people[0]!.last_name}`,
      cl: careLeaverView(c!, today), recordedMessage: typeof recorded === 'string' ? recordedMessages[recorded] : undefined,
    })
  })

  /** GET shows the blank form; POST reads it, asks the service, then redirects or shows the errors with the answers kept. */
  function formRoutes(page: FormPage) {
    const path = `/children/:childId/care-leaver/${page.path}`
    const show = async (request: FastifyRequest, reply: FastifyReply, formToken: string, values: Record<string, string>, raw: RawDates, errors?: FormErrors) => {
      const { childId } = request.params as { childId: string }
      const summary = await getChildSummary(db, request.user!.laCode, childId)
      if (!summary) return errorPage(reply, 404)
      const fieldErrors = errors?.fields ?? {}
      const fields = page.fields.map((f) => {
        const dateKeys = [`${f.name}-day`, `${f.name}-month`, `${f.name}-year`]
        return {
          ...f, value: values[f.name] ?? '', error: f.kind === 'date' ? dateKeys.map((k) => fieldErrors[k]).find(Boolean) : fieldErrors[f.name],
          dateItems: f.kind === 'date' ? dateInputItems(raw[f.name], dateKeys.some((k) => k in fieldErrors)) : undefined,
        }
      })
      return reply.code(errors?.any ? 400 : 200).view('modules/care-leavers/views/form.njk', {
        pageTitle: page.title, page, fields, formToken, childName: summary.name, backHref: careLeaverHref(childId), mainError: fieldErrors['main-form'],
        ...(errors ? errors.forView() : { errors: [], fieldErrors: {} }),
      })
    }
    app.get(path, caseAccess, async (request, reply) => {
      const age = (request.query as Record<string, unknown>).age
      return show(request, reply, newFormToken(), typeof age === 'string' ? { age } : {}, {})
    })
    app.post(path, caseAccess, async (request, reply) => {
      const body = request.body as FormBody
      const token = postedFormToken(text(body, 'formToken'))
      if (!token) return errorPage(reply, 400)
      const errors = new FormErrors()
      const read: Read = { values: {}, dates: {} }
      const raw: RawDates = {}
      for (const f of page.fields) {
        if (f.kind === 'date') {
          const answer = dateAnswer(body, f.name, 'the date', errors, { required: !f.optional })
          read.dates[f.name] = answer.value
          raw[f.name] = answer.raw
        } else read.values[f.name] = text(body, f.name).slice(0, 500)
      }
      const { childId } = request.params as { childId: string }
      const result = await page.submit(db, request.user!, childId, read, todayInEngland(), { token, formHasErrors: errors.any })
      if (result.outcome === 'done') return reply.redirect(`${careLeaverHref(childId)}?recorded=${page.recorded}`, 303)
      for (const [field, message] of Object.entries(result.errors)) errors.add(field, message)
      if (!errors.any) errors.add('main-form', 'Check the answers')
      return show(request, reply, token, read.values, raw, errors)
    })
  }
  for (const page of pages) formRoutes(page)
}
