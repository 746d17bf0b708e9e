// SSDA903 rules 301-369: dates of birth, UASC dates, adoption dates, care leavers, episode dates, and how long
// short-lived legal statuses and respite lasted.
import type { Rule } from '../../validation/rule.js'
import type { Table } from '../../validation/table.js'
import { column } from '../../validation/table.js'
import { parseDay } from '../../validation/dates.js'
import { addYears, dayByChild, dayColumn, failuresAt, failuresWhere, rowsBy, rowsByChildInOrder } from '../helpers.js'
import { REC_ADOPTED, ADOPTION_PLACE, FOSTER_PLACE } from '../codes.js'
import {
  durationRule, earliestRowByChild, episodeAgeRule, forEachWithPrevious, isAfter,
} from './group-300-499-support.js'

const FIRST_EPISODE_ALLOWED = parseDay('1991-10-14') as number

const rule301: Rule = {
  code: '301',
  definedIn: 'lac2022_23',
  validate({ Header }, { collectionEnd }) {
    if (!Header) return []
    const dob = dayColumn(Header, 'DOB')
    return failuresWhere('Header', Header, ['DOB'], (row) => isAfter(dob[row], collectionEnd))
  },
}

const rule302: Rule = {
  code: '302',
  definedIn: 'lac2022_23',
  validate({ Header, Episodes }) {
    if (!Header || !Episodes) return []
    const first = earliestRowByChild(Episodes)
    const decom = dayColumn(Episodes, 'DECOM')
    const dob = dayColumn(Header, 'DOB')
    const headerRows: number[] = []
    const episodeRows: number[] = []
    column(Header, 'CHILD').forEach((child, row) => {
      const episode = child === null ? undefined : first.get(child)
      if (episode !== undefined && isAfter(dob[row], decom[episode])) {
        headerRows.push(row)
        episodeRows.push(episode)
      }
    })
    return [...failuresAt('Episodes', episodeRows, ['DECOM']), ...failuresAt('Header', headerRows, ['DOB'])]
  },
}

const rule303: Rule = {
  code: '303',
  definedIn: 'lac2022_23',
  validate({ Header, UASC }) {
    if (!Header || !UASC || !Header.columns.includes('UASC')) return []
    const ceased = column(UASC, 'DUC')
    const uascChildren = column(UASC, 'CHILD')
    const withCeasedDate = new Set(uascChildren.filter((child, row) => child !== null && ceased[row] !== null))
    const status = column(Header, 'UASC')
    const notUasc = new Set<string>()
    const headerRows: number[] = []
    column(Header, 'CHILD').forEach((child, row) => {
      if (child !== null && withCeasedDate.has(child) && status[row] !== '1') {
        headerRows.push(row)
        notUasc.add(child)
      }
    })
    const uascRows = uascChildren.flatMap((child, row) =>
      child !== null && notUasc.has(child) && ceased[row] !== null ? [row] : [])
    return [...failuresAt('UASC', uascRows, ['DUC']), ...failuresAt('Header', headerRows, ['UASC'])]
  },
}

const rule304: Rule = {
  code: '304',
  definedIn: 'lac2022_23',
  validate({ UASC }) {
    if (!UASC) return []
    const dob = dayColumn(UASC, 'DOB')
    const ceased = dayColumn(UASC, 'DUC')
    return failuresWhere('UASC', UASC, ['DUC'], (row) => {
      const birth = dob[row]
      return birth !== null && birth !== undefined && isAfter(ceased[row], addYears(birth, 18))
    })
  },
}

const rule331: Rule = {
  code: '331',
  definedIn: 'lac2022_23',
  validate({ AD1, Episodes }) {
    if (!AD1 || !Episodes) return []
    const matched = dayColumn(AD1, 'DATE_MATCH')
    const adopters = rowsBy(AD1)
    const decom = dayColumn(Episodes, 'DECOM')
    const rec = column(Episodes, 'REC')
    const ad1Rows: number[] = []
    const episodeRows: number[] = []
    column(Episodes, 'CHILD').forEach((child, row) => {
      if (child === null || !REC_ADOPTED.has(rec[row] ?? '')) return
      for (const ad1Row of adopters.get(child) ?? []) {
        if (isAfter(matched[ad1Row], decom[row])) {
          ad1Rows.push(ad1Row)
          episodeRows.push(row)
        }
      }
    })
    return [...failuresAt('AD1', ad1Rows, ['DATE_MATCH']), ...failuresAt('Episodes', episodeRows, ['DECOM', 'REC'])]
  },
}

const rule333: Rule = {
  code: '333',
  definedIn: 'lac2022_23',
  validate({ AD1 }) {
    if (!AD1) return []
    const decided = dayColumn(AD1, 'DATE_INT')
    const matched = dayColumn(AD1, 'DATE_MATCH')
    return failuresWhere('AD1', AD1, ['DATE_INT'], (row) =>
      matched[row] !== null && (decided[row] === null || isAfter(decided[row], matched[row])))
  },
}

/** The start of each child's latest period of care: the row of the latest episode with reason S. */
function latestPeriodStarts(episodes: Table): Map<string, number> {
  const rne = column(episodes, 'RNE')
  const decom = dayColumn(episodes, 'DECOM')
  const latest = new Map<string, number>()
  for (const [child, rows] of rowsByChildInOrder(episodes)) {
    const starts = rows.filter((row) => rne[row] === 'S' && decom[row] !== null)
    const last = starts.at(-1)
    if (last !== undefined) latest.set(child, last)
  }
  return latest
}

const rule334: Rule = {
  code: '334',
  definedIn: 'lac2022_23',
  validate({ AD1, Episodes }) {
    if (!AD1 || !Episodes) return []
    const starts = latestPeriodStarts(Episodes)
    const decom = dayColumn(Episodes, 'DECOM')
    const decided = dayColumn(AD1, 'DATE_INT')
    const ad1Rows: number[] = []
    const episodeRows: number[] = []
    column(AD1, 'CHILD').forEach((child, row) => {
      const start = child === null ? undefined : starts.get(child)
      if (start !== undefined && isAfter(decom[start], decided[row])) {
        ad1Rows.push(row)
        episodeRows.push(start)
      }
    })
    return [...failuresAt('Episodes', episodeRows, ['DECOM', 'RNE']), ...failuresAt('AD1', ad1Rows, ['DATE_INT'])]
  },
}

const WITH_CURRENT_FOSTER_CARER = new Set(['A2', 'A3', 'A5'])
const NOT_WITH_CURRENT_FOSTER_CARER = new Set(['A1', 'A4', 'A6'])

const rule335: Rule = {
  code: '335',
  definedIn: 'lac2022_23',
  validate({ AD1, Episodes }) {
    if (!AD1 || !Episodes) return []
    const place = column(Episodes, 'PLACE')
    const lastPlacement = new Map<string, number>()
    for (const [child, rows] of rowsByChildInOrder(Episodes)) lastPlacement.set(child, rows.at(-1) as number)
    const fosterCarer = column(AD1, 'FOSTER_CARE')
    const ad1Rows: number[] = []
    const episodeRows: number[] = []
    column(AD1, 'CHILD').forEach((child, row) => {
      const episode = child === null ? undefined : lastPlacement.get(child)
      if (episode === undefined) return
      const code = place[episode] ?? ''
      const contradicts = (fosterCarer[row] === '0' && WITH_CURRENT_FOSTER_CARER.has(code)) ||
        (fosterCarer[row] === '1' && NOT_WITH_CURRENT_FOSTER_CARER.has(code))
      if (contradicts) {
        ad1Rows.push(row)
        episodeRows.push(episode)
      }
    })
    return [...failuresAt('Episodes', episodeRows, ['PLACE']), ...failuresAt('AD1', ad1Rows, ['FOSTER_CARE'])]
  },
}

const rule336: Rule = {
  code: '336',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const place = column(Episodes, 'PLACE')
    const flagged: number[] = []
    forEachWithPrevious(Episodes, (row, previous) => {
      const before = place[previous] ?? ''
      // A placement for adoption that carries on (a new episode for a change of legal status) is not a new one.
      if (ADOPTION_PLACE.has(place[row] ?? '') && !FOSTER_PLACE.has(before) &&
        !ADOPTION_PLACE.has(before)) flagged.push(row)
    })
    return failuresAt('Episodes', flagged, ['PLACE'])
  },
}

const rule344: Rule = {
  code: '344',
  definedIn: 'lac2022_23',
  validate({ OC3 }) {
    if (!OC3) return []
    const inTouch = column(OC3, 'IN_TOUCH')
    const activity = column(OC3, 'ACTIV')
    const accommodation = column(OC3, 'ACCOM')
    // Activity and accommodation are coded 0 (not applicable) for a young person who died or returned home.
    return failuresWhere('OC3', OC3, ['IN_TOUCH', 'ACTIV', 'ACCOM'], (row) =>
      (inTouch[row] === 'DIED' || inTouch[row] === 'RHOM') && (activity[row] !== '0' || accommodation[row] !== '0'))
  },
}

const rule345: Rule = {
  code: '345',
  definedIn: 'lac2022_23',
  validate({ OC3 }) {
    if (!OC3) return []
    const inTouch = column(OC3, 'IN_TOUCH')
    const activity = column(OC3, 'ACTIV')
    const accommodation = column(OC3, 'ACCOM')
    return failuresWhere('OC3', OC3, ['IN_TOUCH', 'ACTIV', 'ACCOM'], (row) =>
      inTouch[row] === 'YES' && (activity[row] === '0' || accommodation[row] === '0'))
  },
}

const rule347: Rule = {
  code: '347',
  definedIn: 'lac2023_24',
  validate({ OC3 }, { collectionStart }) {
    if (!OC3) return []
    const dob = dayColumn(OC3, 'DOB')
    const accommodation = column(OC3, 'ACCOM')
    // Foyer accommodation is coded T (T1 suitable, T2 not suitable).
    return failuresWhere('OC3', OC3, ['ACCOM'], (row) => {
      const birth = dob[row]
      return Boolean(accommodation[row]?.startsWith('T')) && birth !== null && birth !== undefined &&
        addYears(birth, 18) > collectionStart
    })
  },
}

const rule348: Rule = {
  code: '348',
  definedIn: 'lac2025_26',
  validate({ OC3, OC3_last }) {
    if (!OC3 || !OC3_last) return []
    const lastInTouch = column(OC3_last, 'IN_TOUCH')
    const died = new Set(column(OC3_last, 'CHILD').filter((child, row) => child !== null && lastInTouch[row] === 'DIED'))
    const inTouch = column(OC3, 'IN_TOUCH')
    const children = column(OC3, 'CHILD')
    return failuresWhere('OC3', OC3, ['IN_TOUCH'], (row) =>
      died.has(children[row] ?? '') && inTouch[row] !== 'DIED')
  },
}

const rule351: Rule = {
  code: '351',
  definedIn: 'lac2022_23',
  validate({ Header }, { collectionStart }) {
    if (!Header) return []
    const dob = dayColumn(Header, 'DOB')
    return failuresWhere('Header', Header, ['DOB'], (row) => {
      const birth = dob[row]
      return birth !== null && birth !== undefined && addYears(birth, 25) < collectionStart
    })
  },
}

const rule352 = episodeAgeRule({
  code: '352', applies: (rne) => rne === 'S', appliesTo: 'RNE', dateName: 'DECOM', years: 18, atLeast: true,
  fields: ['DECOM', 'RNE'],
})

const rule353: Rule = {
  code: '353',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const decom = dayColumn(Episodes, 'DECOM')
    return failuresWhere('Episodes', Episodes, ['DECOM'], (row) => isAfter(FIRST_EPISODE_ALLOWED, decom[row]))
  },
}

const rule354: Rule = {
  code: '354',
  definedIn: 'lac2022_23',
  validate({ Episodes }, { collectionEnd }) {
    if (!Episodes) return []
    const decom = dayColumn(Episodes, 'DECOM')
    return failuresWhere('Episodes', Episodes, ['DECOM'], (row) => isAfter(decom[row], collectionEnd))
  },
}

const rule355: Rule = {
  code: '355',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const decom = dayColumn(Episodes, 'DECOM')
    const dec = dayColumn(Episodes, 'DEC')
    return failuresWhere('Episodes', Episodes, ['DECOM', 'DEC'], (row) =>
      decom[row] !== null && decom[row] === dec[row])
  },
}

const rule356: Rule = {
  code: '356',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const decom = dayColumn(Episodes, 'DECOM')
    const dec = dayColumn(Episodes, 'DEC')
    return failuresWhere('Episodes', Episodes, ['DECOM'], (row) => isAfter(decom[row], dec[row]))
  },
}

const rule357: Rule = {
  code: '357',
  definedIn: 'lac2022_23',
  validate({ Episodes }, { collectionStart }) {
    if (!Episodes) return []
    const decom = dayColumn(Episodes, 'DECOM')
    const rne = column(Episodes, 'RNE')
    // An episode that started before this year may follow earlier episodes that are not in this return.
    const flagged = [...earliestRowByChild(Episodes).values()].filter((row) =>
      (decom[row] as number) >= collectionStart && rne[row] !== 'S')
    return failuresAt('Episodes', flagged, ['RNE'])
  },
}

const rule358 = episodeAgeRule({
  code: '358', applies: (ls) => ls === 'J1' || ls === 'J2' || ls === 'J3', appliesTo: 'LS', dateName: 'DECOM',
  years: 10, fields: ['DECOM', 'LS'], flagHeader: true,
})

const rule359: Rule = {
  code: '359',
  definedIn: 'lac2022_23',
  validate({ Header, Episodes }, { collectionEnd }) {
    if (!Header || !Episodes) return []
    const dobs = dayByChild(Header)
    const dec = dayColumn(Episodes, 'DEC')
    const ls = column(Episodes, 'LS')
    const place = column(Episodes, 'PLACE')
    const children = column(Episodes, 'CHILD')
    // After 18 a young person can only be looked after under section 20(5), in a children's home.
    return failuresWhere('Episodes', Episodes, ['DEC', 'LS', 'PLACE'], (row) => {
      const dob = dobs.get(children[row] ?? '')
      if (dob === undefined || (ls[row] === 'V2' && place[row] === 'K2')) return false
      const eighteenth = addYears(dob, 18)
      const ceased = dec[row]
      return ceased === null || ceased === undefined ? eighteenth <= collectionEnd : ceased > eighteenth
    })
  },
}

const rule361 = durationRule({
  code: '361', field: 'LS', codes: new Set(['L1']), maxDays: 3, joinConsecutive: true, fields: ['DECOM', 'LS', 'DEC'],
})
const rule362 = durationRule({
  code: '362', field: 'LS', codes: new Set(['L2']), maxDays: 21, joinConsecutive: true, fields: ['DECOM', 'LS', 'DEC'],
})
const rule363 = durationRule({
  code: '363', field: 'LS', codes: new Set(['L3']), maxDays: 7, joinConsecutive: true, fields: ['LS', 'DECOM', 'DEC'],
})
const rule364 = durationRule({
  code: '364', field: 'LS', codes: new Set(['J2']), maxDays: 21, joinConsecutive: true, fields: ['LS', 'DECOM', 'DEC'],
})
const rule365 = durationRule({
  code: '365', field: 'LS', codes: new Set(['V3']), maxDays: 17, fields: ['LS', 'DECOM', 'DEC'],
})

const rule366: Rule = {
  code: '366',
  definedIn: 'lac2022_23',
  validate({ Episodes }) {
    if (!Episodes) return []
    const ls = column(Episodes, 'LS')
    const rne = column(Episodes, 'RNE')
    return failuresWhere('Episodes', Episodes, ['RNE'], (row) => ls[row] === 'V3' && rne[row] !== 'S')
  },
}

const rule367: Rule = {
  code: '367',
  definedIn: 'lac2022_23',
  validate({ Episodes }, { collectionStart, collectionEnd }) {
    if (!Episodes) return []
    const ls = column(Episodes, 'LS')
    const decom = dayColumn(Episodes, 'DECOM')
    const dec = dayColumn(Episodes, 'DEC')
    const flagged: number[] = []
    for (const rows of rowsBy(Episodes).values()) {
      // Days of each respite break that fall within the collection year.
      const breaks = rows.flatMap((row) => {
        const start = decom[row]
        if (ls[row] !== 'V3' || start === null || start === undefined) return []
        const days = Math.min(dec[row] ?? collectionEnd, collectionEnd) - Math.max(start, collectionStart)
        return days > 0 ? [{ row, days }] : []
      })
      if (breaks.reduce((total, { days }) => total + days, 0) > 75) flagged.push(...breaks.map(({ row }) => row))
    }
    return failuresAt('Episodes', flagged, ['LS', 'DECOM', 'DEC'])
  },
}

export const rules: Rule[] = [
  rule301, rule302, rule303, rule304, rule331, rule333, rule334, rule335, rule336, rule344, rule345, rule347,
  rule348, rule351, rule352, rule353, rule354, rule355, rule356, rule357, rule358, rule359, rule361, rule362,
  rule363, rule364, rule365, rule366, rule367,
]
