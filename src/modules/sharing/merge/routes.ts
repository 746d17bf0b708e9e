// Merging duplicate records: the child's possible duplicates, the confirmation page comparing two records,
// the merges into a record and undoing one. Front door workers, social workers and team managers confirm.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { allow, caseworkLinks } from '../../../platform/access/policy.js'
import { resolveChildAccess } from '../../../platform/access/child-access.js'
import { audit } from '../../../platform/audit/audit.js'
import { addChildPageSection } from '../../../platform/casework/child-page-sections.js'
import { FormErrors, text, type FormBody } from '../../../platform/forms/form.js'
import { errorPage } from '../../../platform/http/errors.js'
import { isUuid } from '../../../platform/identifiers/uuid.js'
import type { Role } from '../../../platform/auth/roles.js'
import { dismissSuggestion, openSuggestions, possibleMatches } from './candidates.js'
import { checkMerge, mergeRecords, mergesInto, refusalMessages, unmergeRecords } from './merge.js'

const mergers: Role[] = ['front_door', 'social_worker', 'team_manager']
const access = allow({ roles: mergers, child: { param: 'childId', links: caseworkLinks, purpose: 'merging duplicate records' } })
const views = 'modules/sharing/merge/views'
const maxReason = 2000

function reasonFrom(body: FormBody, errors: FormErrors, what: string): string {
  const reason = text(body, 'reason')
  if (!reason) errors.add('reason', `Enter why ${what}`)
  else if (reason.length > maxReason) errors.add('reason', `The reason must be ${maxReason.toLocaleString('en-GB')} characters or fewer`)
  return reason
}

export async function registerMergeRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  const childIdOf = (request: FastifyRequest) => (request.params as { childId: string }).childId

  addChildPageSection({
    id: 'possible-duplicates', order: 8, template: `${views}/section.njk`,
    load: async (sectionDb, childId, user) => {
      if (!mergers.includes(user.role)) return null
      const suggestions = await openSuggestions(sectionDb, user.laCode, childId)
      return suggestions.length ? { suggestions, childId } : null
    },
  })

  app.get('/children/:childId/possible-duplicates', access, async (request, reply) => {
    const user = request.user!
    const childId = childIdOf(request)
    const [stored, found] = await Promise.all([openSuggestions(db, user.laCode, childId), possibleMatches(db, user.laCode, childId)])
    return reply.view(`${views}/possible-duplicates.njk`, { pageTitle: 'Possible duplicate records', childId, stored, found })
  })

  app.post('/children/:childId/possible-duplicates/:suggestionId/dismiss', access, async (request, reply) => {
    const { childId, suggestionId } = request.params as { childId: string; suggestionId: string }
    if (!isUuid(suggestionId) || !(await dismissSuggestion(db, request.user!, childId, suggestionId))) return errorPage(reply, 404)
    return reply.redirect(`/children/${childId}/possible-duplicates`, 303)
  })

  /** The confirmation page: both records side by side with the linkage's score, or why they cannot be merged. */
  async function confirmation(request: FastifyRequest, otherId: string, context: Record<string, unknown> = {}) {
    const user = request.user!
    const childId = childIdOf(request)
    const check = await checkMerge(db, user, childId, otherId)
    // The other record must be one this user could open, like the first.
    const otherAccess = 'refused' in check ? null : await resolveChildAccess(db, user, otherId, caseworkLinks)
    const refused = 'refused' in check ? check.refused : otherAccess?.outcome !== 'allowed' ? 'not-found' as const : null
    return {
      status: refused ? 409 : 200,
      refused,
      view: {
        pageTitle: refused ? 'These records cannot be merged' : 'Check these are the same child', childId, otherId,
        kept: check.kept ?? null, other: check.other ?? null, comparison: 'comparison' in check ? check.comparison : null,
        refusal: refused ? refusalMessages[refused] : null, values: {}, ...context,
      },
    }
  }

  app.get('/children/:childId/merge', access, async (request, reply) => {
    const otherId = text(request.query as FormBody, 'with')
    const page = await confirmation(request, otherId)
    if (page.refused) await auditRefusal(request, page.refused)
    return reply.code(page.status).view(`${views}/merge-confirm.njk`, page.view)
  })

  async function auditRefusal(request: FastifyRequest, refused: string): Promise<void> {
    const user = request.user!
    await audit(db, { laCode: user.laCode, userId: user.id, action: 'child.merge_refused', childId: childIdOf(request), purpose: 'merging duplicate records', detail: { refused, method: request.method } })
  }

  app.post('/children/:childId/merge', access, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody
    const otherId = text(body, 'otherId')
    const errors = new FormErrors()
    const reason = reasonFrom(body, errors, 'you are sure these records are the same child')
    const page = await confirmation(request, otherId, { values: { reason } })
    if (page.refused) {
      await auditRefusal(request, page.refused)
      return reply.code(409).view(`${views}/merge-confirm.njk`, page.view)
    }
    if (errors.any) return reply.code(400).view(`${views}/merge-confirm.njk`, { ...page.view, ...errors.forView() })
    const result = await mergeRecords(db, request.user!, childIdOf(request), otherId, reason)
    if (result.outcome === 'refused') {
      return reply.code(409).view(`${views}/merge-confirm.njk`, { ...page.view, pageTitle: 'These records cannot be merged', refusal: refusalMessages[result.refused] })
    }
    return reply.redirect(`/children/${childIdOf(request)}/merges?merged=${result.mergeId}`, 303)
  })

  const historyPage = async (request: FastifyRequest, context: Record<string, unknown> = {}) => ({
    pageTitle: 'Records merged into this one', childId: childIdOf(request),
    merges: await mergesInto(db, request.user!.laCode, childIdOf(request)),
    justMerged: isUuid(text(request.query as FormBody, 'merged')), unmerged: text(request.query as FormBody, 'unmerged') === 'true',
    values: {}, ...context,
  })

  app.get('/children/:childId/merges', access, async (request, reply) => reply.view(`${views}/merges.njk`, await historyPage(request)))

  app.post('/children/:childId/merges/:mergeId/unmerge', access, async (request, reply) => {
    const { childId, mergeId } = request.params as { childId: string; mergeId: string }
    if (!isUuid(mergeId)) return errorPage(reply, 404)
    const errors = new FormErrors()
    const reason = reasonFrom((request.body ?? {}) as FormBody, errors, 'the merge is being undone')
    if (errors.any) {
      return reply.code(400).view(`${views}/merges.njk`, await historyPage(request, { ...errors.forView(), unmergeId: mergeId, values: { reason } }))
    }
    const result = await unmergeRecords(db, request.user!, childId, mergeId, reason)
    if (result.outcome === 'not-found') return errorPage(reply, 404)
    if (result.outcome === 'conflict') {
      const conflict = new FormErrors()
      conflict.add('reason', 'Kindred could not undo this merge: a change since the merge would give one child two of something only one can have. Correct it first')
      return reply.code(409).view(`${views}/merges.njk`, await historyPage(request, { ...conflict.forView(), unmergeId: mergeId, values: { reason } }))
    }
    return reply.redirect(`/children/${childId}/merges?unmerged=true`, 303)
  })
}
