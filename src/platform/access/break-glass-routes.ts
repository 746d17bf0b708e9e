// Emergency ("break-glass") access: a user with no link to a child may open the record for a few hours
// by giving a reason. It is audited and shown to the team manager; restricted records stay hidden.
import type { FastifyInstance } from 'fastify'
import { audit } from '../audit/audit.js'
import { caseworkRoles, partnerRoles } from '../auth/roles.js'
import { FormErrors, text, type FormBody } from '../forms/form.js'
import { allow } from './policy.js'

export const breakGlassHours = 4
const view = 'platform/access/views/emergency-access.njk'
const access = allow({
  roles: [...caseworkRoles, ...partnerRoles],
  child: { param: 'childId', links: ['authority'], purpose: 'emergency access request' },
})

export async function registerBreakGlassRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.database

  app.get('/children/:childId/emergency-access', access, async (request, reply) =>
    reply.view(view, { pageTitle: 'Request emergency access', childId: (request.params as { childId: string }).childId, values: {}, hours: breakGlassHours }))

  app.post('/children/:childId/emergency-access', access, async (request, reply) => {
    const { childId } = request.params as { childId: string }
    const reason = text((request.body ?? {}) as FormBody, 'reason')
    const errors = new FormErrors()
    if (!reason) errors.add('reason', 'Enter why you need to see this child’s record now')
    else if (reason.length < 10) errors.add('reason', 'Reason must be at least 10 characters')
    else if (reason.length > 2000) errors.add('reason', 'Reason must be 2,000 characters or fewer')
    if (errors.any) return reply.code(400).view(view, { pageTitle: 'Request emergency access', childId, values: { reason }, hours: breakGlassHours, ...errors.forView() })
    const user = request.user!
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('break_glass_access').values({
        la_code: user.laCode, child_id: childId, user_id: user.id, reason,
        expires_at: new Date(Date.now() + breakGlassHours * 3_600_000), reviewed_by: null,
      }).execute()
      await audit(trx, { laCode: user.laCode, userId: user.id, action: 'child.break_glass_opened', childId, purpose: reason, detail: { hours: breakGlassHours } })
    })
    return reply.redirect(`/children/${childId}`, 303)
  })
}
