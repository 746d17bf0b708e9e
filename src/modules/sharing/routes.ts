// The sharing module's pages: information sharing decisions on a child, and the authority's report.
// Record linkage (./linkage) is batch work for `kindred link`.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { allow, caseworkLinks } from '../../platform/access/policy.js'
import { caseworkRoles, partnerRoles } from '../../platform/auth/roles.js'
import { addChildPageSection } from '../../platform/casework/child-page-sections.js'
import { dateAnswer, FormErrors, type FormBody } from '../../platform/forms/form.js'
import { toCsv } from '../../platform/http/csv.js'
import { addNavigationItem } from '../../platform/http/navigation.js'
import { addDays, todayInEngland } from '../../platform/working-days/local-date.js'
import { decisions, directions, lawfulBases } from './codes.js'
import { recordSharingDecision, sharingDecisionsForChild, sharingReport } from './service.js'
import { registerMultiAgencyTeamRoutes } from './multi-agency-team-routes.js'
import { registerMergeRoutes } from './merge/routes.js'
import { markChildSeen, whatsChanged } from './whats-changed.js'
import { childrenWithoutNhsNumber } from './tracing.js'

const childAccess = allow({
  roles: [...caseworkRoles, ...partnerRoles],
  child: { param: 'childId', links: caseworkLinks, purpose: 'information sharing decision' },
})
const reportAccess = allow({ roles: ['team_manager', 'performance_analyst', 'administrator'] })
const codes = { directions, decisions, lawfulBases }
const decisionsView = 'modules/sharing/views/child-decisions.njk'

export async function registerSharingRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  await registerMultiAgencyTeamRoutes(app)
  await registerMergeRoutes(app)
  addNavigationItem({ href: '/information-sharing', text: 'Information sharing', roles: ['team_manager', 'performance_analyst', 'administrator'] })
  addChildPageSection({
    id: 'information-sharing', order: 400, template: 'modules/sharing/views/section.njk',
    load: async (sectionDb, childId, user) => ({ decisions: (await sharingDecisionsForChild(sectionDb, user.laCode, childId)).slice(0, 3), codes }),
  })

  // Opening the child's page counts as having looked: the section shows what was new, then marks it seen.
  addChildPageSection({
    id: 'whats-changed', order: 5, template: 'modules/sharing/views/changed-section.njk', forPartners: true,
    load: async (sectionDb, childId, user) => {
      const changed = (await whatsChanged(sectionDb, user)).find((c) => c.childId === childId)
      await markChildSeen(sectionDb, user, childId)
      return changed ? { events: changed.events } : null
    },
  })
  addNavigationItem({ href: '/whats-changed', text: 'What’s changed', roles: [...caseworkRoles, ...partnerRoles] })
  app.get('/whats-changed', allow({ roles: [...caseworkRoles, ...partnerRoles] }), async (request, reply) =>
    reply.view('modules/sharing/views/whats-changed.njk', { pageTitle: 'What’s changed', children: await whatsChanged(db, request.user!) }))

  const tracingAccess = allow({ roles: ['front_door', 'team_manager', 'administrator'] })
  addNavigationItem({ href: '/tracing', text: 'NHS number tracing', roles: ['front_door', 'team_manager', 'administrator'] })
  app.get('/tracing', tracingAccess, async (request, reply) =>
    reply.view('modules/sharing/views/tracing.njk', { pageTitle: 'Children without an NHS number', children: await childrenWithoutNhsNumber(db, request.user!.laCode) }))
  app.get('/tracing.csv', tracingAccess, async (request, reply) => {
    const rows = await childrenWithoutNhsNumber(db, request.user!.laCode)
    const csv = toCsv(['LA child ID', 'First name', 'Last name', 'Date of birth', 'Sex', 'Postcode'],
      rows.map((r) => [r.la_child_id, r.first_name, r.last_name, r.date_of_birth ?? r.expected_date_of_birth, r.sex, r.postcode]))
    return reply.type('text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="children-to-trace.csv"').send(csv)
  })

  const page = async (laCode: string, childId: string, context: Record<string, unknown>) => ({
    pageTitle: 'Information sharing decisions', childId, codes,
    decisions: await sharingDecisionsForChild(db, laCode, childId),
    formToken: randomUUID(), values: {}, ...context,
  })

  app.get('/children/:childId/information-sharing', childAccess, async (request, reply) => {
    const { childId } = request.params as { childId: string }
    return reply.view(decisionsView, await page(request.user!.laCode, childId, { recorded: (request.query as Record<string, string>).recorded === 'true' }))
  })

  app.post('/children/:childId/information-sharing', childAccess, async (request, reply) => {
    const { childId } = request.params as { childId: string }
    const result = await recordSharingDecision(db, request.user!, childId, (request.body ?? {}) as FormBody)
    if (result.outcome === 'invalid') {
      return reply.code(400).view(decisionsView, await page(request.user!.laCode, childId, {
        ...result.errors.forView(), values: result.answers, formToken: result.answers.formToken || randomUUID(),
      }))
    }
    return reply.redirect(`/children/${childId}/information-sharing?recorded=true`, 303)
  })

  const reportPeriod = (query: FormBody) => {
    const errors = new FormErrors()
    const from = dateAnswer(query, 'from', 'the start date', errors, { required: false })
    const to = dateAnswer(query, 'to', 'the end date', errors, { required: false })
    const today = todayInEngland()
    const period = { from: from.value ?? addDays(today, -90), to: to.value ?? today }
    if (!errors.any && period.from > period.to) errors.add('from-day', 'The start date must be the same as or before the end date')
    return { errors, period, raw: { from: from.raw, to: to.raw } }
  }

  app.get('/information-sharing', reportAccess, async (request, reply) => {
    const { errors, period, raw } = reportPeriod(request.query as FormBody)
    const rows = errors.any ? [] : await sharingReport(db, request.user!.laCode, period.from, period.to)
    const count = (key: 'decision' | 'lawful_basis', value: string) => rows.filter((r) => r[key] === value).length
    return reply.code(errors.any ? 400 : 200).view('modules/sharing/views/report.njk', {
      pageTitle: 'Information sharing decisions', rows, period, values: raw, codes, ...errors.forView(),
      byDecision: Object.entries(decisions).map(([code, label]) => ({ label, count: count('decision', code) })),
      byBasis: Object.entries(lawfulBases).map(([code, label]) => ({ label, count: count('lawful_basis', code) })).filter((b) => b.count > 0),
      csvQuery: new URLSearchParams(request.query as Record<string, string>).toString(),
    })
  })

  app.get('/information-sharing.csv', reportAccess, async (request, reply) => {
    const { errors, period } = reportPeriod(request.query as FormBody)
    if (errors.any) return reply.redirect('/information-sharing', 303)
    const rows = await sharingReport(db, request.user!.laCode, period.from, period.to)
    const csv = toCsv(['Date', 'Child', 'Request or offer', 'Other organisation', 'Decision', 'Lawful basis', 'Reason', 'Decided by'],
      rows.map((r) => [r.decided_on, r.child_name, directions[r.direction as keyof typeof directions], r.other_agency,
        decisions[r.decision as keyof typeof decisions], lawfulBases[r.lawful_basis as keyof typeof lawfulBases], r.reason, r.decided_by_name]))
    return reply.type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="information-sharing-${period.from}-to-${period.to}.csv"`).send(csv)
  })
}
