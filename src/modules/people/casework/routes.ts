// The child's chronology (read from the event stream) and the case note and visit form with drafts.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { allow, caseworkLinks } from '../../../platform/access/policy.js'
import { caseworkRoles, partnerRoles } from '../../../platform/auth/roles.js'
import { addChildPageSection } from '../../../platform/casework/child-page-sections.js'
import { list, type FormBody } from '../../../platform/forms/form.js'
import { toCsv } from '../../../platform/http/csv.js'
import { chronology, chronologyAreas } from './chronology.js'
import { loadDraft, noteAnswers, recordNote, saveDraft, visitTypes } from './notes.js'

const readAccess = allow({ roles: [...caseworkRoles, ...partnerRoles], child: { param: 'childId', links: caseworkLinks, purpose: 'casework' } })
const writeAccess = allow({ roles: caseworkRoles, child: { param: 'childId', links: caseworkLinks, purpose: 'casework' } })

export async function registerCaseworkRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  addChildPageSection({
    id: 'latest-events', order: 300, template: 'modules/people/casework/views/section.njk',
    load: async (sectionDb, childId, user) => ({ events: (await chronology(sectionDb, user.laCode, childId)).slice(0, 5) }),
  })

  app.get('/children/:childId/chronology', readAccess, async (request, reply) => {
    const { childId } = request.params as { childId: string }
    const areas = list(request.query as FormBody, 'area')
    const laCode = request.user!.laCode
    return reply.view('modules/people/casework/views/chronology.njk', {
      pageTitle: 'Chronology', childId, selected: areas, areas: await chronologyAreas(db, laCode, childId),
      entries: await chronology(db, laCode, childId, areas),
      csvQuery: new URLSearchParams(areas.map((a) => ['area', a])).toString(),
    })
  })

  app.get('/children/:childId/chronology.csv', readAccess, async (request, reply) => {
    const { childId } = request.params as { childId: string }
    const entries = await chronology(db, request.user!.laCode, childId, list(request.query as FormBody, 'area'))
    const csv = toCsv(['Date and time', 'Area', 'What happened', 'Significant', 'Recorded by'],
      entries.map((e) => [e.occurredAt.toISOString(), e.group, e.summary, e.significant ? 'Yes' : 'No', e.recordedBy ?? '']))
    return reply.type('text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="chronology.csv"').send(csv)
  })

  const noteView = (childId: string, context: Record<string, unknown>) => ({
    pageTitle: 'Record a visit or case note', childId, visitTypes, ...context,
  })

  app.get('/children/:childId/notes/new', writeAccess, async (request, reply) => {
    const { childId } = request.params as { childId: string }
    const draft = await loadDraft(db, request.user!, childId)
    const query = request.query as Record<string, string>
    return reply.view('modules/people/casework/views/note.njk', noteView(childId, {
      values: draft ? { ...draft.answers, formToken: draft.answers.formToken || randomUUID() } : { formToken: randomUUID() },
      draftSavedAt: draft?.savedAt, draftJustSaved: query.draft === 'saved', recorded: query.recorded === 'true',
    }))
  })

  app.post('/children/:childId/notes/new', writeAccess, async (request, reply) => {
    const { childId } = request.params as { childId: string }
    const body = (request.body ?? {}) as FormBody
    if (body.action === 'draft') {
      await saveDraft(db, request.user!, childId, noteAnswers(body))
      return reply.redirect(`/children/${childId}/notes/new?draft=saved`, 303)
    }
    const result = await recordNote(db, request.user!, childId, body)
    if (result.outcome === 'invalid') {
      // Keep what was typed as a draft too: a failed save must never lose a long note.
      await saveDraft(db, request.user!, childId, noteAnswers(body))
      return reply.code(400).view('modules/people/casework/views/note.njk', noteView(childId, { values: noteAnswers(body), ...result.errors.forView() }))
    }
    return reply.redirect(`/children/${childId}/notes/new?recorded=true`, 303)
  })

  // Autosave from the page's script: the same draft, without leaving the page.
  app.post('/children/:childId/notes/draft', writeAccess, async (request, reply) => {
    await saveDraft(db, request.user!, (request.params as { childId: string }).childId, noteAnswers((request.body ?? {}) as FormBody))
    return reply.code(204).send()
  })
}
