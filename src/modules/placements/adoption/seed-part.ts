// The adopters' part of `kindred seed`, run before the looked-after part: a household for each seeded child who was
// matched for adoption (its id made from the child's, so the looked-after part names it on the child's match), its
// recruitment dated back from the match, and households still in the process or gone from it, at about the rate
// English agencies see enquiries. Adopters are one person or a couple, of the sexes their legal status says.
import type { Day } from '../../../platform/seed/facts.js'
import { firstName, surname, type Heritage } from '../../../platform/seed/names.js'
import type { Emit, SeedContext, SeedPart, SeedTable } from '../../../platform/seed/part.js'
import { at, date } from '../../../platform/seed/parts/dates.js'
import { Weighted, type Random } from '../../../platform/seed/random.js'
import { seededCare } from '../../looked-after/service.js'
import { sexesFor } from './codes.js'
import { seededAdopterHouseholdId } from './seed-ids.js'

const t = (name: string, columns: SeedTable['columns']): SeedTable => ({ name, columns })
const tables = {
  households: t('adopter_households', [['id', 'uuid'], ['la_code', 'text'], ['legal_status', 'text'], ['fostering_for_adoption', 'bool'],
    ['enquiry_received', 'date'], ['stage1_started', 'date'], ['stage1_ended', 'date'], ['application_submitted', 'date'], ['stage2_started', 'date'],
    ['stage2_ended', 'date'], ['approved', 'date'], ['left_on', 'date'], ['left_reason', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']]),
  adopters: t('adopters', [['id', 'uuid'], ['household_id', 'uuid'], ['la_code', 'text'], ['position', 'int'], ['first_name', 'text'], ['last_name', 'text'],
    ['sex', 'text'], ['gender', 'text'], ['ethnicity', 'text'], ['disability', 'text']]),
}
/** IdMaker table numbers for households not matched with a seeded child, and for adopters. */
const idTable = { household: 0x180, adopter: 0x182 }

// Most adopters are married couples of different genders; about one in five households is a same-sex couple.
const legalStatuses = new Weighted([['L11', 58], ['L12', 7], ['L2', 5], ['L3', 9], ['L4', 3], ['L0', 18]])
const ethnicities = new Weighted<readonly [string, Heritage]>([
  [['WBRI', 'british'], 82], [['WIRI', 'irish'], 2], [['WOTH', 'eastern_european'], 2], [['MWBC', 'british'], 3], [['AIND', 'indian'], 4],
  [['APKN', 'south_asian_muslim'], 2], [['BCRB', 'caribbean'], 2], [['BAFR', 'african'], 2], [['CHNE', 'chinese'], 1],
])
const leaving = new Weighted([['withdrew', 60], ['on_hold', 25], ['refused', 15]])

interface Stages { enquiry: Day; stage1Started: Day | null; stage1Ended: Day | null; application: Day | null; stage2Started: Day | null; stage2Ended: Day | null; approved: Day | null }

/** Recruitment dated back from approval: stage 1 about two months, stage 2 about four. */
function stagesBefore(random: Random, approved: Day): Stages {
  const stage2Ended = approved - random.between(14, 45)
  const stage2Started = stage2Ended - random.between(100, 130)
  const application = stage2Started - random.between(0, 7)
  const stage1Ended = application - random.between(0, 14)
  const stage1Started = stage1Ended - random.between(55, 70)
  return { enquiry: stage1Started - random.between(14, 60), stage1Started, stage1Ended, application, stage2Started, stage2Ended, approved }
}

/** A household's stages as far as it got by `asOf` (later ones not yet happened). */
const upTo = (s: Stages, asOf: Day): Stages => {
  const by = (d: Day | null) => (d !== null && d <= asOf ? d : null)
  return { enquiry: s.enquiry, stage1Started: by(s.stage1Started), stage1Ended: by(s.stage1Ended), application: by(s.application),
    stage2Started: by(s.stage2Started), stage2Ended: by(s.stage2Ended), approved: by(s.approved) }
}

function writeHousehold(ctx: SeedContext, random: Random, emit: Emit, id: string, stages: Stages, left: { on: Day; reason: string } | null): void {
  const la_code = ctx.plan.authority.code
  const legalStatus = legalStatuses.pick(random)
  const expected = sexesFor[legalStatus]
  const first: 'F' | 'M' = random.chance(0.75) ? 'F' : 'M'
  const sexes: Array<'F' | 'M'> = expected === 'one' ? [first]
    : [first, expected === 'same' ? first : expected === 'different' ? (first === 'F' ? 'M' : 'F') : random.pick(['F', 'M'] as const)]
  const [ethnicity, heritage] = ethnicities.pick(random)
  const family = surname(random, heritage)
  const lastDay = left?.on ?? stages.approved ?? stages.enquiry
  emit(tables.households, {
    id, la_code, legal_status: legalStatus, fostering_for_adoption: random.chance(0.1), enquiry_received: date(stages.enquiry), stage1_started: date(stages.stage1Started),
    stage1_ended: date(stages.stage1Ended), application_submitted: date(stages.application), stage2_started: date(stages.stage2Started),
    stage2_ended: date(stages.stage2Ended), approved: date(stages.approved), left_on: date(left?.on ?? null), left_reason: left?.reason ?? null,
    created_at: at(stages.enquiry, 30), updated_at: at(lastDay, 30),
  })
  sexes.forEach((sex, i) => emit(tables.adopters, {
    id: ctx.ids.next(idTable.adopter), household_id: id, la_code, position: i + 1, first_name: firstName(random, heritage, sex, 'parent'),
    last_name: i === 0 || random.chance(0.7) ? family : surname(random, heritage), sex, gender: sex === 'F' ? 'female' : 'male',
    ethnicity: i === 0 || random.chance(0.8) ? ethnicity : ethnicities.pick(random)[0], disability: random.chance(0.05) ? 'yes' : random.chance(0.05) ? 'unknown' : 'no',
  }))
}

/** Households not matched with a seeded child: waiting after approval, part way through, or gone from the process. */
function writeOthers(ctx: SeedContext, emit: Emit): void {
  const random = ctx.random('adopters', 0).derive('in-process')
  const { asOf } = ctx.period
  // About 4 enquiries a year that go on to stage 1 for every 10,000 children, over the last two years.
  const count = Math.max(3, Math.round((ctx.plan.population * 8) / 10_000))
  for (let i = 0; i < count; i++) {
    const stages = upTo(stagesBefore(random, asOf - random.between(-150, 500)), asOf)
    const leaves = random.chance(0.3)
    const reached = [stages.stage1Started, stages.stage2Started, stages.approved].filter((d): d is Day => d !== null)
    const leftOn = leaves ? Math.min(asOf, (reached.at(-1) ?? stages.enquiry) + random.between(7, 60)) : null
    writeHousehold(ctx, random, emit, ctx.ids.next(idTable.household), leftOn === null ? stages : upTo(stages, leftOn),
      leftOn === null ? null : { on: leftOn, reason: leaving.pick(random) })
  }
}

export const adoptersSeedPart: SeedPart = {
  name: 'adopters',
  tables: Object.values(tables),
  begin(ctx, emit) { writeOthers(ctx, emit) },
  families(ctx, families, emit) {
    for (const family of families) {
      const random = ctx.random('adopters', family.index)
      for (const child of family.children) {
        for (const period of seededCare(ctx.seed, child, ctx.period.asOf).periods) {
          const matched = period.adoption.find((a) => a.milestone === 'matched')
          if (!matched) continue
          writeHousehold(ctx, random, emit, seededAdopterHouseholdId(child, period.start), stagesBefore(random, matched.day - random.between(30, 200)), null)
        }
      }
    }
  },
}
