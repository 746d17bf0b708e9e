// GOV.UK-style error pages with the right status. Nothing about the failure itself (stack, SQL,
// input) reaches the page or the log: only the status and the route pattern.
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify'

type Variant = 'csrf' | 'break-glass'

const pages: Record<number, { title: string; paragraphs: string[] }> = {
  400: { title: 'Sorry, there is a problem with what was sent', paragraphs: ['The page could not understand the information it was sent. Go back and try again.'] },
  401: { title: 'You need to sign in', paragraphs: ['Your session has ended. Sign in again to continue. Anything you saved as a draft has been kept.'] },
  403: { title: 'You do not have permission to view this page', paragraphs: ['Your account does not give you access to this page. If you think it should, contact your manager or the Kindred administrator.'] },
  404: { title: 'Page not found', paragraphs: ['If you typed the web address, check it is correct.', 'If you pasted the web address, check you copied the entire address.'] },
  413: { title: 'The file or form you sent is too large', paragraphs: ['Go back and send a smaller file, or split the information into parts.'] },
  429: { title: 'Too many attempts', paragraphs: ['You have tried too many times in a short period. Wait 15 minutes, then try again.'] },
  500: { title: 'Sorry, there is a problem with the service', paragraphs: ['Try again later. Nothing you entered has been half-saved: if the page did not confirm it, it was not recorded.'] },
}

const variants: Record<Variant, { title: string; paragraphs: string[] }> = {
  csrf: { title: 'Your form could not be sent', paragraphs: ['The form had expired or did not come from Kindred. Go back, reload the page and try again.'] },
  'break-glass': { title: 'You do not have access to this child’s record', paragraphs: ['You are not linked to this child: you are not their allocated worker, in their team or their worker’s line, involved in their case, or granted access.'] },
}

export function errorPage(reply: FastifyReply, status: number, variant?: Variant, childId?: string): FastifyReply {
  const page = (variant && variants[variant]) ?? pages[status] ?? pages[500]!
  return reply.code(status).view('platform/views/errors/error.njk', {
    pageTitle: page.title,
    paragraphs: page.paragraphs,
    breakGlassUrl: variant === 'break-glass' && childId ? `/children/${childId}/emergency-access` : undefined,
  })
}

export function registerErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((_request, reply) => errorPage(reply, 404))
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return errorPage(reply, 413)
    if (status >= 400 && status < 500) return errorPage(reply, status === 404 ? 404 : status === 429 ? 429 : 400)
    request.log.error({ err: { type: error.name, code: error.code } }, 'request failed')
    return errorPage(reply, 500)
  })
}
