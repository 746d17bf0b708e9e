// The kinship local offer: published to anyone (a signed-in user sees their own authority's; a visitor picks
// an authority) and written by the authority's administrator as structured sections.
import type { FastifyInstance } from 'fastify'
import { allow, publicRoute } from '../../platform/access/policy.js'
import { FormErrors, text, type FormBody } from '../../platform/forms/form.js'
import { errorPage } from '../../platform/http/errors.js'
import { localOfferSections } from './codes.js'
import { view } from './page-kit.js'
import { getLocalOffer, publishedLocalOffers, updateLocalOffer, type LocalOfferAnswers } from './service.js'

const administrators = allow({ roles: ['administrator'] })
export const localOfferHref = '/kinship-local-offer'
const editHref = '/admin/kinship-local-offer'

export async function registerLocalOfferPages(app: FastifyInstance): Promise<void> {
  const { db } = app.database

  const showOffer = async (laCode: string, canEdit: boolean) => {
    const offer = await getLocalOffer(db, laCode)
    return offer && { pageTitle: `Kinship local offer: ${offer.authorityName}`, offer, canEdit, editHref }
  }

  app.get(localOfferHref, publicRoute, async (request, reply) => {
    if (request.user) {
      const page = await showOffer(request.user.laCode, request.user.role === 'administrator')
      const updated = (request.query as Record<string, string | undefined>).updated === 'true'
      return page ? reply.view(view('local-offer'), { ...page, updated }) : errorPage(reply, 404)
    }
    return reply.view(view('local-offers'), { pageTitle: 'Kinship local offers', authorities: await publishedLocalOffers(db) })
  })

  app.get(`${localOfferHref}/:laCode`, publicRoute, async (request, reply) => {
    const { laCode } = request.params as { laCode: string }
    const page = /^\d{3}$/.test(laCode) ? await showOffer(laCode, request.user?.role === 'administrator' && request.user.laCode === laCode) : undefined
    if (!page || page.offer.sections.length === 0) return errorPage(reply, 404)
    return reply.view(view('local-offer'), page)
  })

  const editPage = (values: Record<string, string>, errors = new FormErrors()) => ({
    pageTitle: 'Change the kinship local offer', sections: localOfferSections, values, backHref: localOfferHref, ...errors.forView(),
  })

  app.get(editHref, administrators, async (request, reply) => {
    const offer = await getLocalOffer(db, request.user!.laCode)
    const values = Object.fromEntries((offer?.sections ?? []).map((s) => [s.field, s.text]))
    return reply.view(view('local-offer-edit'), editPage(values))
  })

  app.post(editHref, administrators, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody
    const answers = Object.fromEntries(localOfferSections.map((s) => [s.field, text(body, s.field)])) as LocalOfferAnswers
    const problems = await updateLocalOffer(db, request.user!, answers)
    if (Object.keys(problems).length === 0) return reply.redirect(`${localOfferHref}?updated=true`, 303)
    const errors = new FormErrors()
    for (const [field, message] of Object.entries(problems)) errors.add(field, message)
    return reply.code(400).view(view('local-offer-edit'), editPage(answers, errors))
  })
}
