// /returns/validate over HTTP: an analyst uploads a return, sees its report and downloads it as CSV; bad files and
// missing answers come back as GOV.UK errors; the report is the uploader's alone; other roles are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signedIn, type TestApp, createTestApp } from '../../../test/support/app.js'
import { toCsv } from '../../platform/http/csv.js'
import { synthetic903 } from './bench/synthetic-903.js'
import { parseCsv } from './ssda903/ruleset.js'
import { REPORT_COLUMNS } from './validate/validate-return.js'

let t: TestApp
beforeAll(async () => { t = await createTestApp() })
afterAll(async () => { await t?.close() })

const tables = synthetic903(25, 2026, 'upload-test')
const files = Object.values(tables).map((table, i) => ({ filename: `sheet${i}.csv`, content: toCsv(table.columns, table.rows) }))
const year = (() => { const today = new Date(); return String(today.getUTCMonth() >= 3 ? today.getUTCFullYear() + 1 : today.getUTCFullYear()) })()

describe('checking an uploaded return', () => {
  it('reports every rule failure with its row and child, and offers the report as CSV', async () => {
    const analyst = await signedIn(t.app, 'analyst')
    const form = await analyst.get('/returns/validate')
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain('enctype="multipart/form-data"')

    const posted = await analyst.postFiles('/returns/validate', { kind: '903', year, ruleset: 'lac2025_26' }, { files })
    expect(posted.statusCode).toBe(303)
    const reportHref = posted.headers.location as string
    const page = await analyst.get(reportHref)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Rules applied')
    expect(page.body).toContain('lac2025_26')
    expect(page.body).toMatch(/<dt class="govuk-summary-list__key">\s*Children\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*25\s*<\/dd>/)

    const csv = await analyst.get(`${reportHref}/report.csv`)
    expect(csv.headers['content-type']).toContain('text/csv')
    const rows = parseCsv(csv.body)
    expect(rows[0]).toEqual([...REPORT_COLUMNS])
    expect(rows.length).toBeGreaterThan(1)
    // The page shows the same failures as the CSV, each with its file and line.
    const [rule, , , table, row, , , file, line] = rows[1]!
    expect(page.body).toContain(`Error ${rule}`)
    expect(page.body).toContain(`${table} row ${row}`)
    expect(page.body).toContain(`${file} line ${line}`)

    // Only analysts may open it (and only the one who uploaded it: the report is read by its owner's id).
    const other = await signedIn(t.app, 'team.manager')
    expect((await other.get(reportHref)).statusCode).toBe(403)
  })

  it('shows each problem with a file as a GOV.UK error naming the file, line and column, and keeps the answers', async () => {
    const analyst = await signedIn(t.app, 'analyst')
    await analyst.get('/returns/validate')
    const episodes = files.find((f) => f.content.startsWith('CHILD,DECOM'))!
    const broken = { filename: 'episodes.csv', content: episodes.content.replace('CHILD,DECOM,', 'CHILD,STARTED,') }
    const response = await analyst.postFiles('/returns/validate', { kind: '903', year }, { files: [...files.filter((f) => f !== episodes), broken] })
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('There is a problem')
    expect(response.body).toContain('episodes.csv, line 1: this looks like the Episodes table but has no DECOM column')
    expect(response.body).toContain('href="#files"')
    expect(response.body).toMatch(/<input[^>]*value="903"[^>]*checked/)

    const xml = await analyst.postFiles('/returns/validate', { kind: 'cin', year }, { files: [{ filename: 'cin.xml', content: '<Message>\n<Header>\n</Message>' }] })
    expect(xml.statusCode).toBe(400)
    expect(xml.body).toMatch(/cin\.xml, line 3, column \d+: /)
  })

  it('asks for the return, the year and the files when they are missing', async () => {
    const analyst = await signedIn(t.app, 'analyst')
    await analyst.get('/returns/validate')
    const response = await analyst.postFiles('/returns/validate', {}, {})
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('Select which return the files are')
    expect(response.body).toContain('Select the collection year')
    expect(response.body).toContain('Select the files of the return')
  })

  it('is for performance analysts only, and refuses a post without the CSRF token', async () => {
    const worker = await signedIn(t.app, 'social.worker')
    expect((await worker.get('/returns/validate')).statusCode).toBe(403)
    const analyst = await signedIn(t.app, 'analyst')
    analyst.csrfToken = 'wrong'
    expect((await analyst.postFiles('/returns/validate', { kind: '903', year }, { files })).statusCode).toBe(403)
  })
})
