// Autosave for long forms (`<form data-autosave-url>`): while the user types, the answers are sent as a
// draft every few seconds, and once more when the page is hidden, so a time-out or a closed laptop
// loses at most a few seconds. Without JavaScript, the form's "Save as draft" button does the same.
const form = document.querySelector('form[data-autosave-url]')
if (form) {
  const everyMs = 3000
  const status = form.querySelector('[data-autosave-status]')
  const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? ''
  const show = (text) => { if (status) status.textContent = text }
  let timer = null
  let dirty = false

  const answers = () => {
    const body = new URLSearchParams(new FormData(form))
    body.delete('action')
    body.delete('_csrf')
    return body
  }

  const save = async ({ leaving = false } = {}) => {
    timer = null
    if (!dirty) return
    dirty = false
    try {
      const body = answers()
      // keepalive lets the last save finish as the page closes; browsers cap it at 64 KB.
      const response = await fetch(form.dataset.autosaveUrl, {
        method: 'POST', body, headers: { 'x-csrf-token': csrf }, keepalive: leaving && body.toString().length < 60_000,
      })
      if (!response.ok) throw new Error(String(response.status))
      const time = new Date().toLocaleTimeString('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true }).replace(' ', '')
      show(`Draft saved at ${time}`)
    } catch {
      dirty = true
      show('Your draft could not be saved automatically. Use “Save as draft”, or copy your text before you leave this page.')
    }
  }

  form.addEventListener('input', () => {
    dirty = true
    timer ??= setTimeout(save, everyMs)
  })
  form.addEventListener('submit', () => { clearTimeout(timer); timer = null; dirty = false })
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') save({ leaving: true }) })
}
