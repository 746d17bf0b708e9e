// Strategy discussions and conferences as arranged: the social worker names the date, the chair and the
// partner practitioners invited. Each invitation is an involvement (so the invitee can open the child's
// record until four weeks after the meeting) and each invitee may send one written contribution, which
// the chair and the social worker read and which goes on the child's event stream.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import type { SessionUser } from '../../platform/auth/session.js'
import { partnerRoles } from '../../platform/auth/roles.js'
import { appendChildEvent } from '../../platform/events/child-events.js'
import { dateAnswer, FormErrors, list, text, type FormBody } from '../../platform/forms/form.js'
import { isUuid } from '../../platform/identifiers/uuid.js'
import { addDays, todayInEngland, type LocalDate } from '../../platform/working-days/local-date.js'
import type { MeetingKind } from './tables.js'

export const meetingKinds: Record<MeetingKind, string> = {
  strategy_discussion: 'Strategy discussion',
  initial_conference: 'Initial child protection conference',
  review_conference: 'Review child protection conference',
}

const isMeetingKind = (value: string): value is MeetingKind => Object.hasOwn(meetingKinds, value)

/** Invitees keep sight of the child this long after the meeting, to read its outcome. */
const accessAfterMeetingDays = 28
const maxContribution = 20_000

/** Partner practitioners and chairs of the authority, to choose from. */
export async function invitees(db: Kysely<DB>, laCode: string) {
  const users = await db.selectFrom('users as u').innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .where('u.la_code', '=', laCode).where('u.active', '=', true).where('u.role', 'in', [...partnerRoles, 'iro'])
    .select(['u.id', 'u.display_name', 'u.role', 'a.name as agency']).orderBy('a.name').orderBy('u.display_name').execute()
  return { partners: users.filter((u) => u.role !== 'iro'), chairs: users.filter((u) => u.role === 'iro') }
}

export interface MeetingAnswers { kind: string; meetingDate: { day: string; month: string; year: string }; chairId: string; invited: string[]; formToken: string }

export type ArrangeResult = { outcome: 'arranged'; meetingId: string } | { outcome: 'invalid'; errors: FormErrors; answers: MeetingAnswers }

export async function arrangeMeeting(db: Kysely<DB>, user: SessionUser, childId: string, body: FormBody, today: LocalDate = todayInEngland()): Promise<ArrangeResult> {
  const errors = new FormErrors()
  const date = dateAnswer(body, 'meetingDate', 'the date of the meeting', errors)
  const answers: MeetingAnswers = { kind: text(body, 'kind'), meetingDate: date.raw, chairId: text(body, 'chairId'), invited: list(body, 'invited'), formToken: text(body, 'formToken') }
  if (!isMeetingKind(answers.kind)) errors.add('kind', 'Select the kind of meeting')
  if (date.value && date.value < today) errors.add('meetingDate-day', 'The date of the meeting must be today or in the future')
  const { partners, chairs } = await invitees(db, user.laCode)
  if (answers.chairId && !chairs.some((c) => c.id === answers.chairId)) errors.add('chairId', 'Select the chair from the list')
  if (answers.invited.length === 0) errors.add('invited', 'Select at least one partner practitioner to invite')
  else if (!answers.invited.every((id) => partners.some((p) => p.id === id))) errors.add('invited', 'Select the partner practitioners from the list')
  if (errors.any || !date.value) return { outcome: 'invalid', errors, answers }
  const meetingDate = date.value
  const kind = answers.kind as MeetingKind
  return db.transaction().execute(async (trx) => {
    const meeting = await trx.insertInto('multi_agency_meetings').values({
      la_code: user.laCode, child_id: childId, kind, meeting_date: meetingDate, chair_id: answers.chairId || null, arranged_by: user.id,
      form_token: isUuid(answers.formToken) ? answers.formToken : null,
    }).onConflict((oc) => oc.column('form_token').doNothing()).returning('id').executeTakeFirst()
    // A second click of the same form: the first arranged it.
    if (!meeting) {
      const first = await trx.selectFrom('multi_agency_meetings').where('form_token', '=', answers.formToken).select('id').executeTakeFirstOrThrow()
      return { outcome: 'arranged' as const, meetingId: first.id }
    }
    const endsAt = new Date(`${addDays(meetingDate, accessAfterMeetingDays)}T23:59:59Z`)
    const involve = async (userId: string, involvementKind: string) => (await trx.insertInto('involvements').values({
      la_code: user.laCode, child_id: childId, user_id: userId, agency_id: null, kind: involvementKind, ended_at: endsAt,
    }).returning('id').executeTakeFirstOrThrow()).id
    if (answers.chairId) await involve(answers.chairId, 'meeting_chair')
    for (const invitedId of new Set(answers.invited)) {
      await trx.insertInto('meeting_invitations').values({
        la_code: user.laCode, meeting_id: meeting.id, child_id: childId, user_id: invitedId, involvement_id: await involve(invitedId, 'meeting'),
      }).execute()
    }
    const agencies = [...new Set(partners.filter((p) => answers.invited.includes(p.id)).map((p) => p.agency))]
    await appendChildEvent(trx, {
      laCode: user.laCode, childId, type: 'meeting.arranged', occurredAt: new Date(), recordedBy: user.id,
      summary: `${meetingKinds[kind]} arranged for ${meetingDate}, with ${agencies.join(', ')} invited`,
      data: { meetingId: meeting.id, kind, meetingDate, invited: answers.invited.length },
    })
    return { outcome: 'arranged' as const, meetingId: meeting.id }
  })
}

/** The child's meetings, soonest first, with each invitation and contribution. */
export async function meetingsOf(db: Kysely<DB>, laCode: string, childId: string) {
  const [meetings, invitations] = await Promise.all([
    db.selectFrom('multi_agency_meetings as m').leftJoin('users as c', 'c.id', 'm.chair_id')
      .where('m.la_code', '=', laCode).where('m.child_id', '=', childId)
      .select(['m.id', 'm.kind', 'm.meeting_date', 'c.display_name as chair']).orderBy('m.meeting_date', 'desc').execute(),
    db.selectFrom('meeting_invitations as i').innerJoin('users as u', 'u.id', 'i.user_id').innerJoin('agencies as a', 'a.id', 'u.agency_id')
      .where('i.la_code', '=', laCode).where('i.child_id', '=', childId)
      .select(['i.id', 'i.meeting_id', 'i.contribution', 'i.contributed_at', 'u.display_name', 'a.name as agency'])
      .orderBy('a.name').execute(),
  ])
  return meetings.map((m) => ({ ...m, kindText: meetingKinds[m.kind], invitations: invitations.filter((i) => i.meeting_id === m.id) }))
}

/** The meetings a partner is invited to, newest first. */
export function invitationsOf(db: Kysely<DB>, user: SessionUser) {
  return db.selectFrom('meeting_invitations as i').innerJoin('multi_agency_meetings as m', 'm.id', 'i.meeting_id')
    .innerJoin('people as p', 'p.id', 'i.child_id')
    .where('i.user_id', '=', user.id).where('i.la_code', '=', user.laCode).where('p.merged_into', 'is', null)
    .select(['i.id', 'i.child_id', 'i.contributed_at', 'm.kind', 'm.meeting_date', 'p.first_name', 'p.last_name'])
    .orderBy('m.meeting_date', 'desc').execute()
}

/** One of the partner's own invitations about this child, or undefined. */
export async function invitationOf(db: Kysely<DB>, user: SessionUser, childId: string, invitationId: string) {
  if (!isUuid(invitationId)) return undefined
  const row = await db.selectFrom('meeting_invitations as i').innerJoin('multi_agency_meetings as m', 'm.id', 'i.meeting_id')
    .innerJoin('people as p', 'p.id', 'i.child_id').leftJoin('users as c', 'c.id', 'm.chair_id')
    .where('i.id', '=', invitationId).where('i.user_id', '=', user.id).where('i.child_id', '=', childId).where('i.la_code', '=', user.laCode)
    .select(['i.id', 'i.contribution', 'i.contributed_at', 'm.kind', 'm.meeting_date', 'p.first_name', 'p.last_name', 'c.display_name as chair'])
    .executeTakeFirst()
  return row && { ...row, kindText: meetingKinds[row.kind] }
}

export type ContributeResult = { outcome: 'sent' } | { outcome: 'not-found' } | { outcome: 'invalid'; errors: FormErrors; contribution: string }

/** Sends the invitee's written contribution: once, with its event on the child's stream. */
export async function contribute(db: Kysely<DB>, user: SessionUser, childId: string, invitationId: string, body: FormBody): Promise<ContributeResult> {
  const invitation = await invitationOf(db, user, childId, invitationId)
  if (!invitation) return { outcome: 'not-found' }
  const contribution = text(body, 'contribution')
  const errors = new FormErrors()
  if (!contribution) errors.add('contribution', 'Enter your contribution')
  else if (contribution.length > maxContribution) errors.add('contribution', `Your contribution must be ${maxContribution.toLocaleString('en-GB')} characters or fewer`)
  if (errors.any) return { outcome: 'invalid', errors, contribution }
  return db.transaction().execute(async (trx) => {
    const sent = await trx.updateTable('meeting_invitations').set({ contribution, contributed_at: new Date() })
      .where('id', '=', invitation.id).where('contributed_at', 'is', null).returning('id').executeTakeFirst()
    // Sent already (a second click): the first one stands.
    if (!sent) return { outcome: 'sent' as const }
    const agency = await trx.selectFrom('agencies').where('id', '=', user.agencyId).select('name').executeTakeFirstOrThrow()
    await appendChildEvent(trx, {
      laCode: user.laCode, childId, type: 'meeting.contribution_sent', occurredAt: new Date(), recordedBy: user.id, significant: true,
      summary: `Written contribution from ${user.displayName} (${agency.name}) for the ${invitation.kindText.toLowerCase()} on ${invitation.meeting_date}`,
      data: { invitationId: invitation.id }, purpose: 'contributing to a child protection meeting',
    })
    return { outcome: 'sent' as const }
  })
}
