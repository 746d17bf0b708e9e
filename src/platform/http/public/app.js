// Progressive enhancement only: every page works without this file.
import { initAll } from '/assets/govuk/govuk-frontend.min.js'
import { initAll as initMojAll } from '/assets/moj/all.bundle.mjs'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
initMojAll()

// Idle time-out warning (the GOV.UK timeout warning pattern): shown a few minutes before the
// server would end the session, with a button that keeps it alive.
const body = document.body
const timeoutSeconds = Number(body.dataset.idleTimeoutSeconds)
const warningSeconds = Number(body.dataset.idleWarningSeconds)
if (timeoutSeconds > 0) {
  const csrf = document.querySelector('meta[name="csrf-token"]')?.content
  let warningTimer
  let signOutTimer
  const dialog = document.createElement('dialog')
  dialog.className = 'kindred-timeout-dialog'
  dialog.setAttribute('aria-labelledby', 'timeout-heading')
  dialog.innerHTML = `
    <h2 class="govuk-heading-m" id="timeout-heading">You will be signed out soon</h2>
    <p class="govuk-body">You have not used Kindred for a while. To protect children’s information you will be signed out in ${Math.round(warningSeconds / 60)} minutes. Drafts you have saved are kept.</p>
    <div class="govuk-button-group">
      <button type="button" class="govuk-button" data-module="govuk-button">Stay signed in</button>
      <a class="govuk-link" href="/sign-out">Sign out</a>
    </div>`
  body.appendChild(dialog)
  const schedule = () => {
    clearTimeout(warningTimer)
    clearTimeout(signOutTimer)
    warningTimer = setTimeout(() => dialog.showModal(), (timeoutSeconds - warningSeconds) * 1000)
    signOutTimer = setTimeout(() => { window.location.href = `/sign-in?timedOut=true&returnTo=${encodeURIComponent(location.pathname)}` }, timeoutSeconds * 1000)
  }
  dialog.querySelector('button').addEventListener('click', async () => {
    await fetch('/session/keep-alive', { method: 'POST', headers: { 'x-csrf-token': csrf ?? '' } })
    dialog.close()
    schedule()
  })
  schedule()
}
