// Rules whose DfE test cases leave a reading open, checked here on the cases that tell the readings apart.
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

describe('210: UN4 read as the DfE tool reads it', () => {
  const header = table(['CHILD', 'UPN'], ['A', 'UN4'], ['B', 'UN4'], ['C', 'UN4'], ['D', 'H801200001001'])
  const episodes = table(['CHILD', 'DECOM', 'DEC', 'REC'],
    ['A', '01/01/2026', null, null], // looked after since January
    ['B', '10/03/2026', '24/03/2026', 'X1'], ['B', '24/03/2026', null, null], // moved on 24 March, a week before 31 March
    ['C', '01/06/2025', '01/09/2025', 'E4A'], ['C', '28/03/2026', null, null], // back in care three days ago
    ['D', '30/03/2026', null, null])

  it('flags each episode beginning in the last week of March for a child whose UPN is UN4', () => {
    expect(flagged('210', { Header: header, Episodes: episodes })).toEqual(['Episodes:2', 'Episodes:4', 'Header:1', 'Header:2'])
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
