// What rules 300-499 must do beyond DfE's own test cases (fixtures.test.ts runs those): 392c with a postcode
// directory, which its case needs, and situations the cases leave out.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDay } from '../../validation/dates.js'
import { loadFixture } from '../../validation/fixtures.js'
import type { RuleContext } from '../../validation/rule.js'
import type { Cell, Tables } from '../../validation/table.js'
import { rules } from './group-300-499.js'
import { returnsDir } from '../../../../../test/support/shared.js'

const FIXTURES_DIR = `${returnsDir}/fixtures/ssda903`

const context: RuleContext = {
  collectionStart: parseDay('2025-04-01') as number,
  collectionEnd: parseDay('2026-03-31') as number,
  metadata: {},
}

function flagged(code: string, tables: Tables, given: RuleContext = context): Record<string, number[]> {
  const rule = rules.find((r) => r.code === code)
  if (!rule) throw new Error(`rule ${code} missing`)
  const rows: Record<string, number[]> = {}
  for (const failure of rule.validate(tables, given)) (rows[failure.table] ??= []).push(failure.row)
  return rows
}

const episodes = (columns: string[], rows: Cell[][]): Tables => ({ Episodes: { columns, rows } })

describe('392c postcodes', () => {
  const fixture = loadFixture(path.join(FIXTURES_DIR, 'lac2022_23', '392c.json'))
  const call = fixture.calls[0]!

  it('flags well-formed postcodes missing from the postcode directory, as DfE case 392c expects', () => {
    const withDirectory = { ...call.context, metadata: { postcodes: ['AB10 1JD', 'BN20 7XL'] } }
    expect(flagged('392c', call.tables, withDirectory)).toEqual({ Episodes: [0, 1, 2, 3, 4] })
  })

  it('accepts postcodes the directory lists, however they are spaced', () => {
    const directory = { columns: ['pcd'], rows: [['AB1 0JD']] }
    const withDirectory = { ...call.context, metadata: { postcodes: directory } }
    expect(flagged('392c', call.tables, withDirectory)).toEqual({ Episodes: [1, 2, 3] })
  })

  it('without a directory flags only malformed postcodes', () => {
    expect(flagged('392c', call.tables, call.context)).toEqual({ Episodes: [1, 2, 3] })
  })
})

describe('episode sequences', () => {
  it('383 accepts a return to the usual placement and postcode after a temporary one', () => {
    const tables = episodes(['CHILD', 'DECOM', 'RNE', 'PLACE', 'PL_POST'], [
      ['1', '01/05/2025', 'S', 'U3', 'BN20 7XL'],
      ['1', '01/06/2025', 'P', 'T3', 'BN21 1AA'],
      ['1', '10/06/2025', 'P', 'U3', 'bn207xl'],
      ['2', '01/05/2025', 'S', 'U3', 'BN20 7XL'],
      ['2', '01/06/2025', 'P', 'T3', 'BN21 1AA'],
      ['2', '10/06/2025', 'P', 'U3', 'BN22 1AA'],
    ])
    expect(flagged('383', tables)).toEqual({ Episodes: [5] })
  })

  it('336 does not ask for a foster placement before an adoption placement that carries on', () => {
    const tables = episodes(['CHILD', 'DECOM', 'PLACE'], [
      ['1', '01/05/2025', 'U3'],
      ['1', '01/06/2025', 'A5'],
      ['1', '01/07/2025', 'A6'],
    ])
    expect(flagged('336', tables)).toEqual({})
  })

  it('361 counts back-to-back police protection episodes as one stay', () => {
    const tables = episodes(['CHILD', 'DECOM', 'DEC', 'LS'], [
      ['1', '01/06/2025', '03/06/2025', 'L1'],
      ['1', '03/06/2025', '05/06/2025', 'L1'],
      ['2', '01/06/2025', '03/06/2025', 'L1'],
    ])
    expect(flagged('361', tables)).toEqual({ Episodes: [0, 1] })
  })
})

describe('ages', () => {
  it('359 flags an episode that went on past the 18th birthday outside section 20(5) in a children\'s home', () => {
    const tables: Tables = {
      Header: { columns: ['CHILD', 'DOB'], rows: [['1', '10/05/2007'], ['2', '10/05/2007']] },
      Episodes: {
        columns: ['CHILD', 'DEC', 'LS', 'PLACE'],
        rows: [['1', '01/06/2025', 'C2', 'U3'], ['2', '10/05/2025', 'C2', 'U3']],
      },
    }
    expect(flagged('359', tables)).toEqual({ Episodes: [0] })
  })

  it('counts a 29 February birthday as 28 February in other years', () => {
    const tables: Tables = {
      Header: { columns: ['CHILD', 'DOB'], rows: [['1', '29/02/2008'], ['2', '29/02/2008']] },
      Episodes: {
        columns: ['CHILD', 'DEC', 'REC'],
        rows: [['1', '28/02/2026', 'E17'], ['2', '27/02/2026', 'E17']],
      },
    }
    expect(flagged('460', tables)).toEqual({ Episodes: [1] })
  })
})
