// The people around a child: adding a person (or linking one already on record), their page, changing
// their details or a relationship, and recording a move for the child or someone in their network.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { caseworkRoles } from '../../platform/auth/roles.js'
import { FormErrors, text, type FormBody } from '../../platform/forms/form.js'
import { errorPage } from '../../platform/http/errors.js'
import { todayInEngland } from '../../platform/working-days/local-date.js'
import { addressAnswer, type FormValues } from './answers.js'
import { changeChildAccess, viewChildAccess } from './child-routes.js'
import { duplicatesView } from './duplicates.js'
import { recordedMessage } from './messages.js'
import { familyNetwork } from './network.js'
import { personFormFromRecord, readPersonForm, readRelationship } from './person-form.js'
import { isUuid, personIdByToken } from './repository.js'
import {
  addPersonToNetwork, findLikelyMatches, getChildSummary, getPersonRecord, linkPersonToNetwork, recordMove, updatePersonDetails,
  updateRelationship,
} from './service.js'
import { personFormItems, withDateItems } from './view-models.js'

const personFormView = 'modules/people/views/person-form.njk'
const emptyDate = { day: '', month: '', year: '' }

type Params = { childId: string; personId?: string; relationshipId?: string }

interface PersonFormPage {
  status?: number
  pageTitle: string
  action: string
  childId: string
  childName: string
  form: FormValues
  errors?: FormErrors
  adding: boolean
}

function renderPersonForm(reply: FastifyReply, page: PersonFormPage): FastifyReply {
  const fieldErrors = page.errors?.fields ?? {}
  return reply.code(page.status ?? 200).view(personFormView, {
    ...page,
    form: withDateItems(page.form, fieldErrors),
    ...(page.errors ? page.errors.forView() : { errors: [], fieldErrors: {} }),
    ...personFormItems(page.form),
  })
}

export async function registerNetworkRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database

  /** The child named in the URL, and the person too when the URL names one in the child's network. */
  async function context(request: FastifyRequest) {
    const { childId, personId } = request.params as Params
    const user = request.user!
    const child = await getChildSummary(db, user.laCode, childId)
    if (!child) return null
    if (!personId) return { child, member: null }
    const network = await familyNetwork(db, user.laCode, childId, user.id)
    const member = network?.members.find((m) => m.personId === personId)
    return member ? { child, member } : null
  }

  app.get('/children/:childId/people/new', changeChildAccess, async (request, reply) => {
    const found = await context(request)
    if (!found) return errorPage(reply, 404)
    return renderPersonForm(reply, {
      pageTitle: `Add someone to ${found.child.name}’s network`, action: `/children/${found.child.id}/people/new`,
      childId: found.child.id, childName: found.child.name, adding: true,
      form: { values: { formToken: randomUUID() }, dates: { dateOfBirth: emptyDate, movedIn: emptyDate } },
    })
  })

  app.post('/children/:childId/people/new', changeChildAccess, async (request, reply) => {
    const found = await context(request)
    if (!found) return errorPage(reply, 404)
    const user = request.user!
    const body = (request.body ?? {}) as FormBody
    const token = text(body, 'formToken')
    if (!isUuid(token)) return errorPage(reply, 400)
    const childUrl = `/children/${found.child.id}`
    if (await personIdByToken(db, user.laCode, token)) return reply.redirect(childUrl, 303)

    const { details, address, errors, form } = readPersonForm(body, todayInEngland(), { withAddress: true })
    const relationship = readRelationship(body, errors)
    const page = {
      pageTitle: `Add someone to ${found.child.name}’s network`, action: `${childUrl}/people/new`,
      childId: found.child.id, childName: found.child.name, adding: true,
    }
    if (!details || !relationship || errors.any) return renderPersonForm(reply, { ...page, status: 400, form, errors })
    if (text(body, 'confirmedNew') !== 'yes') {
      const matches = await findLikelyMatches(db, user, {
        isChild: false, firstName: details.firstName, lastName: details.lastName, dateOfBirth: details.dateOfBirth,
        expectedDateOfBirth: null, nhsNumber: details.nhsNumber, address,
      })
      if (matches.matches.length > 0 || matches.hiddenRestricted > 0) {
        const flags = Object.entries({ parentalResponsibility: relationship.parentalResponsibility, livesWith: relationship.livesWith, possibleCarer: relationship.possibleCarer })
          .filter(([, on]) => on).map(([flag]) => flag)
        return reply.view('modules/people/views/duplicates.njk', duplicatesView({
          found: matches, values: form.values, action: page.action, backHref: page.action, kind: 'person',
          linkTo: { childId: found.child.id, childName: found.child.name, relationshipType: relationship.type, flags },
        }))
      }
    }
    await addPersonToNetwork(db, user, found.child.id, { token, details, address }, relationship)
    return reply.redirect(`${childUrl}?recorded=person`, 303)
  })

  app.post('/children/:childId/people/link', changeChildAccess, async (request, reply) => {
    const { childId } = request.params as Params
    const body = (request.body ?? {}) as FormBody
    const personId = text(body, 'personId')
    const errors = new FormErrors()
    const relationship = readRelationship(body, errors)
    if (!isUuid(personId) || !relationship) return errorPage(reply, 400)
    const outcome = await linkPersonToNetwork(db, request.user!, childId, personId, relationship)
    if (outcome === 'not-found') return errorPage(reply, 404)
    return reply.redirect(`/children/${childId}?recorded=${outcome === 'linked' ? 'linked' : 'already-linked'}`, 303)
  })

  app.get('/children/:childId/people/:personId', viewChildAccess, async (request, reply) => {
    const found = await context(request)
    if (!found?.member) return errorPage(reply, 404)
    const user = request.user!
    const [person, network] = await Promise.all([
      getPersonRecord(db, user.laCode, found.member.personId),
      familyNetwork(db, user.laCode, found.member.personId, user.id),
    ])
    if (!person || !network) return errorPage(reply, 404)
    return reply.view('modules/people/views/person.njk', {
      pageTitle: `${person.details.firstName} ${person.details.lastName}`, child: found.child, member: found.member, person,
      relationships: network.members, canChange: caseworkRoles.includes(user.role), recordedMessage: recordedMessage(request.query),
    })
  })

  app.get('/children/:childId/people/:personId/edit', changeChildAccess, async (request, reply) => {
    const found = await context(request)
    const person = found?.member && !found.member.isChild ? await getPersonRecord(db, request.user!.laCode, found.member.personId) : null
    if (!found || !person) return errorPage(reply, 404)
    return renderPersonForm(reply, {
      pageTitle: `Change ${person.details.firstName} ${person.details.lastName}’s details`, action: `/children/${found.child.id}/people/${person.id}/edit`,
      childId: found.child.id, childName: found.child.name, adding: false, form: personFormFromRecord(person.details),
    })
  })

  app.post('/children/:childId/people/:personId/edit', changeChildAccess, async (request, reply) => {
    const found = await context(request)
    if (!found?.member || found.member.isChild) return errorPage(reply, 404)
    const { details, errors, form } = readPersonForm((request.body ?? {}) as FormBody, todayInEngland(), { withAddress: false })
    const personUrl = `/children/${found.child.id}/people/${found.member.personId}`
    if (!details) {
      return renderPersonForm(reply, {
        status: 400, pageTitle: `Change ${found.member.name}’s details`, action: `${personUrl}/edit`,
        childId: found.child.id, childName: found.child.name, adding: false, form, errors,
      })
    }
    await updatePersonDetails(db, request.user!, found.member.personId, details)
    return reply.redirect(`${personUrl}?recorded=details`, 303)
  })

  // A move, for the child or for someone in their network: the old address is kept as history.
  for (const path of ['/children/:childId/address/new', '/children/:childId/people/:personId/address/new']) {
    const page = async (request: FastifyRequest) => {
      const found = await context(request)
      if (!found) return null
      const personId = found.member?.personId ?? found.child.id
      const name = found.member?.name ?? found.child.name
      const back = found.member ? `/children/${found.child.id}/people/${personId}` : `/children/${found.child.id}`
      return { personId, back, pageTitle: `Record a new address for ${name}`, action: `${back}/address/new` }
    }
    app.get(path, changeChildAccess, async (request, reply) => {
      const p = await page(request)
      if (!p) return errorPage(reply, 404)
      const form = { values: {}, dates: { movedIn: emptyDate } }
      return reply.view('modules/people/views/address-form.njk', { ...p, form: withDateItems(form, {}), fieldErrors: {} })
    })
    app.post(path, changeChildAccess, async (request, reply) => {
      const p = await page(request)
      if (!p) return errorPage(reply, 404)
      const body = (request.body ?? {}) as FormBody
      const errors = new FormErrors()
      const { address, movedIn } = addressAnswer(body, errors, todayInEngland(), { required: true })
      if (!address || errors.any) {
        const form = { values: body as Record<string, string>, dates: { movedIn: movedIn.raw } }
        return reply.code(400).view('modules/people/views/address-form.njk', { ...p, form: withDateItems(form, errors.fields), ...errors.forView() })
      }
      await recordMove(db, request.user!, p.personId, address)
      return reply.redirect(`${p.back}?recorded=address`, 303)
    })
  }

  const relationshipPage = async (request: FastifyRequest) => {
    const { childId, relationshipId } = request.params as Params
    const user = request.user!
    const network = await familyNetwork(db, user.laCode, childId, user.id)
    const member = network?.members.find((m) => m.relationshipId === relationshipId)
    if (!network || !member) return null
    return {
      member, childName: network.child.name, childId,
      pageTitle: `How ${member.name} is related to ${network.child.name}`, action: `/children/${childId}/relationships/${relationshipId}`,
    }
  }

  app.get('/children/:childId/relationships/:relationshipId', changeChildAccess, async (request, reply) => {
    const p = await relationshipPage(request)
    if (!p) return errorPage(reply, 404)
    const { member } = p
    const flags = Object.entries({ parentalResponsibility: member.parentalResponsibility, livesWith: member.livesWith, possibleCarer: member.possibleCarer })
      .filter(([, on]) => on).map(([flag]) => flag)
    // A row recorded from the child's side (the child is `mother` of them) has no type from theirs: the user picks one.
    const form = { values: { relationshipType: member.fromTheirSide ? member.type : '', flags }, dates: {} }
    return reply.view('modules/people/views/relationship-form.njk', { ...p, ...personFormItems(form), fieldErrors: {} })
  })

  app.post('/children/:childId/relationships/:relationshipId', changeChildAccess, async (request, reply) => {
    const p = await relationshipPage(request)
    if (!p) return errorPage(reply, 404)
    const body = (request.body ?? {}) as FormBody
    const errors = new FormErrors()
    const relationship = readRelationship(body, errors)
    if (!relationship) {
      const form = { values: body as Record<string, string>, dates: {} }
      return reply.code(400).view('modules/people/views/relationship-form.njk', { ...p, ...personFormItems(form), ...errors.forView() })
    }
    await updateRelationship(db, request.user!, p.childId, (request.params as Params).relationshipId!, relationship)
    return reply.redirect(`/children/${p.childId}?recorded=relationship`, 303)
  })
}
