// Filling in forms the way a browser does: the one-time token from the page, dates as three boxes.
import type { Agent } from '../../../test/support/app.js'

/** The `formToken` of the form on the page at `url`. */
export async function formToken(agent: Agent, url: string): Promise<string> {
  const page = await agent.get(url)
  const token = /name="formToken" value="([^"]+)"/.exec(page.body)?.[1]
  if (!token) throw new Error(`No form token on ${url} (${page.statusCode})`)
  return token
}

/** A GOV.UK date input's three boxes for yyyy-mm-dd. */
export const dateParts = (date: string, name: string): Record<string, string> => ({
  [`${name}-day`]: String(Number(date.slice(8))), [`${name}-month`]: String(Number(date.slice(5, 7))), [`${name}-year`]: date.slice(0, 4),
})
