// Makes one family at a time: the children (ages, sexes, ethnicity, disabilities, NHS number, UPN), the
// adults around them (mother, often a father, sometimes a step-parent or grandparents), their addresses,
// and each child's history. Family n is drawn from its own random stream, so chunks can be made in any
// size and the same seed gives the same families.
import { addYears, fromDayNumber, toDayNumber } from '../working-days/local-date.js'
import type { Address, AdultRole, Day, FamilyKind, SeedChild, SeedFamily, SeedPeriod } from './facts.js'
import { childHistory, familyHistory } from './history.js'
import { IdMaker, idTables, NhsNumbers, schoolNumbers, Upns } from './identifiers.js'
import { firstName, surname, womansSurname, type Heritage } from './names.js'
import type { Places } from './places.js'
import { expectedChildren, familyCounts, type AuthorityPlan } from './plan.js'
import { Random, Weighted } from './random.js'
import { disabilityShares, ethnicityShares, inNeedMeanDays, lookedAfterAge, pathway, protectionPlanMeanDays, referralAge } from './rates.js'
import { isLondon } from './authorities.js'

const YEAR = 365.25
const sizes: Record<FamilyKind, Weighted<number>> = {
  referred: new Weighted([[1, 0.55], [2, 0.27], [3, 0.12], [4, 0.06]]),
  open_in_need: new Weighted([[1, 0.55], [2, 0.27], [3, 0.12], [4, 0.06]]),
  open_protection: new Weighted([[1, 0.55], [2, 0.27], [3, 0.12], [4, 0.06]]),
  open_in_care: new Weighted([[1, 0.65], [2, 0.25], [3, 0.1]]),
  care_leaver: new Weighted([[1, 1]]),
}
const ageBands = (bands: typeof referralAge) => new Weighted(bands.map(([band, weight]) => [band, weight] as const))
const agesAtReferral = ageBands(referralAge)
const agesInCare = ageBands(lookedAfterAge)
const disabilityCodes = new Weighted(disabilityShares)

/** Which heritage names come from, for the mother's side and the father's. */
const parentsOf: Record<string, readonly [Heritage, Heritage, string, string]> = {
  WBRI: ['british', 'british', 'WBRI', 'WBRI'], WIRI: ['irish', 'irish', 'WIRI', 'WIRI'], WIRT: ['traveller', 'traveller', 'WIRT', 'WIRT'],
  WROM: ['eastern_european', 'eastern_european', 'WROM', 'WROM'], WOTH: ['eastern_european', 'eastern_european', 'WOTH', 'WOTH'],
  MWBC: ['british', 'caribbean', 'WBRI', 'BCRB'], MWBA: ['british', 'african', 'WBRI', 'BAFR'], MWAS: ['british', 'south_asian_muslim', 'WBRI', 'APKN'],
  MOTH: ['british', 'middle_eastern', 'WBRI', 'OOTH'], AIND: ['indian', 'indian', 'AIND', 'AIND'], APKN: ['south_asian_muslim', 'south_asian_muslim', 'APKN', 'APKN'],
  ABAN: ['south_asian_muslim', 'south_asian_muslim', 'ABAN', 'ABAN'], AOTH: ['middle_eastern', 'middle_eastern', 'AOTH', 'AOTH'],
  BCRB: ['caribbean', 'caribbean', 'BCRB', 'BCRB'], BAFR: ['african', 'african', 'BAFR', 'BAFR'], BOTH: ['african', 'caribbean', 'BOTH', 'BOTH'],
  CHNE: ['chinese', 'chinese', 'CHNE', 'CHNE'], OOTH: ['middle_eastern', 'middle_eastern', 'OOTH', 'OOTH'],
  REFU: ['british', 'british', 'REFU', 'REFU'], NOBT: ['british', 'british', 'NOBT', 'NOBT'],
}

export interface FamilyFactoryOptions {
  seed: number
  plan: AuthorityPlan
  period: SeedPeriod
  places: Places
  ids: IdMaker
}

export class FamilyFactory {
  private readonly kinds: Array<[FamilyKind, number]>
  private readonly random: Random
  private readonly ethnicities: Weighted<string>
  private readonly nhs: NhsNumbers
  private readonly upns: Upns
  private laChildIds = 0

  constructor(private readonly options: FamilyFactoryOptions) {
    const { plan, seed } = options
    this.kinds = familyCounts(plan)
    this.random = new Random(`${seed}/${plan.authority.code}/families`)
    this.ethnicities = new Weighted(ethnicityShares[isLondon(plan.authority) ? 'london' : 'england'])
    this.nhs = new NhsNumbers(plan.authority.code, expectedChildren(plan), pathway.noNhsNumber)
    this.upns = new Upns(Number(plan.authority.code), schoolNumbers(plan.population).primary)
  }

  get total(): number {
    return this.kinds.reduce((sum, [, n]) => sum + n, 0)
  }

  kindOf(index: number): FamilyKind {
    let from = 0
    for (const [kind, n] of this.kinds) {
      if (index < from + n) return kind
      from += n
    }
    throw new RangeError(`No family ${index}`)
  }

  /** Family `index` (0 up to total - 1). Call in order: NHS numbers, UPNs and LA child IDs are handed out in sequence. */
  family(index: number): SeedFamily {
    const random = this.random.derive(index)
    const kind = this.kindOf(index)
    const { asOf, yearStart } = this.options.period
    const count = sizes[kind].pick(random)
    // The day ages are drawn for, and the anchor of the family's history (see familyHistory).
    let measuredOn: Day
    let anchor: Day
    let ages: number[]
    if (kind === 'care_leaver') {
      const eighteenth = random.between(asOf - 4 * 365 + 30, yearStart - 1)
      measuredOn = eighteenth
      ages = [18]
      anchor = eighteenth - Math.min(Math.round(random.exponential(4 * 365)), 18 * 365 - 200)
    } else if (kind === 'open_in_care') {
      measuredOn = yearStart
      ages = siblingAges(random, count, agesInCare)
      const youngest = Math.min(...ages)
      anchor = yearStart - 1 - Math.min(Math.round(random.exponential(3 * 365)), Math.floor(youngest * YEAR) - 2)
    } else {
      const elapsed = kind === 'referred' ? 0
        : kind === 'open_in_need' ? 1 + Math.min(Math.round(random.exponential(inNeedMeanDays)), 4 * 365)
          : 30 + Math.min(Math.round(random.exponential(protectionPlanMeanDays)), 3 * 365)
      anchor = kind === 'referred' ? yearStart + random.below(365) : yearStart - elapsed
      measuredOn = anchor
      ages = siblingAges(random, count, agesAtReferral)
    }
    const dobs = ages.map((age) => measuredOn - Math.max(1, Math.round(age * YEAR)))
    const youngestDob = Math.max(...dobs)
    const shared = familyHistory(random, kind, this.options.period, anchor, youngestDob)

    const ethnicity = this.ethnicities.pick(random)
    const [motherHeritage, fatherHeritage, motherEthnicity, fatherEthnicity] = parentsOf[ethnicity]!
    const hasFather = random.chance(0.65)
    const fatherSurname = surname(random, fatherHeritage)
    const motherOwnSurname = hasFather && random.chance(0.45) ? fatherSurname : surname(random, motherHeritage)
    const childSurname = hasFather && random.chance(0.55) ? fatherSurname : motherOwnSurname
    const maleShare = kind === 'open_in_care' || kind === 'care_leaver' ? 0.56 : 0.52

    const children: SeedChild[] = dobs.map((dob) => {
      const sex = random.chance(maleShare) ? 'M' : 'F'
      const eighteenth = toDayNumber(addYears(fromDayNumber(dob), 18))
      const episodes = childHistory(random, shared, dob, eighteenth, asOf)
      const last = episodes[episodes.length - 1]
      const leftCareAt18 = last?.care?.end === eighteenth && eighteenth <= asOf
      return {
        id: this.options.ids.next(idTables.person),
        firstName: firstName(random, random.chance(0.5) ? motherHeritage : fatherHeritage, sex, 'child'),
        lastName: childSurname, sex, dateOfBirth: dob, ethnicity,
        nhsNumber: random.chance(this.nhs.childShare) ? this.nhs.forChild() : null,
        addresses: [], recordedOn: episodes[0]?.referral ?? anchor,
        laChildId: `S${String(++this.laChildIds).padStart(7, '0')}`,
        ...this.upn(random, dob, asOf),
        // A careful record says 'NONE' (the CIN census's code) rather than leaving it blank.
        disabilities: random.chance(pathway.disability) ? pickDisabilities(random) : ['NONE'],
        episodes,
        careLeaving: leftCareAt18 ? {
          since: eighteenth,
          inEducationOrWork: random.chance(pathway.careLeaverInEducationOrWork),
          suitablyHoused: random.chance(pathway.careLeaverSuitablyHoused),
        } : null,
      }
    })
    const family: SeedFamily = { index, kind, children, adults: [] }
    this.addAdults(random, family, { motherHeritage, fatherHeritage, motherEthnicity, fatherEthnicity, hasFather, fatherSurname, motherOwnSurname })
    this.addAddresses(random, family)
    return family
  }

  private upn(random: Random, dob: Day, asOf: Day): { upn: string | null; upnUnknownReason: string | null } {
    const ageNow = (asOf - dob) / YEAR
    if (ageNow < 5) return { upn: null, upnUnknownReason: 'UN1' }
    if (random.chance(0.02)) return { upn: null, upnUnknownReason: random.pick(['UN2', 'UN3', 'UN6']) }
    const yearStarted = Number(fromDayNumber(dob + Math.round(4.6 * YEAR)).slice(0, 4))
    return { upn: this.upns.next((schools) => random.pick(schools), yearStarted), upnUnknownReason: null }
  }

  private addAdults(random: Random, family: SeedFamily, parents: {
    motherHeritage: Heritage; fatherHeritage: Heritage; motherEthnicity: string; fatherEthnicity: string
    hasFather: boolean; fatherSurname: string; motherOwnSurname: string
  }): void {
    const { children, adults } = family
    const all = children.map((_, i) => i)
    const eldestDob = Math.min(...children.map((c) => c.dateOfBirth))
    const firstRecord = Math.min(...children.map((c) => c.recordedOn))
    const inCareNow = family.kind === 'open_in_care' || children.some((c) => c.episodes.some((e) => e.care && e.care.end === null))
    // A child who left care to a child arrangements or special guardianship order (903 E41-E48) went to a grandparent:
    // the family network records the order with them, so the 903 and the kinship record agree.
    const leftToKin = children.some((c) => c.episodes.some((e) => /^E4[1-8]$/.test(e.care?.reasonEnded ?? '')))
    const adult = (role: AdultRole, sex: 'F' | 'M', heritage: Heritage, ethnicity: string, lastName: string, dob: Day, of: number[],
      livesWithChildren: boolean, parentalResponsibility: boolean): number => {
      adults.push({
        id: this.options.ids.next(idTables.person), role, of, sex, ethnicity, lastName, dateOfBirth: dob,
        firstName: firstName(random, heritage, sex, role === 'grandparent' ? 'grandparent' : 'parent'),
        nhsNumber: random.chance(0.1) ? this.nhs.forAdult() : null,
        addresses: [], recordedOn: firstRecord, livesWithChildren, parentalResponsibility,
        possibleCarer: role === 'grandparent' && (random.chance(inCareNow ? 0.5 : 0.3) || leftToKin), partner: null,
      })
      return adults.length - 1
    }
    const motherAge = Math.min(44, Math.max(16, random.normal(26, 6)))
    const motherDob = eldestDob - Math.round(motherAge * YEAR)
    const motherSurname = womansSurname(random, parents.motherHeritage, parents.motherOwnSurname)
    const mother = adult('mother', 'F', parents.motherHeritage, parents.motherEthnicity, motherSurname, motherDob, all, !inCareNow, true)
    // The youngest of a larger family sometimes has another father.
    const halfSiblings = children.length >= 2 && random.chance(0.25) ? [children.length - 1] : []
    const fullSiblings = all.filter((i) => !halfSiblings.includes(i))
    if (parents.hasFather) {
      const livesWith = !inCareNow && random.chance(0.4)
      const father = adult('father', 'M', parents.fatherHeritage, parents.fatherEthnicity, parents.fatherSurname,
        motherDob - Math.round(random.between(-2, 8) * YEAR), fullSiblings, livesWith, livesWith || random.chance(0.7))
      if (livesWith) { adults[mother]!.partner = father; adults[father]!.partner = mother }
    }
    if (halfSiblings.length > 0 && random.chance(0.5)) {
      adult('father', 'M', parents.fatherHeritage, parents.fatherEthnicity, surname(random, parents.fatherHeritage),
        motherDob - Math.round(random.between(-3, 10) * YEAR), halfSiblings, false, random.chance(0.6))
    }
    if (!inCareNow && !adults.some((a) => a.role === 'father' && a.livesWithChildren) && random.chance(0.15)) {
      const step = adult('step_parent', 'M', parents.motherHeritage, parents.motherEthnicity, surname(random, parents.motherHeritage),
        motherDob - Math.round(random.between(-3, 8) * YEAR), all, true, false)
      adults[mother]!.partner = step
      adults[step]!.partner = mother
    }
    if (random.chance(0.25) || leftToKin) {
      const grandmotherDob = motherDob - Math.round(random.between(17, 32) * YEAR)
      const grandmother = adult('grandparent', 'F', parents.motherHeritage, parents.motherEthnicity,
        womansSurname(random, parents.motherHeritage, surname(random, parents.motherHeritage)), grandmotherDob, all, false, false)
      if (random.chance(0.4)) {
        const grandfather = adult('grandparent', 'M', parents.motherHeritage, parents.motherEthnicity, adults[grandmother]!.lastName,
          grandmotherDob - Math.round(random.between(-2, 6) * YEAR), all, false, false)
        adults[grandmother]!.partner = grandfather
        adults[grandfather]!.partner = grandmother
      }
    }
  }

  private addAddresses(random: Random, family: SeedFamily): void {
    const { places, period } = this.options
    const first = Math.min(...family.children.map((c) => c.recordedOn))
    const home = places.address(random, first - random.between(30, 8 * 365))
    const history: Address[] = [home]
    if (random.chance(0.3)) {
      const moved = random.between(first - 2 * 365, period.asOf - 30)
      history.unshift(places.address(random, home.movedIn, moved))
      home.movedIn = moved
    }
    const household = (until: Day | null): Address[] => history.map((a) => ({ ...a, movedOut: a.movedOut ?? until }))
    for (const child of family.children) {
      const care = child.episodes.find((e) => e.care && e.care.end === null)?.care
      if (child.careLeaving) {
        child.addresses = [...household(child.careLeaving.since), places.address(random, child.careLeaving.since)]
      } else {
        child.addresses = household(care ? Math.max(care.start, history[history.length - 1]!.movedIn ?? care.start) : null)
      }
    }
    for (const adult of family.adults) {
      adult.addresses = adult.livesWithChildren || adult.role === 'mother'
        ? household(null)
        : [places.address(random, adult.recordedOn - random.between(0, 10 * 365))]
    }
  }
}

/** Ages in years at the measuring day: the first from the band weights, siblings a year or more apart. */
function siblingAges(random: Random, count: number, bands: Weighted<readonly [number, number]>): number[] {
  const [low, high] = bands.pick(random)
  const ages = [low + random.next() * (high - low)]
  while (ages.length < count) {
    const gap = 1 + random.next() * 3
    const older = Math.max(...ages) + gap
    const younger = Math.min(...ages) - gap
    ages.push(older < 17.9 && (younger < 0.1 || random.chance(0.5)) ? older : younger >= 0.1 ? younger : 0.1 + random.next() * 0.5)
  }
  return ages
}

function pickDisabilities(random: Random): string[] {
  const first = disabilityCodes.pick(random)
  const second = random.chance(0.3) ? disabilityCodes.pick(random) : first
  return first === second ? [first] : [first, second]
}

