// A synthetic CIN census XML document (2025/26 shape) for benchmarks: deterministic from the size, with referrals,
// assessments and their factors, CIN plans, section 47 enquiries, conferences and child protection plans with
// reviews in national proportions, and a small share of the slips real returns carry.
import { generateUpn } from '../../../platform/identifiers/upn.js'
import { Random } from '../../../platform/seed/random.js'

const DAY = 86_400_000
const ETHNICITY = ['WBRI', 'WBRI', 'WBRI', 'WOTH', 'MWBC', 'AIND', 'BAFR', 'OOTH']
const SOURCES = ['1A', '1B', '1C', '2A', '2B', '3A', '3B', '3C', '5A', '5B', '5C', '5D', '6', '7', '8', '9']
const NEEDS = ['N1', 'N1', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9']
const FACTORS = ['1B', '1C', '2B', '2C', '3B', '3C', '4B', '4C', '5B', '5C', '6B', '6C', '18B', '18C', '19B', '19C', '20', '22A']
const ABUSE = ['NEG', 'NEG', 'EMO', 'EMO', 'PHY', 'SAB', 'MUL']
const CLOSURE = ['RC7', 'RC7', 'RC7', 'RC3', 'RC4', 'RC5', 'RC6']
const SLIPS = 0.01

export function syntheticCinXml(children: number, collectionYear: number, seed = 'bench-cin'): string {
  const random = new Random(`${seed}/${children}/${collectionYear}`)
  const yearStart = Date.UTC(collectionYear - 1, 3, 1) / DAY
  const yearEnd = Date.UTC(collectionYear, 2, 31) / DAY
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<Message><Header><CollectionDetails><Collection>CIN</Collection>',
    `<Year>${collectionYear}</Year><ReferenceDate>${iso(yearEnd)}</ReferenceDate></CollectionDetails>`,
    '<Source><SourceLevel>L</SourceLevel><LEA>886</LEA><SoftwareCode>Kindred</SoftwareCode><Release>1</Release>',
    `<SerialNo>1</SerialNo><DateTime>${iso(yearEnd)}T09:00:00</DateTime></Source></Header><Children>`,
  ]
  for (let n = 0; n < children; n++) parts.push(child(random, n, yearStart, yearEnd))
  parts.push('</Children></Message>\n')
  return parts.join('')
}

function child(random: Random, n: number, yearStart: number, yearEnd: number): string {
  const age = random.below(18)
  const dob = yearEnd - age * 365 - random.below(365)
  const referral = Math.max(dob + 1, yearStart + random.below(300))
  const closed = random.chance(0.55) && referral + 60 < yearEnd ? referral + 60 + random.below(yearEnd - referral - 60) : null
  const until = closed ?? yearEnd
  const upn = age >= 5 ? `<UPN>${generateUpn({ laCode: 886, establishment: 1000 + Math.floor(n / 1000), year: 10 + (n % 15), serial: n % 1000 })}</UPN>` : '<UPNunknown>UN1</UPNunknown>'
  const out = [
    `<Child><ChildIdentifiers><LAchildID>CIN${n}</LAchildID>${upn}<PersonBirthDate>${date(random, dob)}</PersonBirthDate>`,
    `<Sex>${random.chance(0.52) ? 'M' : 'F'}</Sex></ChildIdentifiers>`,
    `<ChildCharacteristics><Ethnicity>${random.pick(ETHNICITY)}</Ethnicity>`,
    `<Disabilities><Disability>${random.chance(0.1) ? 'LD' : 'NONE'}</Disability></Disabilities>`,
    '</ChildCharacteristics><CINdetails>',
    `<CINreferralDate>${date(random, referral)}</CINreferralDate><ReferralSource>${random.pick(SOURCES)}</ReferralSource>`,
    `<PrimaryNeedCode>${random.pick(NEEDS)}</PrimaryNeedCode>`,
    closed === null ? '' : `<CINclosureDate>${date(random, closed)}</CINclosureDate><ReasonForClosure>${random.pick(CLOSURE)}</ReasonForClosure>`,
  ]
  const assessed = referral + 1 + random.below(5)
  out.push(`<Assessments><AssessmentActualStartDate>${date(random, assessed)}</AssessmentActualStartDate>`)
  if (assessed + 35 <= until) {
    out.push(`<AssessmentAuthorisationDate>${date(random, assessed + 20 + random.below(15))}</AssessmentAuthorisationDate>`,
      `<FactorsIdentifiedAtAssessment><AssessmentFactors>${random.pick(FACTORS)}</AssessmentFactors></FactorsIdentifiedAtAssessment>`)
  }
  out.push('</Assessments>')
  const enquiry = random.chance(0.35) && referral + 20 <= until
  // A CIN plan only for children not also on a child protection plan (rules 4003, 4016).
  if (!enquiry && random.chance(0.4) && assessed + 40 <= until) {
    out.push(`<CINPlanDates><CINPlanStartDate>${date(random, assessed + 40)}</CINPlanStartDate>${closed === null ? '' : `<CINPlanEndDate>${date(random, closed)}</CINPlanEndDate>`}</CINPlanDates>`)
  }
  if (enquiry) {
    const s47 = referral + 2
    const conference = random.chance(0.45) && s47 + 15 <= until
    out.push(`<Section47><S47ActualStartDate>${date(random, s47)}</S47ActualStartDate><InitialCPCtarget>${date(random, weekday(s47 + 15))}</InitialCPCtarget>`,
      conference ? `<DateOfInitialCPC>${date(random, weekday(s47 + 14))}</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired>` : '<ICPCnotRequired>true</ICPCnotRequired>',
      '</Section47><ReferralNFA>false</ReferralNFA>')
    if (conference) {
      const start = weekday(s47 + 14)
      const abuse = random.pick(ABUSE)
      out.push(`<ChildProtectionPlans><CPPstartDate>${date(random, start)}</CPPstartDate>`,
        closed === null ? '' : `<CPPendDate>${date(random, closed)}</CPPendDate>`,
        `<InitialCategoryOfAbuse>${abuse}</InitialCategoryOfAbuse><LatestCategoryOfAbuse>${abuse}</LatestCategoryOfAbuse>`,
        `<NumberOfPreviousCPP>${random.chance(0.2) ? 1 : 0}</NumberOfPreviousCPP><Reviews>`)
      for (let review = start + 90; review < until; review += 180) out.push(`<CPPreviewDate>${date(random, review)}</CPPreviewDate>`)
      out.push('</Reviews></ChildProtectionPlans>')
    }
  } else out.push('<ReferralNFA>false</ReferralNFA>')
  out.push('</CINdetails></Child>')
  return out.join('')
}

/** yyyy-mm-dd, now and then written the way a spreadsheet export would (a slip the rules catch). */
function date(random: Random, day: number): string {
  const text = iso(day)
  return random.chance(SLIPS) ? `${text.slice(8)}/${text.slice(5, 7)}/${text.slice(0, 4)}` : text
}

/** The day, or the Monday after when it falls at a weekend (day 0, 1 January 1970, was a Thursday). */
function weekday(day: number): number {
  const dayOfWeek = (day + 4) % 7
  return dayOfWeek === 6 ? day + 2 : dayOfWeek === 0 ? day + 1 : day
}

function iso(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10)
}
