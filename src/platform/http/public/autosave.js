// Autosave for long forms: every few seconds after a change, the answers are saved as a draft on the
// server, so nothing is lost to a time-out. Without JavaScript, "Save as draft" does the same.
const form = document.querySelector('form[data-autosave-url]')
if (form) {
  const status = form.querySelector('[data-autosave-status]')
  const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? ''
  let timer
  const save = async () => {
    const body = new URLSearchParams(new FormData(form))
    body.delete('action')
    try {
      const response = await fetch(form.dataset.autosaveUrl, { method: 'POST', body, headers: { 'x-csrf-token': csrf } })
      if (status) status.textContent = response.ok ? `Draft saved at ${new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}` : 'Draft not saved: use Save as draft'
    } catch {
      if (status) status.textContent = 'Draft not saved: use Save as draft'
    }
  }
  form.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(save, 3000)
  })
}
