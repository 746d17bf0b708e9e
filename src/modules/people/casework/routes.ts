// The child's chronology (a read of the event stream, on a page, printable and as CSV) and the one
// form for visits and case notes, with drafts kept on the server.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { allow, caseworkLinks } from '../../../platform/access/policy.js'
import { caseworkRoles } from '../../../platform/auth/roles.js'
import { addChildPageSection } from '../../../platform/casework/child-page-sections.js'
import { list, text, type FormBody } from '../../../platform/forms/form.js'
import { toCsv } from '../../../platform/http/csv.js'
import { errorPage } from '../../../platform/http/errors.js'
import { getChildSummary } from '../service.js'
import { childEvents, chronology, type ChronologyFilter } from './chronology.js'
import { discardDraft, loadDraft, saveDraft } from './drafts.js'
import { addChronologyLink } from './event-labels.js'
import { getNote, limits, noteAnswers, noteDraftForm, recordNote, visitTypes, type NoteAnswers } from './notes.js'

const child = { param: 'childId', links: caseworkLinks, purpose: 'casework' }
/**
 * Those who work the case read the chronology and read and write the notes. Partners see only their part of
 * the record (the child page's sections for partners), never the whole chronology.
 */
const caseworkAccess = allow({ roles: caseworkRoles, child })

const views = 'modules/people/casework/views'
const childIdOf = (request: FastifyRequest) => (request.params as { childId: string }).childId

function filterFrom(query: FormBody): ChronologyFilter {
  return { groups: list(query, 'group'), significantOnly: text(query, 'significant') === 'yes' }
}

function filterQuery(filter: ChronologyFilter): string {
  const params = new URLSearchParams((filter.groups ?? []).map((g) => ['group', g]))
  if (filter.significantOnly) params.set('significant', 'yes')
  return params.toString()
}

const englandDate = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/London' })
const englandTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' })

export async function registerCaseworkRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database
  addChronologyLink('note', (childId, data) => (typeof data.noteId === 'string' ? `/children/${childId}/notes/${data.noteId}` : null))
  addChronologyLink('visit', (childId, data) => (typeof data.noteId === 'string' ? `/children/${childId}/notes/${data.noteId}` : null))
  addChildPageSection({
    id: 'latest-events', order: 300, template: `${views}/section.njk`,
    load: async (sectionDb, childId, user) => ({ events: await childEvents(sectionDb, user.laCode, childId, 5) }),
  })

  app.get('/children/:childId/chronology', caseworkAccess, async (request, reply) => {
    const childId = childIdOf(request)
    const query = request.query as FormBody
    const filter = filterFrom(query)
    const [summary, result] = await Promise.all([getChildSummary(db, request.user!.laCode, childId), chronology(db, request.user!.laCode, childId, filter)])
    const filterText = filterQuery(filter)
    return reply.view(`${views}/chronology.njk`, {
      pageTitle: `Chronology – ${summary?.name ?? 'child'}`, child: summary, childId, ...result,
      selected: filter.groups, significantOnly: filter.significantOnly, filtered: filterText !== '',
      printView: text(query, 'print') === 'true', recorded: text(query, 'recorded'),
      chronologyHref: `/children/${childId}/chronology${filterText ? `?${filterText}` : ''}`,
      csvHref: `/children/${childId}/chronology.csv${filterText ? `?${filterText}` : ''}`,
      printHref: `/children/${childId}/chronology?${filterText ? `${filterText}&` : ''}print=true`,
      canWrite: caseworkRoles.includes(request.user!.role),
    })
  })

  app.get('/children/:childId/chronology.csv', caseworkAccess, async (request, reply) => {
    const childId = childIdOf(request)
    const { entries } = await chronology(db, request.user!.laCode, childId, filterFrom(request.query as FormBody))
    const csv = toCsv(['Date', 'Time', 'Group', 'Event type', 'What happened', 'Significant', 'Recorded by'], entries.map((e) => {
      const time = englandTime.format(e.occurredAt)
      return [englandDate.format(e.occurredAt), time === '00:00' ? '' : time, e.group, e.type, e.summary, e.significant ? 'Yes' : 'No', e.recordedBy ?? '']
    }))
    return reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="chronology-${childId}.csv"`).send(csv)
  })

  const noteForm = async (request: FastifyRequest, reply: FastifyReply, values: NoteAnswers, context: Record<string, unknown> = {}) => {
    const childId = childIdOf(request)
    return reply.view(`${views}/note.njk`, {
      pageTitle: 'Record a visit or case note', childId, child: await getChildSummary(db, request.user!.laCode, childId),
      visitTypes, limits, values, ...context,
    })
  }

  app.get('/children/:childId/notes/new', caseworkAccess, async (request, reply) => {
    const draft = await loadDraft<NoteAnswers>(db, request.user!.id, childIdOf(request), noteDraftForm)
    const query = request.query as FormBody
    const values = { ...draft?.answers, formToken: draft?.answers.formToken || randomUUID() }
    return noteForm(request, reply, values, { draftSavedAt: draft?.savedAt, draftJustSaved: text(query, 'draft') === 'saved', draftDiscarded: text(query, 'draft') === 'discarded' })
  })

  app.post('/children/:childId/notes/new', caseworkAccess, async (request, reply) => {
    const childId = childIdOf(request)
    const body = (request.body ?? {}) as FormBody
    const action = text(body, 'action')
    if (action === 'draft') {
      await saveDraft(db, request.user!.id, childId, noteDraftForm, noteAnswers(body))
      return reply.redirect(`/children/${childId}/notes/new?draft=saved`, 303)
    }
    if (action === 'discard') {
      await discardDraft(db, request.user!.id, childId, noteDraftForm)
      return reply.redirect(`/children/${childId}/notes/new?draft=discarded`, 303)
    }
    const result = await recordNote(db, request.user!, childId, body)
    if (result.outcome === 'invalid') {
      // What was typed is kept as a draft too: a long note must not depend on fixing the errors now.
      const savedAt = await saveDraft(db, request.user!.id, childId, noteDraftForm, noteAnswers(body))
      return noteForm(request, reply.code(400), noteAnswers(body), { ...result.errors.forView(), draftSavedAt: savedAt })
    }
    return reply.redirect(`/children/${childId}/chronology?recorded=${result.outcome === 'recorded' ? result.kind : 'already'}`, 303)
  })

  // The page's autosave: the same draft as "Save as draft", without leaving the page.
  app.post('/children/:childId/notes/draft', caseworkAccess, async (request, reply) => {
    const savedAt = await saveDraft(db, request.user!.id, childIdOf(request), noteDraftForm, noteAnswers((request.body ?? {}) as FormBody))
    return reply.send({ savedAt: savedAt.toISOString() })
  })

  app.get('/children/:childId/notes/:noteId', caseworkAccess, async (request, reply) => {
    const childId = childIdOf(request)
    const note = await getNote(db, request.user!.laCode, childId, (request.params as { noteId: string }).noteId)
    if (!note) return errorPage(reply, 404)
    return reply.view(`${views}/note-view.njk`, {
      pageTitle: note.kind === 'visit' ? 'Visit' : `Case note: ${note.subject}`, childId, note, visitTypes,
      child: await getChildSummary(db, request.user!.laCode, childId),
    })
  })
}
