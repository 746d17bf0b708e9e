// Statutory timescales for children's social care in England, one row per period (see
// /work/shared/domain/statutory_timescales.md). Not here because they have no period to count: CP-06 (abuse
// category), CP-11's conditions for ending a plan, CP-12 (second plans), CL-03 (Staying Put), CL-04 (staying close)
// and FG-01 (family group decision making offer).

export type DayUnit = 'working-days' | 'school-days' | 'days' | 'weeks' | 'months'

/**
 * How long a timescale allows, counted from its trigger (day 0). `terms` means "by the end of the n-th school term
 * that starts after the trigger".
 */
export type Period = { unit: DayUnit | 'terms'; count: number }

/** Timescales an authority sets for itself, or may adapt, with the defaults Kindred starts from. */
export interface LocalTimescaleSettings {
  /** CP-03: from reasonable cause to suspect significant harm to the strategy discussion. */
  strategyDiscussion: Period
  /** CP-07: between core group meetings after the first. */
  coreGroupInterval: Period
  /** CP-10: between statutory visits to a child with a child protection plan. */
  childProtectionVisitInterval: Period
  /** CP-11: from notification that a child with a plan has moved in to the transfer-in conference. */
  transferInConference: Period
  /** LAC-11: whether the 20 days to the first personal education plan are school days or working days. */
  pepDayType: 'school-days' | 'working-days'
  /** How long a term is taken to be when no term dates have been entered (termly PEP reviews). */
  termLengthWithoutTermDates: Period
  /** CIN-01: between reviews of a child in need plan. */
  childInNeedPlanReviewInterval: Period
  /** FH-01: between reviews of a family help plan. */
  familyHelpPlanReviewInterval: Period
}

/**
 * Defaults take the most demanding value commonly found in local procedures, so an authority that has not yet
 * configured its own is warned early rather than late.
 */
export const DEFAULT_LOCAL_TIMESCALES: Readonly<LocalTimescaleSettings> = Object.freeze<LocalTimescaleSettings>({
  strategyDiscussion: { unit: 'working-days', count: 1 },
  coreGroupInterval: { unit: 'weeks', count: 4 },
  childProtectionVisitInterval: { unit: 'working-days', count: 10 },
  transferInConference: { unit: 'working-days', count: 15 },
  pepDayType: 'school-days',
  termLengthWithoutTermDates: { unit: 'months', count: 4 },
  childInNeedPlanReviewInterval: { unit: 'months', count: 3 },
  familyHelpPlanReviewInterval: { unit: 'months', count: 3 },
})

export type PeriodSetting = Exclude<keyof LocalTimescaleSettings, 'pepDayType'>

export interface TimescaleRule {
  /** The row in statutory_timescales.md, with a suffix where that row holds several periods (`LAC-04.second`). */
  id: string
  /** Plain English, for screens: what has to happen. */
  name: string
  /** The event day 0 is counted from. */
  trigger: string
  /** The national period, or the default where the period is local. */
  period: Period
  /** `must`: a legal duty; `should`: statutory guidance. */
  strength: 'must' | 'should'
  source: string
  /** National timescales are the same everywhere; local ones exist only in each authority's procedures. */
  scope: 'national' | 'local'
  /** Present when an authority may change the rule, naming the setting that does it. */
  setting?: keyof LocalTimescaleSettings
  /** Caveats from the source table (points to verify, assumptions). */
  note?: string
}

const wd = (count: number): Period => ({ unit: 'working-days', count })
const weeks = (count: number): Period => ({ unit: 'weeks', count })
const months = (count: number): Period => ({ unit: 'months', count })
const local = (setting: PeriodSetting): Pick<TimescaleRule, 'period' | 'scope' | 'setting'> =>
  ({ period: DEFAULT_LOCAL_TIMESCALES[setting], scope: 'local', setting })

const WT = 'Working Together to Safeguard Children 2023, ch.4'
const REGS = 'Care Planning, Placement and Case Review (England) Regulations 2010'

export const TIMESCALE_RULES = [
  { id: 'CP-01', name: 'Decide what response a referral needs and tell the referrer', trigger: 'Referral received',
    period: wd(1), strength: 'should', source: `${WT} (carried from WT 2018 ch.1)`, scope: 'national' },
  { id: 'CP-02', name: 'Complete the child and family assessment', trigger: 'Referral (point of request for help)',
    period: wd(45), strength: 'should', source: `${WT} "Timeliness"; CIN census assessment duration`, scope: 'national',
    note: 'A maximum: record the reasons when it is exceeded.' },
  { id: 'CP-03', name: 'Hold the strategy discussion', trigger: 'Reasonable cause to suspect significant harm',
    ...local('strategyDiscussion'), strength: 'should', source: `${WT}; local procedures`,
    note: 'No national limit: "immediately" or urgently. Authorities set 1-3 working days.' },
  { id: 'CP-04', name: 'Complete the section 47 enquiry', trigger: 'Strategy discussion that starts the section 47 enquiry',
    period: wd(15), strength: 'should', source: `Children Act 1989 s47; ${WT}`, scope: 'national',
    note: 'No completion limit of its own: it must be complete in time for the initial conference (CP-05).' },
  { id: 'CP-05', name: 'Hold the initial child protection conference',
    trigger: 'Strategy discussion at which the section 47 enquiry was started (the latest, if several)',
    period: wd(15), strength: 'should', source: WT, scope: 'national' },
  { id: 'CP-07.first', name: 'Hold the first core group meeting', trigger: 'Initial child protection conference',
    period: wd(10), strength: 'should', source: 'Working Together 2018, flowchart 5', scope: 'national' },
  { id: 'CP-07.subsequent', name: 'Hold the next core group meeting', trigger: 'Previous core group meeting',
    ...local('coreGroupInterval'), strength: 'should', source: 'Local procedures (commonly every 4-6 weeks)' },
  { id: 'CP-08', name: 'Hold the first child protection review conference', trigger: 'Initial child protection conference',
    period: months(3), strength: 'should', source: WT, scope: 'national' },
  { id: 'CP-09', name: 'Hold the next child protection review conference', trigger: 'Previous review conference',
    period: months(6), strength: 'should', source: WT, scope: 'national' },
  { id: 'CP-10', name: 'Visit the child (child protection plan)', trigger: 'Start of the plan, then each visit',
    ...local('childProtectionVisitInterval'), strength: 'should', source: `${WT}; local procedures`,
    note: 'Frequency set in the plan; no national maximum (10 working days, 3 weeks and 28 days are all in use).' },
  { id: 'CP-11', name: 'Hold the transfer-in conference', trigger: 'Notification that a child with a plan has moved in permanently',
    ...local('transferInConference'), strength: 'should', source: `${WT}; local procedures` },
  { id: 'LAC-01', name: 'Prepare the care plan', trigger: 'Start of the first placement',
    period: wd(10), strength: 'must', source: `${REGS} reg 4(2)`, scope: 'national',
    note: 'Due before the placement where possible.' },
  { id: 'LAC-02', name: 'Prepare the placement plan', trigger: 'Start of the placement',
    period: wd(5), strength: 'must', source: `${REGS} reg 9`, scope: 'national',
    note: 'Due before the placement where possible. [verify] in the source table.' },
  { id: 'LAC-03', name: 'Give written notice of the emergency placement arrangements', trigger: 'Emergency placement',
    period: wd(5), strength: 'must', source: `${REGS} reg 13`, scope: 'national' },
  { id: 'LAC-04.first', name: 'Hold the first looked-after review', trigger: 'Child becomes looked after',
    period: wd(20), strength: 'must', source: `${REGS} reg 33`, scope: 'national' },
  { id: 'LAC-04.second', name: 'Hold the second looked-after review', trigger: 'First review',
    period: months(3), strength: 'must', source: `${REGS} reg 33`, scope: 'national' },
  { id: 'LAC-04.subsequent', name: 'Hold the next looked-after review', trigger: 'Previous review',
    period: months(6), strength: 'must', source: `${REGS} reg 33`, scope: 'national' },
  { id: 'LAC-05.first', name: 'Visit the child in the new placement', trigger: 'Start of any placement',
    period: weeks(1), strength: 'must', source: `${REGS} reg 28(2)(a)`, scope: 'national' },
  { id: 'LAC-05.interval', name: 'Visit the child in placement',
    trigger: 'Previous visit, in the first year of the placement or where it is not meant to last until 18',
    period: weeks(6), strength: 'must', source: `${REGS} reg 28(2)(b), (c)(ii)`, scope: 'national' },
  { id: 'LAC-05.long-term', name: 'Visit the child in a long-term placement',
    trigger: 'Previous visit, after the first year of a placement meant to last until 18',
    period: months(3), strength: 'must', source: `${REGS} reg 28(2)(c)(i)`, scope: 'national' },
  { id: 'LAC-06.weekly', name: 'Visit the child placed with a parent before assessment',
    trigger: 'Placement with parent (reg 19), then each visit until the first review',
    period: weeks(1), strength: 'must', source: `${REGS} reg 28(3)`, scope: 'national' },
  { id: 'LAC-06.interval', name: 'Visit the child placed with a parent', trigger: 'Previous visit, after the first review',
    period: weeks(6), strength: 'must', source: `${REGS} reg 28(3)`, scope: 'national' },
  { id: 'LAC-07.weekly', name: 'Visit the child with temporarily approved connected carers or a parent under an ICO',
    trigger: 'Placement (reg 24 approval, or interim care order living with a parent), then each visit until the first review',
    period: weeks(1), strength: 'must', source: `${REGS} reg 28(4)`, scope: 'national' },
  { id: 'LAC-07.interval', name: 'Visit the child with temporarily approved connected carers or a parent under an ICO',
    trigger: 'Previous visit, after the first review',
    period: weeks(4), strength: 'must', source: `${REGS} reg 28(4)`, scope: 'national' },
  { id: 'LAC-08.first', name: 'Visit the child living with a parent under a care order', trigger: 'Care order made',
    period: weeks(1), strength: 'must', source: `${REGS} reg 28(5)`, scope: 'national' },
  { id: 'LAC-08.interval', name: 'Visit the child living with a parent under a care order', trigger: 'Previous visit',
    period: weeks(6), strength: 'must', source: `${REGS} reg 28(5)`, scope: 'national' },
  { id: 'LAC-09', name: 'Initial health assessment by a registered medical practitioner', trigger: 'Child becomes looked after',
    period: wd(20), strength: 'must', source: `${REGS} reg 7; Promoting the health and wellbeing of looked-after children (2015)`,
    scope: 'national', note: 'In time for the first review; the 20 working days come from the statutory guidance.' },
  { id: 'LAC-10.under-5', name: 'Review health (child under 5)', trigger: 'Previous health assessment, made before the 5th birthday',
    period: months(6), strength: 'should', source: 'Promoting the health and wellbeing of looked-after children (2015)', scope: 'national' },
  { id: 'LAC-10.5-and-over', name: 'Review health (child 5 or over)', trigger: 'Previous health assessment, made on or after the 5th birthday',
    period: months(12), strength: 'should', source: 'Promoting the health and wellbeing of looked-after children (2015)', scope: 'national' },
  { id: 'LAC-11.initial', name: 'Start the personal education plan', trigger: 'Child becomes looked after or changes school',
    period: { unit: 'school-days', count: 20 }, strength: 'should', scope: 'national', setting: 'pepDayType',
    source: 'Promoting the education of looked-after and previously looked-after children (Feb 2018)',
    note: 'Some authorities count working days: the day type is a local setting.' },
  { id: 'LAC-11.review', name: 'Review the personal education plan', trigger: 'Previous personal education plan meeting',
    period: { unit: 'terms', count: 1 }, strength: 'should', scope: 'national',
    source: 'Promoting the education of looked-after and previously looked-after children (Feb 2018)',
    note: 'Each term: due by the end of the next term.' },
  { id: 'CL-01', name: 'Assess the eligible child\'s needs for the pathway plan',
    trigger: '16th birthday, or becoming an eligible child if later',
    period: months(3), strength: 'must', source: `${REGS} regs 40-43`, scope: 'national' },
  { id: 'CL-02', name: 'Review the pathway plan', trigger: 'Pathway plan, then each review',
    period: months(6), strength: 'must', source: 'Children Act 1989 ss23A-23CA; Care Leavers (England) Regulations 2010 reg 7',
    scope: 'national', note: 'Regulation paragraph to verify.' },
  { id: 'CIN-01', name: 'Review the child in need plan', trigger: 'Start of the child in need plan, then each review',
    ...local('childInNeedPlanReviewInterval'), strength: 'should', source: `${WT}; local procedures`,
    note: 'No national interval: plans are reviewed "regularly". Authorities commonly set every 3 months.' },
  { id: 'FH-01', name: 'Review the family help plan', trigger: 'Start of the family help, then each review',
    ...local('familyHelpPlanReviewInterval'), strength: 'should', source: 'Local procedures (Families First for Children)',
    note: 'No national interval; authorities commonly review every 3 months, or sooner if the plan says so.' },
] as const satisfies readonly TimescaleRule[]

export type TimescaleRuleId = (typeof TIMESCALE_RULES)[number]['id']

const RULES_BY_ID = new Map<string, TimescaleRule>(TIMESCALE_RULES.map((rule) => [rule.id, rule]))

export function timescaleRule(id: TimescaleRuleId): TimescaleRule {
  return RULES_BY_ID.get(id)!
}
