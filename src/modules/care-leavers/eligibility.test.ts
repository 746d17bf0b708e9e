// Eligibility derived from periods of care: the boundaries the law draws (13 weeks, the 14th, 16th and 18th
// birthdays, 21 and 25) and short breaks left out.
import { describe, expect, it } from 'vitest'
import { addDays } from '../../platform/working-days/local-date.js'
import type { CarePeriod } from './care-history.js'
import { careLeaverStatus } from './eligibility.js'

const dob = '2008-06-15' // 14 on 2022-06-15, 16 on 2024-06-15, 18 on 2026-06-15, 21 on 2029-06-15, 25 on 2033-06-15
const period = (start: string, end: string | null, legalStatus = 'C2', placement = 'U1'): CarePeriod =>
  ({ start, end, reasonEnded: end ? 'E4A' : null, episodes: [{ start, end, legalStatus, placement }] })
const status = (periods: CarePeriod[], asOf: string) => careLeaverStatus(dob, periods, asOf)

describe('an eligible child', () => {
  it('is looked after now, 16 or 17, with 13 weeks since 14: eligible from the 16th birthday', () => {
    const s = status([period('2023-01-10', null)], '2024-07-01')
    expect(s).toMatchObject({ status: 'eligible', eligibleFrom: '2024-06-15', lookedAfterNow: true })
    expect(s.reason).toContain('an eligible child since 15 June 2024')
  })

  it('becomes eligible the day the 13 weeks complete, not the day before', () => {
    const start = '2024-09-01'
    const thirteenWeeksOn = addDays(start, 91)
    expect(status([period(start, null)], addDays(thirteenWeeksOn, -1)).status).toBe('none')
    expect(status([period(start, null)], addDays(thirteenWeeksOn, -1)).reason).toContain(`on ${'1 December 2024'} if still looked after`)
    expect(status([period(start, null)], thirteenWeeksOn)).toMatchObject({ status: 'eligible', eligibleFrom: thirteenWeeksOn })
  })

  it('adds up separate periods since 14 (cumulative), counting only days from the 14th birthday', () => {
    // 30 days before 14 do not count; 40 after it, then 51 more from 16 make 91.
    const periods = [period('2022-05-16', '2022-07-25'), period('2024-07-01', null)]
    expect(status(periods, addDays('2024-07-01', 50)).status).toBe('none')
    expect(status(periods, addDays('2024-07-01', 51))).toMatchObject({ status: 'eligible', eligibleFrom: '2024-08-21', daysSince14: 91 })
  })

  it('is not yet eligible before the 16th birthday, and is from the birthday itself', () => {
    const periods = [period('2022-06-15', null)]
    expect(status(periods, '2024-06-14')).toMatchObject({ status: 'none', eligibleFrom: null })
    expect(status(periods, '2024-06-14').reason).toContain('eligible from 15 June 2024')
    expect(status(periods, '2024-06-15')).toMatchObject({ status: 'eligible', eligibleFrom: '2024-06-15' })
  })

  it('counts a period that started on the 14th birthday from that day', () => {
    const s = status([period('2022-06-15', '2022-09-14'), period('2024-06-01', null)], '2024-06-15')
    expect(s.daysSince14).toBe(91 + 14)
    expect(s.status).toBe('eligible')
  })
})

describe('leaving care at 16, 17 or 18', () => {
  it('leaving at 16 or 17 after being eligible: relevant, then former relevant from 18', () => {
    const at17 = [period('2023-01-10', '2025-08-01')]
    expect(status(at17, '2025-09-01')).toMatchObject({ status: 'relevant', eligibleFrom: '2024-06-15', leftCare: '2025-08-01' })
    expect(status(at17, '2025-09-01').reason).toContain('left care on 1 August 2025 at 17')
    expect(status([period('2023-01-10', '2024-07-01')], '2024-08-01').reason).toContain('at 16')
    expect(status(at17, '2026-06-15').status).toBe('former_relevant')
  })

  it('leaving on the 16th birthday is not being looked after at 16: qualifying is not owed either', () => {
    const s = status([period('2023-01-10', '2024-06-15')], '2024-08-01')
    expect(s.status).toBe('none')
    expect(status([period('2023-01-10', '2024-06-16')], '2024-08-01').status).toBe('relevant')
  })

  it('exactly 13 weeks in care after 16 is enough; a day fewer makes a qualifying care leaver', () => {
    expect(status([period('2024-07-01', addDays('2024-07-01', 91))], '2025-01-01').status).toBe('relevant')
    const short = status([period('2024-07-01', addDays('2024-07-01', 90))], '2025-01-01')
    expect(short.status).toBe('qualifying')
    expect(short.reason).toContain('12 weeks since the 14th birthday')
  })

  it('still looked after at 18: former relevant from the 18th birthday until 25', () => {
    const periods = [period('2020-03-01', '2026-06-15')]
    expect(status(periods, '2026-06-14').status).toBe('eligible')
    expect(status(periods, '2026-06-15').status).toBe('former_relevant')
    expect(status(periods, '2033-06-14').status).toBe('former_relevant')
    expect(status(periods, '2033-06-15').status).toBe('none')
  })

  it('qualifying ends at 21', () => {
    const periods = [period('2025-01-01', '2025-02-01')]
    expect(status(periods, '2029-06-14').status).toBe('qualifying')
    expect(status(periods, '2029-06-15').status).toBe('none')
  })

  it('looked after only before 16 is not a care leaver', () => {
    expect(status([period('2022-07-01', '2023-07-01')], '2025-01-01')).toMatchObject({ status: 'none', daysSince14: 365 })
    expect(status([], '2025-01-01').reason).toBe('Has not been looked after.')
  })

  it('ignores what happened after the date asked about', () => {
    const periods = [period('2023-01-10', '2025-08-01')]
    expect(status(periods, '2025-07-31')).toMatchObject({ status: 'eligible', lookedAfterNow: true, leftCare: null })
  })
})

describe('short breaks (903 V3 and V4)', () => {
  it('do not count towards the 13 weeks nor make a child looked after now', () => {
    const breaks = [period('2022-07-01', null, 'V3', 'R1')]
    const s = status(breaks, '2025-01-01')
    expect(s).toMatchObject({ status: 'none', daysSince14: 0, lookedAfterNow: false })
    expect(s.reason).toContain('Short breaks (V3, V4) are not counted')
    expect(status([period('2024-07-01', '2025-07-01', 'V4', 'R1')], '2025-08-01').status).toBe('none')
  })

  it('an episode under V2 within the same period still counts', () => {
    const mixed: CarePeriod = {
      start: '2024-01-01', end: null, reasonEnded: null, episodes: [
        { start: '2024-01-01', end: '2024-05-01', legalStatus: 'V3', placement: 'R1' },
        { start: '2024-05-01', end: null, legalStatus: 'V2', placement: 'U3' },
      ],
    }
    expect(status([mixed], addDays('2024-06-15', 30)).status).toBe('none')
    expect(status([mixed], addDays('2024-05-01', 91))).toMatchObject({ status: 'eligible', eligibleFrom: addDays('2024-05-01', 91) })
  })
})
