// Creating a child (on their own, or as a sibling of a child already recorded), and changing their details.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { allow, caseworkLinks } from '../../platform/access/policy.js'
import { caseworkRoles, partnerRoles } from '../../platform/auth/roles.js'
import { list, text, type FormBody, type FormErrors } from '../../platform/forms/form.js'
import { errorPage } from '../../platform/http/errors.js'
import { todayInEngland } from '../../platform/working-days/local-date.js'
import type { FormValues } from './answers.js'
import { childFormFromRecord, readChildForm } from './child-form.js'
import { duplicatesView } from './duplicates.js'
import { familyNetwork, type NetworkMember } from './network.js'
import { isUuid, personIdByToken } from './repository.js'
import { siblingTypes } from './relationship-types.js'
import { createChild, getChildRecord, getChildSummary, updateChild, findLikelyMatches, type SiblingOf } from './service.js'
import { childFormItems, siblingTypeItems, withDateItems } from './view-models.js'

const childRoute = { param: 'childId', links: caseworkLinks, purpose: 'casework' }
export const viewChildAccess = allow({ roles: [...caseworkRoles, ...partnerRoles], child: childRoute })
export const changeChildAccess = allow({ roles: caseworkRoles, child: childRoute })
const createAccess = allow({ roles: caseworkRoles })

const formView = 'modules/people/views/child-form.njk'

interface SiblingContext {
  id: string
  name: string
  addressArea: string | null
  members: NetworkMember[]
}

/** Family members a new sibling probably shares: everyone but the child's own children, friends, partners and professionals. */
const sharedByDefault = (m: NetworkMember) => !['friend', 'professional', 'partner'].includes(m.group)

interface FormPage {
  status?: number
  pageTitle: string
  action: string
  backHref: string
  form: FormValues
  errors?: FormErrors
  editing?: boolean
  siblingOf?: SiblingContext
}

function renderForm(reply: FastifyReply, page: FormPage): FastifyReply {
  const fieldErrors = page.errors?.fields ?? {}
  return reply.code(page.status ?? 200).view(formView, {
    ...page,
    form: withDateItems(page.form, fieldErrors),
    ...(page.errors ? page.errors.forView() : { errors: [], fieldErrors: {} }),
    ...childFormItems(page.form, todayInEngland()),
    siblingTypes: siblingTypeItems(page.form.values.siblingType),
    withAddress: !page.editing,
    submitText: page.editing ? 'Save changes' : 'Continue',
  })
}

const blankForm = (values: Record<string, string | string[]> = {}): FormValues => ({
  values: { formToken: randomUUID(), ...values },
  dates: { dateOfBirth: { day: '', month: '', year: '' }, expectedDateOfBirth: { day: '', month: '', year: '' }, movedIn: { day: '', month: '', year: '' } },
})

export async function registerChildRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database

  async function siblingContext(request: FastifyRequest): Promise<SiblingContext | null> {
    const { childId } = request.params as { childId: string }
    const [summary, network] = await Promise.all([
      getChildSummary(db, request.user!.laCode, childId),
      familyNetwork(db, request.user!.laCode, childId, request.user!.id),
    ])
    if (!summary || !network) return null
    const members = network.members.filter((m) => m.group !== 'child' && m.group !== 'grandchild')
    return { id: childId, name: summary.name, addressArea: summary.addressArea, members }
  }

  /** Create a child; with a sibling context, the new child joins that child's family. */
  async function create(request: FastifyRequest, reply: FastifyReply, siblingOf: SiblingContext | null) {
    const user = request.user!
    const body = (request.body ?? {}) as FormBody
    const token = text(body, 'formToken')
    if (!isUuid(token)) return errorPage(reply, 400)
    // A second click on the same form lands on the record the first one made.
    const earlier = await personIdByToken(db, user.laCode, token)
    if (earlier) return reply.redirect(`/children/${earlier.id}`, 303)

    const today = todayInEngland()
    const { details, address, errors, form } = readChildForm(body, today, { withAddress: true })
    const siblingType = text(body, 'siblingType')
    if (siblingOf && !siblingTypes.includes(siblingType)) errors.add('siblingType', `Select how they are related to ${siblingOf.name}`)
    const page = siblingOf
      ? { pageTitle: 'Add a brother or sister', action: `/children/${siblingOf.id}/siblings/new`, backHref: `/children/${siblingOf.id}`, siblingOf }
      : { pageTitle: 'Record a new child', action: '/children/new', backHref: '/children' }
    if (!details || errors.any) return renderForm(reply, { ...page, status: 400, form, errors })

    if (text(body, 'confirmedNew') !== 'yes') {
      const found = await findLikelyMatches(db, user, {
        isChild: true, firstName: details.firstName, lastName: details.lastName, dateOfBirth: details.dateOfBirth,
        expectedDateOfBirth: details.expectedDateOfBirth, nhsNumber: details.nhsNumber, address,
      })
      if (found.matches.length > 0 || found.hiddenRestricted > 0) {
        return reply.view('modules/people/views/duplicates.njk', duplicatesView({
          found, values: form.values, action: page.action, backHref: page.backHref, kind: 'child',
          linkTo: siblingOf ? { childId: siblingOf.id, childName: siblingOf.name, relationshipType: siblingType } : null,
        }))
      }
    }

    const share: SiblingOf | undefined = siblingOf ? {
      childId: siblingOf.id, siblingType,
      shareRelationshipIds: list(body, 'share').filter((id) => siblingOf.members.some((m) => m.relationshipId === id)),
      shareAddress: text(body, 'shareAddress') === 'yes' && !address,
    } : undefined
    const result = await createChild(db, user, { token, details, address, ...(share ? { siblingOf: share } : {}) })
    if (result.outcome === 'la-child-id-taken') {
      errors.add('laChildId', 'Another child already has this LA child ID – check it, or leave it blank for Kindred to give one')
      return renderForm(reply, { ...page, status: 400, form, errors })
    }
    return reply.redirect(`/children/${result.personId}?recorded=child`, 303)
  }

  app.get('/children/new', createAccess, async (_request, reply) =>
    renderForm(reply, { pageTitle: 'Record a new child', action: '/children/new', backHref: '/children', form: blankForm() }))

  app.post('/children/new', createAccess, async (request, reply) => create(request, reply, null))

  app.get('/children/:childId/siblings/new', changeChildAccess, async (request, reply) => {
    const siblingOf = await siblingContext(request)
    if (!siblingOf) return errorPage(reply, 404)
    const share = siblingOf.members.filter(sharedByDefault).map((m) => m.relationshipId)
    return renderForm(reply, {
      pageTitle: 'Add a brother or sister', action: `/children/${siblingOf.id}/siblings/new`, backHref: `/children/${siblingOf.id}`,
      siblingOf, form: blankForm({ share, shareAddress: 'yes' }),
    })
  })

  app.post('/children/:childId/siblings/new', changeChildAccess, async (request, reply) => {
    const siblingOf = await siblingContext(request)
    if (!siblingOf) return errorPage(reply, 404)
    return create(request, reply, siblingOf)
  })

  app.get('/children/:childId/edit', changeChildAccess, async (request, reply) => {
    const { childId } = request.params as { childId: string }
    const child = await getChildRecord(db, request.user!.laCode, childId)
    if (!child) return errorPage(reply, 404)
    return renderForm(reply, {
      pageTitle: `Change ${child.details.firstName} ${child.details.lastName}’s details`, action: `/children/${childId}/edit`,
      backHref: `/children/${childId}`, form: childFormFromRecord(child.details), editing: true,
    })
  })

  app.post('/children/:childId/edit', changeChildAccess, async (request, reply) => {
    const { childId } = request.params as { childId: string }
    const child = await getChildRecord(db, request.user!.laCode, childId)
    if (!child) return errorPage(reply, 404)
    const { details, errors, form } = readChildForm((request.body ?? {}) as FormBody, todayInEngland(), { withAddress: false })
    const page = {
      pageTitle: `Change ${child.details.firstName} ${child.details.lastName}’s details`, action: `/children/${childId}/edit`,
      backHref: `/children/${childId}`, editing: true,
    }
    if (!details) return renderForm(reply, { ...page, status: 400, form, errors })
    const result = await updateChild(db, request.user!, childId, details)
    if (result.outcome === 'not-found') return errorPage(reply, 404)
    if (result.outcome === 'la-child-id-taken') {
      errors.add('laChildId', 'Another child already has this LA child ID – check it and try again')
      return renderForm(reply, { ...page, status: 400, form, errors })
    }
    return reply.redirect(`/children/${childId}?recorded=details`, 303)
  })
}
