// The people module's pages: finding a child, the child's page, and (from child-routes.ts and
// network-routes.ts) recording children, the people around them and their addresses.
import type { FastifyInstance } from 'fastify'
import { allow } from '../../platform/access/policy.js'
import { audit } from '../../platform/audit/audit.js'
import { caseworkRoles } from '../../platform/auth/roles.js'
import { childPageSections } from '../../platform/casework/child-page-sections.js'
import { deadlinesFor } from '../../platform/casework/deadlines.js'
import { roleMayOpen } from '../../platform/access/role-may-open.js'
import { errorPage } from '../../platform/http/errors.js'
import { addNavigationItem } from '../../platform/http/navigation.js'
import { formatNhsNumber } from '../../platform/identifiers/nhs-number.js'
import { daysBetween, todayInEngland } from '../../platform/working-days/local-date.js'
import { registerChildRoutes, viewChildAccess } from './child-routes.js'
import { disabilities, ethnicities, labelFor, noDisability, sexes, upnUnknownReasons } from './codes.js'
import { ecomapSvg } from './diagrams/ecomap.js'
import { genogramSvg } from './diagrams/genogram.js'
import { recordedMessage } from './messages.js'
import { keyPeople } from './network.js'
import { registerNetworkRoutes } from './network-routes.js'
import { searchCriteria } from './search-query.js'
import { resultLimit } from './search.js'
import { familyNetwork, getChildRecord, getChildSummary, searchChildren } from './service.js'

const searchAccess = allow({ roles: caseworkRoles })

export async function registerPeopleRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  addNavigationItem({ href: '/children', text: 'Find a child', roles: caseworkRoles })

  app.get('/children', searchAccess, async (request, reply) => {
    const user = request.user!
    const q = String((request.query as Record<string, unknown>).q ?? '').trim()
    if (!q) return reply.view('modules/people/views/search.njk', { pageTitle: 'Find a child', q, searched: false, canCreate: true })
    const { query, results } = await searchChildren(db, user, q)
    const criteria = searchCriteria(query)
    // The audit records that a search happened and what kinds of thing it used, never the terms.
    await audit(db, { laCode: user.laCode, userId: user.id, action: 'child.searched', purpose: 'finding a child', detail: { criteria, results: results.length } })
    if (criteria.length === 0) {
      return reply.code(400).view('modules/people/views/search.njk', {
        pageTitle: 'Find a child', q, searched: false, canCreate: true,
        queryError: 'Enter a name, date of birth, NHS number, postcode or LA child ID', errors: [{ text: 'Enter a name, date of birth, NHS number, postcode or LA child ID', href: '#q' }],
      })
    }
    return reply.view('modules/people/views/search.njk', { pageTitle: `Find a child: ${results.length} found`, q, searched: true, results, resultLimit, canCreate: true })
  })

  app.get('/children/:childId', viewChildAccess, async (request, reply) => {
    const user = request.user!
    const { childId } = request.params as { childId: string }
    const today = todayInEngland()
    const [child, summary, network] = await Promise.all([
      getChildRecord(db, user.laCode, childId),
      getChildSummary(db, user.laCode, childId),
      familyNetwork(db, user.laCode, childId, user.id),
    ])
    if (!child || !summary || !network) return errorPage(reply, 404)
    const sections = (await Promise.all(childPageSections(user.role).map(async (s) => ({ id: s.id, template: s.template, data: await s.load(db, childId, user) }))))
      .filter((s) => s.data !== null)
    const deadlines = (await deadlinesFor(db, [childId], today)).map((d) => {
      const days = daysBetween(today, d.due)
      const status = days < 0 ? `${-days} ${days === -1 ? 'day' : 'days'} overdue` : days === 0 ? 'Due today' : `${days} ${days === 1 ? 'day' : 'days'} left`
      // A deadline links to the page that meets it only for roles that may open that page.
      return { ...d, href: roleMayOpen(app.routeAccess, user.role, d.href) ? d.href : null, overdue: days < 0, status }
    })
    const { details } = child
    const alerts = [
      child.restricted && { tag: 'Restricted', classes: 'govuk-tag--red', text: 'Only the people named on this record can find or see it.' },
      !details.dateOfBirth && { tag: 'Unborn', classes: 'govuk-tag--purple', text: 'This is an unborn baby. Record the date of birth when the baby is born.' },
      !details.nhsNumber && { tag: 'No NHS number', classes: 'govuk-tag--yellow', text: 'Ask the child’s GP or health visitor for it.' },
    ].filter(Boolean)
    return reply.view('modules/people/views/child.njk', {
      pageTitle: `${details.firstName} ${details.lastName}`,
      child, summary, alerts, sections, deadlines, network,
      keyPeople: keyPeople(network),
      genogram: genogramSvg(network),
      ecomap: ecomapSvg(network),
      canChange: caseworkRoles.includes(user.role),
      recordedMessage: recordedMessage(request.query),
      labels: {
        sex: labelFor(sexes, details.sex),
        ethnicity: labelFor(ethnicities, details.ethnicity),
        disabilities: details.disabilities.map((d) => (d === noDisability ? 'No disability' : labelFor(disabilities, d))).join(', '),
        upnUnknownReason: labelFor(upnUnknownReasons, details.upnUnknownReason),
        nhsNumber: details.nhsNumber ? formatNhsNumber(details.nhsNumber) : null,
      },
    })
  })

  await registerChildRoutes(app)
  await registerNetworkRoutes(app)
}
