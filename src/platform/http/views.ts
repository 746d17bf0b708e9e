// Nunjucks with the GOV.UK and MoJ component macros. Templates are named from src/, so a module's
// view is `modules/people/views/child.njk` and the layout is `platform/views/layout.njk`.
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import nunjucks from 'nunjucks'

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const require = createRequire(import.meta.url)
export const govukFrontendDir = path.dirname(require.resolve('govuk-frontend/package.json'))
export const mojFrontendDir = path.dirname(require.resolve('@ministryofjustice/frontend/package.json'))

const ukDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' })
const ukDateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', hourCycle: 'h12', timeZone: 'Europe/London',
})
const londonTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' })

function toDate(value: Date | string | null | undefined): Date | null {
  if (!value) return null
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

export function createViews(): nunjucks.Environment {
  const env = nunjucks.configure(
    [srcDir, path.join(govukFrontendDir, 'dist'), mojFrontendDir],
    { autoescape: true, throwOnUndefined: false, noCache: process.env.NODE_ENV === 'development' },
  )
  env.addFilter('ukDate', (value: Date | string | null) => { const d = toDate(value); return d ? ukDate.format(d) : '' })
  // GOV.UK style: "18 November 2026 at 2:30pm"; something recorded for a day, not a time, shows the day only.
  env.addFilter('ukDateTime', (value: Date | string | null) => {
    const d = toDate(value)
    if (!d) return ''
    if (londonTime.format(d) === '00:00') return ukDate.format(d)
    return ukDateTime.format(d).replace(/\s?(am|pm)$/i, (m) => m.trim().toLowerCase())
  })
  return env
}
