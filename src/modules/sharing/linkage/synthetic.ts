// Synthetic linkage test data with known truth. File A: children in families (siblings share a surname and
// address; some are twins). File B: most of A's children again as another agency would record them (typos,
// swapped day and month, changed surnames, nicknames, missing NHS numbers, moves), plus children not in A,
// some of them brothers, sisters or twins of children who are.
import { isCalendarDate, formatDateOfBirth } from './dates.js'
import { nhsCheckDigit } from './nhs-number.js'
import { nicknamesOf } from './nicknames.js'
import { Random } from './prng.js'
import { buildRecordSet, Vocabulary, type Person, type RecordSet } from './records.js'
import { BOYS_NAMES, GIRLS_NAMES, RARER_SURNAMES, SURNAMES, nameList } from './synthetic-names.js'

export interface SyntheticLinkage {
  vocabulary: Vocabulary
  a: RecordSet
  b: RecordSet
  /** For each record in B, the position in A of the same child, or -1 for a child not in A. */
  truth: Int32Array
  matches: number
}

/** How often each change happens to a child recorded again in B (independently of each other). */
export const RATES = {
  inB: 0.85,
  newInB: 0.15,
  newIsFamily: 0.35,
  newFamilyIsTwin: 0.3,
  nhsMissingA: 0.15,
  nhsMissingB: 0.4,
  nhsTypo: 0.005,
  nickname: 0.08,
  firstNameTypo: 0.03,
  surnameChanged: 0.03,
  surnameDoubleBarrelled: 0.02,
  surnameTypo: 0.03,
  dayMonthSwapped: 0.03,
  dobTypo: 0.02,
  moved: 0.1,
  movedNearby: 0.5,
  fieldBlank: 0.01,
} as const

interface Child {
  first: string
  last: string
  /** yyyymmdd */
  dob: number
  sex: 'M' | 'F'
  postcode: string
  nhs: string
}

export function generateLinkage(size: number, seed: number): SyntheticLinkage {
  const random = new Random(seed)
  const names = new NamePicker(random)
  const places = new Places(random, Math.max(500, Math.round(size / 3)))
  const nhsNumbers = new NhsNumbers(random)
  const children = generateFamilies(size, random, names, places, nhsNumbers)
  const vocabulary = new Vocabulary()
  const a = buildRecordSet(vocabulary, children.map((child, i) => asPerson(`A${i}`, child, random)), children.length)
  const rowsB: Array<{ child: Child; truth: number }> = []
  children.forEach((child, i) => {
    if (random.chance(RATES.inB)) rowsB.push({ child: recordedAgain(child, random, names, places), truth: i })
  })
  const matches = rowsB.length
  const newChildren = Math.round(size * RATES.newInB)
  for (let n = 0; n < newChildren; n++) {
    const child = random.chance(RATES.newIsFamily)
      ? newSibling(random.pick(children), random, names, nhsNumbers)
      : newFamily(random, names, places, nhsNumbers, 1)[0]!
    child.nhs = random.chance(RATES.nhsMissingB) ? '' : child.nhs
    rowsB.push({ child, truth: -1 })
  }
  shuffle(rowsB, random)
  const b = buildRecordSet(vocabulary, rowsB.map((row, i) => asPerson(`B${i}`, row.child, random)), rowsB.length)
  return { vocabulary, a, b, truth: Int32Array.from(rowsB, (row) => row.truth), matches }
}

function generateFamilies(size: number, random: Random, names: NamePicker, places: Places, nhs: NhsNumbers): Child[] {
  const children: Child[] = []
  while (children.length < size) {
    const roll = random.next()
    const count = Math.min(size - children.length, roll < 0.5 ? 1 : roll < 0.8 ? 2 : roll < 0.95 ? 3 : 4)
    for (const child of newFamily(random, names, places, nhs, count)) {
      if (random.chance(RATES.nhsMissingA)) child.nhs = ''
      children.push(child)
    }
  }
  return children
}

function newFamily(random: Random, names: NamePicker, places: Places, nhs: NhsNumbers, count: number): Child[] {
  const eldest: Child = {
    first: '', last: names.surname(), dob: randomDob(random), sex: random.chance(0.5) ? 'M' : 'F',
    postcode: places.pick(), nhs: nhs.next(),
  }
  eldest.first = names.first(eldest.sex)
  const family = [eldest]
  while (family.length < count) {
    const twin = random.chance(0.04)
    family.push(newSibling(random.pick(family), random, names, nhs, twin, family))
  }
  return family
}

/** A brother or sister: same surname and address, another first name; a twin shares the date of birth. */
function newSibling(of: Child, random: Random, names: NamePicker, nhs: NhsNumbers, twin = random.chance(RATES.newFamilyIsTwin), family = [of]): Child {
  const sex = random.chance(0.5) ? 'M' : 'F'
  let first = names.first(sex)
  while (family.some((other) => other.first === first)) first = names.first(sex)
  let dob = of.dob
  if (!twin) {
    const year = Math.floor(of.dob / 10_000) + (random.chance(0.5) ? 1 : -1) * (1 + random.below(6))
    dob = year >= 2008 && year <= 2026 ? year * 10_000 + (randomDob(random) % 10_000) : randomDob(random)
    if (!isCalendarDate(Math.floor(dob / 10_000), Math.floor(dob / 100) % 100, dob % 100)) dob -= 1 // 29 February
  }
  return { first, last: of.last, dob, sex, postcode: of.postcode, nhs: nhs.next() }
}

/** The same child as another agency records them. */
function recordedAgain(child: Child, random: Random, names: NamePicker, places: Places): Child {
  const again = { ...child }
  if (random.chance(RATES.nhsMissingB)) again.nhs = ''
  else if (random.chance(RATES.nhsTypo)) again.nhs = typo(again.nhs, random, '0123456789')
  const nicknames = nicknamesOf(child.first.toUpperCase())
  if (nicknames.length > 0 && random.chance(RATES.nickname)) again.first = titleCase(random.pick(nicknames))
  if (random.chance(RATES.firstNameTypo)) again.first = typo(again.first, random)
  if (random.chance(RATES.surnameChanged)) again.last = names.surname()
  else if (random.chance(RATES.surnameDoubleBarrelled)) again.last = `${again.last}-${names.surname()}`
  if (random.chance(RATES.surnameTypo)) again.last = typo(again.last, random)
  const day = child.dob % 100
  const month = Math.floor(child.dob / 100) % 100
  if (day <= 12 && day !== month && random.chance(RATES.dayMonthSwapped)) again.dob = child.dob - day - month * 100 + month + day * 100
  else if (random.chance(RATES.dobTypo)) again.dob = dobTypo(child.dob, random)
  if (random.chance(RATES.moved)) again.postcode = random.chance(RATES.movedNearby) ? places.near(child.postcode) : places.pick()
  return again
}

function asPerson(id: string, child: Child, random: Random): Person {
  const blank = (value: string): string => (random.chance(RATES.fieldBlank) ? '' : value)
  const style = random.next()
  const cased = (name: string): string => (style < 0.2 ? name.toUpperCase() : style < 0.3 ? name.toLowerCase() : name)
  const dob = formatDateOfBirth(child.dob)
  return {
    id,
    firstName: blank(cased(child.first)),
    lastName: blank(cased(child.last)),
    dateOfBirth: blank(random.chance(0.5) ? dob : `${dob.slice(8)}/${dob.slice(5, 7)}/${dob.slice(0, 4)}`),
    sex: blank(random.chance(0.8) ? child.sex : child.sex === 'M' ? 'Male' : 'Female'),
    postcode: blank(child.postcode),
    nhsNumber: child.nhs,
  }
}

const FIRST_DAY = Date.UTC(2008, 0, 1) / 86_400_000
const LAST_DAY = Date.UTC(2026, 11, 31) / 86_400_000

function randomDob(random: Random): number {
  const date = new Date((FIRST_DAY + random.below(LAST_DAY - FIRST_DAY + 1)) * 86_400_000)
  return date.getUTCFullYear() * 10_000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate()
}

/** One digit of yyyymmdd changed, keeping a real date. */
function dobTypo(dob: number, random: Random): number {
  for (let attempt = 0; attempt < 20; attempt++) {
    const place = 10 ** random.below(8)
    const digit = Math.floor(dob / place) % 10
    const changed = dob + ((digit + 1 + random.below(9)) % 10 - digit) * place
    if (isCalendarDate(Math.floor(changed / 10_000), Math.floor(changed / 100) % 100, changed % 100)) return changed
  }
  return dob
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

/** One typing slip: a character changed, dropped, doubled into another, or two neighbours swapped. */
function typo(text: string, random: Random, alphabet = LETTERS): string {
  if (text.length < 3) return text
  const at = 1 + random.below(text.length - 2)
  const kind = random.below(4)
  if (kind === 0) return text.slice(0, at) + random.pick([...alphabet]) + text.slice(at + 1)
  if (kind === 1) return text.slice(0, at) + text.slice(at + 1)
  if (kind === 2) return text.slice(0, at) + random.pick([...alphabet]) + text.slice(at)
  return text.slice(0, at - 1) + text[at] + text[at - 1] + text.slice(at + 1)
}

function titleCase(name: string): string {
  return name.charAt(0) + name.slice(1).toLowerCase()
}

function shuffle<T>(items: T[], random: Random): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.below(i + 1)
    ;[items[i], items[j]] = [items[j]!, items[i]!]
  }
}

/**
 * Names drawn with a Zipf-like spread (weight 1/√rank): the most common boy's name goes to about one boy in 25
 * and the most common surname to about one child in 65 (Smith: about one in 80 in England).
 */
class NamePicker {
  private readonly boys = weighted(nameList(BOYS_NAMES))
  private readonly girls = weighted(nameList(GIRLS_NAMES))
  private readonly surnames = weighted([...new Set([...nameList(SURNAMES), ...RARER_SURNAMES])])

  constructor(private readonly random: Random) {}

  first(sex: 'M' | 'F'): string {
    return pickWeighted(sex === 'M' ? this.boys : this.girls, this.random)
  }

  surname(): string {
    return pickWeighted(this.surnames, this.random)
  }
}

interface Weighted {
  items: string[]
  cumulative: Float64Array
}

function weighted(items: string[]): Weighted {
  const cumulative = new Float64Array(items.length)
  let total = 0
  items.forEach((_, rank) => {
    total += 1 / Math.sqrt(rank + 1)
    cumulative[rank] = total
  })
  return { items, cumulative: cumulative.map((value) => value / total) }
}

function pickWeighted({ items, cumulative }: Weighted, random: Random): string {
  const target = random.next()
  let low = 0
  let high = items.length - 1
  while (low < high) {
    const middle = (low + high) >> 1
    if (cumulative[middle]! < target) low = middle + 1
    else high = middle
  }
  return items[low]!
}

const AREAS = `B BD BL BN BS CB CM CT CV DE DN DY E EX GL GU HD HU HX IP L LE LS M ME MK N NE NG NN NR NW OL OX PE
PL PO PR RG S SE SK SO SR ST SW TN TS W WF WN WS WV YO`.split(/\s+/)
const UNIT_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'

/** A fixed pool of addresses, so unrelated families sometimes share a postcode, as neighbours do. */
class Places {
  private readonly pool: string[]

  constructor(private readonly random: Random, size: number) {
    this.pool = Array.from({ length: size }, () => this.near(`${random.pick(AREAS)}${1 + random.below(20)} 1AA`))
  }

  pick(): string {
    return this.random.pick(this.pool)
  }

  /** Another address in the same postcode district. */
  near(postcode: string): string {
    const district = postcode.split(' ')[0]
    const unit = this.random.pick([...UNIT_LETTERS]) + this.random.pick([...UNIT_LETTERS])
    return `${district} ${this.random.below(10)}${unit}`
  }
}

/** Distinct valid NHS numbers in the 999 test range, in a scrambled order; blank once the range is used up. */
class NhsNumbers {
  private counter = 0
  private readonly offset: number

  constructor(random: Random) {
    this.offset = random.below(1_000_000)
  }

  next(): string {
    while (this.counter < 1_000_000) {
      const serial = (this.counter++ * 7919 + this.offset) % 1_000_000
      const firstNine = `999${String(serial).padStart(6, '0')}`
      const check = nhsCheckDigit(firstNine)
      if (check !== null) return `${firstNine}${check}`
    }
    return ''
  }
}
