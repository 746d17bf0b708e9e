// Sending a looked-after or care leaver form the way a browser does: open the form, then post it with its one-time token.
import type { Agent } from '../../../test/support/app.js'
import { formToken } from '../../../test/support/app.js'

export async function postForm(agent: Agent, url: string, answers: Record<string, string>) {
  return agent.post(url, { formToken: await formToken(agent, url), ...answers })
}
