// Identifiers for synthetic records: row ids that are the same on every run with the same seed, NHS numbers
// from each authority's own slice of the 999 test range, UPNs with valid check letters, and LA child IDs.
import { TEST_RANGE_NHS_NUMBER_COUNT, testNhsNumber } from '../identifiers/nhs-number.js'
import { generateUpn } from '../identifiers/upn.js'
import { expectedChildren } from './plan.js'
import { englandPlans } from './scales.js'

/**
 * Deterministic UUIDs: seed, authority code, a table number and a counter, laid out in the UUID format
 * (version nibble 4, variant 8). Unique by construction within a run, and across runs with other seeds.
 */
export class IdMaker {
  private readonly counters = new Map<number, number>()
  private readonly prefix: string

  constructor(seed: number, laCode: string) {
    this.prefix = `${(seed >>> 0).toString(16).padStart(8, '0')}-0${laCode}-4`
  }

  next(table: number): string {
    const n = this.counters.get(table) ?? 0
    this.counters.set(table, n + 1)
    const hex = n.toString(16).padStart(15, '0')
    return `${this.prefix}${table.toString(16).padStart(3, '0')}-8${hex.slice(0, 3)}-${hex.slice(3)}`
  }
}

export const idTables = { person: 1, address: 2, relationship: 3, allocation: 4, agency: 5, team: 6, user: 7 } as const

/**
 * The test range holds about 909,000 valid numbers, fewer than England's children with a record (about
 * 1M). Each authority has its own slice, in proportion to the children it is expected to know at England
 * scale, so authorities generated in separate runs never share a number. Children take numbers from the
 * bottom of the slice: as many as the slice allows, leaving the rest without (a few percent in a small run,
 * about one in ten at England scale). Adults take numbers from the top, only from what children will not need.
 */
export class NhsNumbers {
  private nextChild: number
  private nextAdult: number
  private readonly adultFloor: number
  /** The chance a child gets a number. */
  readonly childShare: number

  constructor(laCode: string, children: number, noNumber: number) {
    const slice = nhsSlices().get(laCode)
    if (!slice) throw new RangeError(`No NHS number slice for authority ${laCode}`)
    this.nextChild = slice.start
    this.nextAdult = slice.start + slice.size - 1
    this.childShare = Math.min(1 - noNumber, slice.size / Math.max(1, children))
    this.adultFloor = slice.start + Math.ceil(children * this.childShare * 1.1)
  }

  forChild(): string | null {
    return this.nextChild <= this.nextAdult ? testNhsNumber(this.nextChild++) : null
  }

  forAdult(): string | null {
    return this.nextAdult >= Math.max(this.adultFloor, this.nextChild) ? testNhsNumber(this.nextAdult--) : null
  }
}

let slices: Map<string, { start: number; size: number }> | undefined
function nhsSlices(): Map<string, { start: number; size: number }> {
  if (!slices) {
    const plans = englandPlans()
    const total = plans.reduce((sum, plan) => sum + expectedChildren(plan), 0)
    slices = new Map()
    let start = 0
    for (const plan of plans) {
      const size = Math.floor((expectedChildren(plan) / total) * TEST_RANGE_NHS_NUMBER_COUNT)
      slices.set(plan.authority.code, { start, size })
      start += size
    }
  }
  return slices
}

/** Establishment numbers for an authority's schools: primaries from 2000, secondaries from 4000. */
export function schoolNumbers(population: number): { primary: number[]; secondary: number[] } {
  const primary = Math.max(2, Math.min(999, Math.round(population / 700)))
  const secondary = Math.max(1, Math.min(999, Math.round(population / 4000)))
  return {
    primary: Array.from({ length: primary }, (_, i) => 2000 + i),
    secondary: Array.from({ length: secondary }, (_, i) => 4000 + i),
  }
}

/** UPNs: the authority's code, the child's first school, the year they started, and a serial per school and year. */
export class Upns {
  private readonly serials = new Map<number, number>()

  constructor(private readonly laCode: number, private readonly schools: number[]) {}

  next(pickSchool: (schools: number[]) => number, yearStarted: number): string {
    for (;;) {
      const establishment = pickSchool(this.schools)
      const key = establishment * 100 + (yearStarted % 100)
      const serial = this.serials.get(key) ?? 0
      if (serial > 999) continue
      this.serials.set(key, serial + 1)
      return generateUpn({ laCode: this.laCode, establishment, year: yearStarted, serial })
    }
  }
}
