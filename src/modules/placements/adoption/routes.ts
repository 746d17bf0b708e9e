// The prospective adopters' pages, for placement officers and team managers: the list, adding a household with its
// adopters, recording the recruitment stages (or leaving the process) and matching approved adopters with a child.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { allow } from '../../../platform/access/policy.js'
import { dateAnswer, dateInputItems, FormErrors, text, type DateAnswer, type FormBody } from '../../../platform/forms/form.js'
import { errorPage } from '../../../platform/http/errors.js'
import { addNavigationItem } from '../../../platform/http/navigation.js'
import { todayInEngland } from '../../../platform/working-days/local-date.js'
import { childrenAwaitingAdopters, newFormToken, postedFormToken } from '../../looked-after/service.js'
import { ethnicities } from '../../people/service.js'
import { adopterDisabilities, adopterGenders, adopterLegalStatuses, adopterSexes, leavingReasons, recruitmentStages } from './codes.js'
import { addHousehold, updateProgress, type AdopterAnswers, type FieldErrors, type ProgressAnswers } from './households.js'
import { matchChild } from './matching.js'
import { householdOf, householdsOf } from './read.js'
import { householdPage } from './household-page.js'

const adoptionTeam = allow({ roles: ['placement_officer', 'team_manager'] })
const adoptersHref = '/adopters'
const view = (name: string) => `modules/placements/adoption/views/${name}.njk`
const adopterFields = ['firstName', 'lastName', 'sex', 'gender', 'ethnicity', 'disability'] as const
const choices = { legalStatuses: adopterLegalStatuses, sexes: adopterSexes, genders: adopterGenders, disabilities: adopterDisabilities, ethnicities, leavingReasons }

function withErrors(errors: FormErrors, problems: FieldErrors): FormErrors {
  for (const [field, message] of Object.entries(problems)) errors.add(field, message)
  return errors
}

const readAdopter = (body: FormBody, n: number): AdopterAnswers =>
  Object.fromEntries(adopterFields.map((f) => [f, text(body, `adopter${n}-${f}`)])) as unknown as AdopterAnswers

export async function registerAdoptionPages(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  addNavigationItem({ href: adoptersHref, text: 'Adopters', roles: ['placement_officer', 'team_manager'] })

  app.get(adoptersHref, adoptionTeam, async (request, reply) => {
    const households = await householdsOf(db, request.user!.laCode)
    return reply.view(view('list'), { pageTitle: 'Prospective adopters', households, stageOf })
  })

  const newPage = (values: FormBody, dates: Record<string, DateAnswer['raw']>, errors = new FormErrors()) => ({
    pageTitle: 'Add prospective adopters', values, backHref: adoptersHref, ...choices, ...errors.forView(),
    dateItems: { enquiryReceived: dateInputItems(dates.enquiryReceived, Boolean(errors.fields['enquiryReceived-day'] ?? errors.fields['enquiryReceived-month'] ?? errors.fields['enquiryReceived-year'])) },
  })

  app.get(`${adoptersHref}/new`, adoptionTeam, async (_request, reply) => reply.view(view('new'), newPage({}, {})))

  app.post(`${adoptersHref}/new`, adoptionTeam, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody
    const errors = new FormErrors()
    const enquiry = dateAnswer(body, 'enquiryReceived', 'the date the enquiry was received', errors)
    const second = adopterFields.some((f) => text(body, `adopter2-${f}`) !== '')
    const answers = {
      legalStatus: text(body, 'legalStatus'), fosteringForAdoption: text(body, 'fosteringForAdoption'), enquiryReceived: enquiry.value,
      adopters: second ? [readAdopter(body, 1), readAdopter(body, 2)] : [readAdopter(body, 1)],
    }
    const outcome = await addHousehold(db, request.user!, answers, todayInEngland())
    if ('id' in outcome && !errors.any) return reply.redirect(`${adoptersHref}/${outcome.id}?added=true`, 303)
    return reply.code(400).view(view('new'), newPage(body, { enquiryReceived: enquiry.raw }, withErrors(errors, 'errors' in outcome ? outcome.errors : {})))
  })

  const household = async (request: FastifyRequest, reply: FastifyReply) => {
    const found = await householdOf(db, request.user!.laCode, (request.params as { id: string }).id)
    if (!found) await errorPage(reply, 404)
    return found
  }

  app.get(`${adoptersHref}/:id`, adoptionTeam, async (request, reply) => {
    const found = await household(request, reply)
    if (!found) return reply
    const query = request.query as Record<string, string | undefined>
    return reply.view(view('household'), { ...await householdPage(db, request.user!.laCode, found), added: query.added === 'true', updated: query.updated, backHref: adoptersHref })
  })

  const stageFields = [...recruitmentStages.slice(1).map((s) => s.field), 'leftOn']
  const progressPage = (h: NonNullable<Awaited<ReturnType<typeof householdOf>>>, values: FormBody, dates: Record<string, DateAnswer['raw'] | undefined>, errors = new FormErrors()) => ({
    pageTitle: 'Recruitment stages', caption: h.names, household: h, values, stages: recruitmentStages.slice(1), leavingReasons, backHref: `${adoptersHref}/${h.id}`,
    ...errors.forView(),
    dateItems: Object.fromEntries(stageFields.map((f) => [f, dateInputItems(dates[f], Boolean(errors.fields[`${f}-day`] ?? errors.fields[`${f}-month`] ?? errors.fields[`${f}-year`]))])),
  })

  app.get(`${adoptersHref}/:id/progress`, adoptionTeam, async (request, reply) => {
    const found = await household(request, reply)
    if (!found) return reply
    const raw = (date: string | null) => (date ? { day: String(Number(date.slice(8))), month: String(Number(date.slice(5, 7))), year: date.slice(0, 4) } : undefined)
    const dates = Object.fromEntries([...recruitmentStages.slice(1).map((s) => [s.field, raw(found[s.column])]), ['leftOn', raw(found.left_on)]])
    return reply.view(view('progress'), progressPage(found, { leftReason: found.left_reason ?? '' }, dates))
  })

  app.post(`${adoptersHref}/:id/progress`, adoptionTeam, async (request, reply) => {
    const found = await household(request, reply)
    if (!found) return reply
    const body = (request.body ?? {}) as FormBody
    const errors = new FormErrors()
    const read = Object.fromEntries([...recruitmentStages.slice(1).map((s) => [s.field, dateAnswer(body, s.field, `the date ${s.label.toLowerCase()}`, errors, { required: false })]),
      ['leftOn', dateAnswer(body, 'leftOn', 'the date the adopters left the process', errors, { required: false })]]) as Record<string, DateAnswer>
    const answers = {
      ...Object.fromEntries(recruitmentStages.slice(1).map((s) => [s.column, read[s.field]!.value])), leftOn: read.leftOn!.value, leftReason: text(body, 'leftReason'),
    } as ProgressAnswers
    const problems = errors.any ? {} : await updateProgress(db, request.user!, found.id, answers, todayInEngland())
    if (problems === 'not-found') return errorPage(reply, 404)
    if (!errors.any && Object.keys(problems).length === 0) return reply.redirect(`${adoptersHref}/${found.id}?updated=progress`, 303)
    return reply.code(400).view(view('progress'), progressPage(found, body, Object.fromEntries(Object.entries(read).map(([f, d]) => [f, d.raw])), withErrors(errors, problems)))
  })

  const matchPage = async (request: FastifyRequest, h: NonNullable<Awaited<ReturnType<typeof householdOf>>>, values: FormBody, date?: DateAnswer['raw'], errors = new FormErrors()) => ({
    pageTitle: 'Match with a child', caption: h.names, household: h, values, formToken: values.formToken ?? newFormToken(),
    children: await childrenAwaitingAdopters(db, request.user!.laCode), backHref: `${adoptersHref}/${h.id}`, ...errors.forView(),
    dateItems: { date: dateInputItems(date, Boolean(errors.fields['date-day'] ?? errors.fields['date-month'] ?? errors.fields['date-year'])) },
  })

  app.get(`${adoptersHref}/:id/match`, adoptionTeam, async (request, reply) => {
    const found = await household(request, reply)
    if (!found) return reply
    return reply.view(view('match'), await matchPage(request, found, {}))
  })

  app.post(`${adoptersHref}/:id/match`, adoptionTeam, async (request, reply) => {
    const found = await household(request, reply)
    if (!found) return reply
    const body = (request.body ?? {}) as FormBody
    const token = postedFormToken(text(body, 'formToken'))
    if (!token) return errorPage(reply, 400)
    const errors = new FormErrors()
    const date = dateAnswer(body, 'date', 'the date of the match', errors)
    const outcome = await matchChild(db, request.user!, found, { childId: text(body, 'childId'), date: date.value }, todayInEngland(), { token, formHasErrors: errors.any })
    if (outcome.outcome === 'done') return reply.redirect(`${adoptersHref}/${found.id}?updated=match`, 303)
    // The child's adoption record speaks of its milestones and of the child: here both are about the child chosen.
    const problems = outcome.outcome === 'invalid' ? Object.fromEntries(Object.entries(outcome.errors).map(([f, m]) => [f === 'milestone' || f === 'main-form' ? 'childId' : f, m])) : { childId: 'This child’s record was not found' }
    return reply.code(400).view(view('match'), await matchPage(request, found, body, date.raw, withErrors(errors, problems)))
  })
}

/** Where the household is now: the last stage recorded, or that it left the process. */
function stageOf(h: { left_on: string | null; left_reason: string | null } & Record<string, unknown>): string {
  if (h.left_on) return `Left: ${leavingReasons.find((r) => r.code === h.left_reason)?.label.toLowerCase() ?? ''}`
  return [...recruitmentStages].reverse().find((s) => h[s.column])?.label ?? 'Enquiry received'
}
