// CIN census rules on the Header module.
import type { Rule } from '../../validation/rule.js'
import { Failures, cinRule, day, view } from '../rule-kit.js'

export const headerRules: Rule[] = [
  // The reference date is 31 March of the collection year (the header's Year, else the year being validated).
  cinRule('100', 'cin2022_23', (tables, context) => {
    const header = view(tables, 'Header')
    const failures = new Failures()
    for (let row = 0; row < header.size; row++) {
      const year = Number(header.get(row, 'Year')?.trim() || new Date(context.collectionEnd * 86_400_000).getUTCFullYear())
      if (day(header.get(row, 'ReferenceDate')) !== Date.UTC(year, 2, 31) / 86_400_000) {
        failures.add(header, row, ['ReferenceDate'])
      }
    }
    return failures.toArray()
  }),
]
