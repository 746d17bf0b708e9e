import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { OperatorError, UsageError } from '../../../cli/command.js'
import { linkCommand } from './cli-link.js'
import { csvRows } from './csv.js'

let dir: string
const path = (name: string): string => join(dir, name)

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindred-link-'))
  await writeFile(path('a.csv'), [
    'id,first_name,last_name,date_of_birth,sex,postcode,nhs_number',
    'A1,William,Smith,2015-03-04,M,LS6 2AB,999 000 0026',
    'A2,Amelia,Jones,2019-06-01,F,B12 9QP,9990000034',
    'A3,Ava,Jones,2019-06-01,F,B12 9QP,',
    'A4,Olivia,Brown,2012-11-20,F,M1 1AA,',
    '',
  ].join('\n'))
  await writeFile(path('b.csv'), [
    'nhs_number,id,first_name,last_name,date_of_birth,sex,postcode,unused',
    ',B1,Bill,Smith,04/03/2015,M,LS6 3XY,x',
    ',B2,"Olivia",Browne,20/11/2012,F,M1 1AA,',
    ',B3,Isla,Jones,01/06/2019,F,B12 9QP,',
    ',B4,Noah,Patel,2010-01-01,M,NE1 4XF,',
  ].join('\r\n'))
  vi.spyOn(console, 'log').mockImplementation(() => {})
  vi.spyOn(console, 'error').mockImplementation(() => {})
})

afterAll(async () => {
  vi.restoreAllMocks()
  await rm(dir, { recursive: true, force: true })
})

async function readLinks(file: string) {
  const [header, ...rows] = [...csvRows(await readFile(file, 'utf8'), file)].map((row) => row.cells)
  return { header, rows }
}

describe('kindred link', () => {
  it('writes one row per accepted link, with score and reasons, and no twin links', async () => {
    const code = await linkCommand.run([path('a.csv'), path('b.csv'), '--out', path('links.csv'), '--suggestions', path('maybe.csv')])
    expect(code).toBe(0)
    const { header, rows } = await readLinks(path('links.csv'))
    expect(header).toEqual(['a_id', 'b_id', 'score', 'reasons'])
    expect(rows.map(([a, b]) => `${a}-${b}`).sort()).toEqual(['A1-B1', 'A4-B2'])
    const bill = rows.find(([a]) => a === 'A1')!
    expect(Number(bill[2])).toBeGreaterThanOrEqual(0.95)
    expect(bill[3]).toContain('first name: nickname of')
    expect(bill[3]).toContain('same date of birth')
    expect(bill[3]).toContain('postcode district matches')
    const suggestions = await readLinks(path('maybe.csv'))
    expect(suggestions.rows.filter(([, b]) => b === 'B3').map(([a]) => a).sort()).toEqual(['A2', 'A3'])
  })

  it('accepts only links at or above --threshold', async () => {
    // In files this small nearly every agreeing pair is near certain: Olivia (all but a surname slip) scores
    // a weight near 40, Bill (nickname, moved within the district) near 31; 1 - 1e-11 is a weight of 36.5.
    await linkCommand.run([path('a.csv'), path('b.csv'), '--out', path('strict.csv'), '--threshold', '0.99999999999'])
    const { rows } = await readLinks(path('strict.csv'))
    expect(rows.map(([a, b]) => `${a}-${b}`)).toEqual(['A4-B2'])
  })

  it('names a missing file', async () => {
    await expect(linkCommand.run([path('a.csv'), path('none.csv'), '--out', path('x.csv')]))
      .rejects.toThrow(new OperatorError(`cannot read ${path('none.csv')}: no such file`))
  })

  it('names the file and line when there is no id column or the CSV is broken', async () => {
    await writeFile(path('no-id.csv'), 'first_name,last_name\nAva,Jones\n')
    await expect(linkCommand.run([path('no-id.csv'), path('b.csv'), '--out', path('x.csv')]))
      .rejects.toThrow(`${path('no-id.csv')} line 1: no id column`)
    await writeFile(path('broken.csv'), 'id,first_name\n1,Ava\n2,"Isla\n')
    await expect(linkCommand.run([path('a.csv'), path('broken.csv'), '--out', path('x.csv')]))
      .rejects.toThrow(new OperatorError(`${path('broken.csv')} line 3: a quoted field is not closed`))
    await writeFile(path('blank-id.csv'), 'id,first_name\n1,Ava\n,Isla\n')
    await expect(linkCommand.run([path('a.csv'), path('blank-id.csv'), '--out', path('x.csv')]))
      .rejects.toThrow(`${path('blank-id.csv')} line 3: the id is blank`)
  })

  it('rejects bad arguments as usage errors', async () => {
    await expect(linkCommand.run([path('a.csv'), '--out', path('x.csv')])).rejects.toThrow(UsageError)
    await expect(linkCommand.run([path('a.csv'), path('b.csv')])).rejects.toThrow('--out <links.csv> is required')
    await expect(linkCommand.run([path('a.csv'), path('b.csv'), '--out', path('x.csv'), '--threshold', '2']))
      .rejects.toThrow(UsageError)
    await expect(linkCommand.run([path('a.csv'), path('b.csv'), '--out', path('x.csv'), '--colour'])).rejects.toThrow(UsageError)
  })
})
