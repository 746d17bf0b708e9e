// Reads what a user typed in the one search box: an NHS number (with or without spaces), dates of
// birth in the usual formats (12/03/2015, 12-3-2015, 2015-03-12, 12 March 2015), a whole or partial
// postcode, an LA child ID, a year of birth, and names.
import { normaliseNhsNumber } from '../../platform/identifiers/nhs-number.js'
import { parseLocalDate, type LocalDate } from '../../platform/working-days/local-date.js'

export interface SearchQuery {
  /** Lower-case name words, at most eight. */
  names: string[]
  dates: LocalDate[]
  years: number[]
  nhsNumber: string | null
  /** The start of a postcode, normalised: "ME14", "ME14 5", "ME14 5AB". */
  postcode: string | null
  /** Words with digits in them, upper case: compared with LA child IDs. */
  identifiers: string[]
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const monthWord = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)'

const patterns: Array<{ pattern: RegExp; read: (m: RegExpExecArray, today: LocalDate) => LocalDate | null }> = [
  { pattern: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g, read: (m) => isoDate(Number(m[1]), Number(m[2]), Number(m[3])) },
  { pattern: /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/g, read: (m, today) => isoDate(fullYear(m[3]!, today), Number(m[2]), Number(m[1])) },
  {
    pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${monthWord}\\.?,?\\s+(\\d{4})\\b`, 'gi'),
    read: (m) => isoDate(Number(m[3]), months.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1, Number(m[1])),
  },
]

const NHS_NUMBER = /\b\d{3}[\s-]?\d{3}[\s-]?\d{4}\b/
const FULL_POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b/i
const OUTWARD_CODE = /\b([A-Z]{1,2}\d[A-Z\d]?)(?:\s+(\d))?\b(?![A-Z])/i

export function parseSearchQuery(input: string, today: LocalDate): SearchQuery {
  let rest = ` ${input.slice(0, 200)} `
  const query: SearchQuery = { names: [], dates: [], years: [], nhsNumber: null, postcode: null, identifiers: [] }

  const nhs = NHS_NUMBER.exec(rest)
  if (nhs) {
    query.nhsNumber = normaliseNhsNumber(nhs[0])
    rest = rest.replace(nhs[0], ' ')
  }
  for (const { pattern, read } of patterns) {
    rest = rest.replace(pattern, (...args) => {
      const date = read(args as unknown as RegExpExecArray, today)
      if (date && !query.dates.includes(date)) query.dates.push(date)
      return ' '
    })
  }
  const full = FULL_POSTCODE.exec(rest)
  const outward = full ? null : OUTWARD_CODE.exec(rest)
  if (full) {
    query.postcode = `${full[1]!.toUpperCase()} ${full[2]!.toUpperCase()}`
    rest = rest.replace(full[0], ' ')
  } else if (outward) {
    query.postcode = outward[2] ? `${outward[1]!.toUpperCase()} ${outward[2]}` : outward[1]!.toUpperCase()
    // An outward code may also be an LA child ID, so it is kept as an identifier too.
    query.identifiers.push(outward[1]!.toUpperCase())
    rest = rest.replace(outward[0], ' ')
  }
  for (const word of rest.split(/[\s,]+/).filter(Boolean)) {
    if (/^\d{4}$/.test(word) && Number(word) >= 1900 && Number(word) <= Number(today.slice(0, 4))) query.years.push(Number(word))
    else if (/\d/.test(word)) query.identifiers.push(word.toUpperCase().replace(/[^A-Z0-9-]/g, ''))
    else {
      const name = word.toLowerCase().replace(/[^\p{L}'-]/gu, '').replace(/^['-]+|['-]+$/g, '')
      if (name && query.names.length < 8 && !query.names.includes(name)) query.names.push(name)
    }
  }
  query.identifiers = [...new Set(query.identifiers.filter(Boolean))]
  return query
}

/** The kinds of thing searched for, for the audit log (never the terms themselves). */
export function searchCriteria(query: SearchQuery): string[] {
  return [
    query.names.length > 0 && 'name',
    (query.dates.length > 0 || query.years.length > 0) && 'date of birth',
    query.nhsNumber && 'NHS number',
    query.postcode && 'postcode',
    query.identifiers.length > 0 && 'identifier',
  ].filter((c): c is string => Boolean(c))
}

function isoDate(year: number, month: number, day: number): LocalDate | null {
  return parseLocalDate(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)
}

/** 15 means 2015 when that is not in the future, otherwise 1915. */
function fullYear(typed: string, today: LocalDate): number {
  if (typed.length === 4) return Number(typed)
  const twoDigits = Number(typed)
  const thisCentury = Math.floor(Number(today.slice(0, 4)) / 100) * 100
  return thisCentury + twoDigits > Number(today.slice(0, 4)) ? thisCentury - 100 + twoDigits : thisCentury + twoDigits
}
