// Rules whose DfE test cases are documented exceptions (see ../fixture-exceptions.ts), checked here against what
// their messages require.
import { describe, expect, it } from 'vitest'
import { parseDay } from '../../validation/dates.js'
import type { RuleContext } from '../../validation/rule.js'
import type { Cell, Tables } from '../../validation/table.js'
import { rules } from './group-100-299.js'

const context: RuleContext = {
  collectionStart: parseDay('01/04/2025') as number,
  collectionEnd: parseDay('31/03/2026') as number,
  metadata: {},
}

function flagged(code: string, tables: Tables): string[] {
  const rule = rules.find((r) => r.code === code)
  if (!rule) throw new Error(`no rule ${code}`)
  return rule.validate(tables, context).map((f) => `${f.table}:${f.row}`)
}

const table = (columns: string[], ...rows: Cell[][]) => ({ columns, rows })

describe('210: UN4 is only for children newly looked after', () => {
  const header = table(['CHILD', 'UPN'], ['A', 'UN4'], ['B', 'UN4'], ['C', 'UN4'], ['D', 'H801200001001'])
  const episodes = table(['CHILD', 'DECOM', 'DEC', 'REC'],
    ['A', '01/01/2026', null, null], // looked after since January
    ['B', '10/03/2026', '27/03/2026', 'X1'], ['B', '27/03/2026', null, null], // since 10 March, moved on 27 March
    ['C', '01/06/2025', '01/09/2025', 'E4A'], ['C', '28/03/2026', null, null], // back in care three days ago
    ['D', '01/01/2026', null, null])

  it('flags a child looked after for more than a week at 31 March, with the episode open then', () => {
    expect(flagged('210', { Header: header, Episodes: episodes })).toEqual(['Episodes:0', 'Episodes:2', 'Header:0', 'Header:1'])
  })
})

describe('1001: care leaver information only for relevant and former relevant children', () => {
  const header = table(['CHILD', 'DOB'], ['A', '01/01/2007'], ['B', '01/01/2007'], ['C', '01/01/2007'], ['D', '01/01/2007'])
  const oc3 = table(['CHILD', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
    ['A', 'YES', 'F1', 'B1'], ['B', 'YES', 'F1', 'B1'], ['C', 'YES', 'F1', 'B1'], ['D', 'YES', 'F1', 'B1'])
  const episodesLast = table(['CHILD', 'DECOM', 'DEC', 'LS', 'REC'],
    ['A', '01/01/2010', '01/02/2021', 'C2', 'E8'], // 31 days after turning 14
    ['B', '01/01/2022', '01/06/2022', 'C2', 'E8'], // 151 days, all before turning 16
    ['C', '01/01/2022', '01/02/2024', 'C2', 'X1'])
  const episodes = table(['CHILD', 'DECOM', 'DEC', 'LS', 'REC'],
    ['A', '25/12/2022', '04/01/2023', 'C2', 'E8'], // 10 days, over the 16th birthday: 41 days in all
    ['C', '01/01/2022', '01/06/2025', 'C2', 'E8'], // this year's record of last year's open episode
    ['D', '01/01/2021', '01/06/2025', 'V3', 'E8']) // short breaks only

  it('flags young people not looked after 13 weeks since 14 with some of it after 16', () => {
    expect(flagged('1001', { Header: header, OC3: oc3, Episodes: episodes, Episodes_last: episodesLast }))
      .toEqual(['OC3:0', 'OC3:1', 'OC3:3'])
  })
})
