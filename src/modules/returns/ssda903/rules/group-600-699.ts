// SSDA903 rules 601-635: adoptions in the year against AD1, motherhood details, and previous permanence options.
import type { Rule } from '../../validation/rule.js'
import type { Table } from '../../validation/table.js'
import { column } from '../../validation/table.js'
import { parseDay } from '../../validation/dates.js'
import { dayColumn, failuresAt, failuresWhere, rowsBy, valueSet } from '../helpers.js'
import { AD1_ITEMS, FEMALE, LA_CODES, PREV_PERM, REC_ADOPTED, SHORT_BREAK_LS } from '../codes.js'
import { isAfter } from './group-300-499-support.js'
import { isAtLeastAge, isNumber, latestRowByChild, maskedDate, sameValue } from './group-500-plus-support.js'

/** Episode rows that ended in the collection year for a reason accepted by `ceasedFor`. */
function endedInYear(Episodes: Table, collectionStart: number, collectionEnd: number, ceasedFor: (reason: string) => boolean) {
  const ends = dayColumn(Episodes, 'DEC')
  const reasons = column(Episodes, 'REC')
  return (row: number): boolean => {
    const end = ends[row]
    const reason = reasons[row] ?? null
    return end !== null && end !== undefined && end >= collectionStart && end <= collectionEnd
      && reason !== null && ceasedFor(reason)
  }
}

const rule601: Rule = {
  code: '601',
  definedIn: 'lac2022_23',
  validate({ Episodes, AD1 }, { collectionStart, collectionEnd }) {
    if (!Episodes || !AD1) return []
    const adopted = endedInYear(Episodes, collectionStart, collectionEnd, (reason) => REC_ADOPTED.has(reason))
    const fields = AD1_ITEMS.map((name) => column(AD1, name))
    const adRows = rowsBy(AD1)
    const episodeRows: number[] = []
    const ad1Rows: number[] = []
    column(Episodes, 'CHILD').forEach((child, row) => {
      if (child === null || !adopted(row)) return
      const rows = adRows.get(child) ?? []
      const incomplete = rows.filter((r) => fields.some((values) => values[r] === null))
      if (rows.length === 0 || incomplete.length > 0) {
        episodeRows.push(row)
        ad1Rows.push(...incomplete)
      }
    })
    return [
      ...failuresAt('Episodes', episodeRows, ['REC']),
      ...failuresAt('AD1', ad1Rows, [...AD1_ITEMS]),
    ]
  },
}

const rule602: Rule = {
  code: '602',
  definedIn: 'lac2022_23',
  validate({ Episodes, AD1 }, { collectionStart, collectionEnd }) {
    if (!Episodes || !AD1) return []
    const adopted = endedInYear(Episodes, collectionStart, collectionEnd, (reason) => REC_ADOPTED.has(reason))
    const children = column(Episodes, 'CHILD')
    const adoptedChildren = new Set(children.filter((child, row) => child !== null && adopted(row)))
    const fields = AD1_ITEMS.map((name) => column(AD1, name))
    const adChildren = column(AD1, 'CHILD')
    return failuresWhere('AD1', AD1, ['CHILD'], (row) => {
      const child = adChildren[row] ?? null
      return child !== null && !adoptedChildren.has(child) && fields.some((values) => values[row] !== null)
    })
  },
}

const rule607: Rule = {
  code: '607',
  definedIn: 'lac2024_25',
  validate({ Header, Episodes }, { collectionStart, collectionEnd }) {
    if (!Header || !Episodes) return []
    const ceased = endedInYear(Episodes, collectionStart, collectionEnd, (reason) => reason !== 'X1')
    const legalStatus = column(Episodes, 'LS')
    const sexes = column(Header, 'SEX')
    const mothers = column(Header, 'MOTHER')
    const unknownMothers = new Set(column(Header, 'CHILD').filter((child, row) =>
      child !== null && FEMALE.has(sexes[row] ?? '') && mothers[row] === null))
    const episodeRows: number[] = []
    const flaggedChildren = new Set<string>()
    column(Episodes, 'CHILD').forEach((child, row) => {
      const status = legalStatus[row] ?? null
      if (child === null || !unknownMothers.has(child) || !ceased(row)) return
      if (status !== null && SHORT_BREAK_LS.has(status)) return
      episodeRows.push(row)
      flaggedChildren.add(child)
    })
    const headerChildren = column(Header, 'CHILD')
    return [
      ...failuresAt('Episodes', episodeRows, ['DEC', 'REC', 'LS']),
      ...failuresWhere('Header', Header, ['MOTHER', 'SEX'], (row) => flaggedChildren.has(headerChildren[row] ?? '')),
    ]
  },
}

const rule611: Rule = {
  code: '611',
  definedIn: 'lac2022_23',
  validate({ Header }) {
    if (!Header) return []
    const mothers = column(Header, 'MOTHER')
    const births = column(Header, 'MC_DOB')
    return failuresWhere('Header', Header, ['MOTHER', 'MC_DOB'],
      (row) => isNumber(mothers[row] ?? null, 1) && births[row] === null)
  },
}

const rule612: Rule = {
  code: '612',
  definedIn: 'lac2024_25',
  validate({ Header }) {
    if (!Header) return []
    const sexes = column(Header, 'SEX')
    const mothers = column(Header, 'MOTHER')
    const births = column(Header, 'MC_DOB')
    return failuresWhere('Header', Header, ['SEX', 'MOTHER', 'MC_DOB'], (row) =>
      FEMALE.has(sexes[row] ?? '') && !isNumber(mothers[row] ?? null, 1) && births[row] !== null)
  },
}

const rule620: Rule = {
  code: '620',
  definedIn: 'lac2022_23',
  validate({ Header }, { collectionStart }) {
    if (!Header) return []
    const mothers = column(Header, 'MOTHER')
    const births = dayColumn(Header, 'DOB')
    return failuresWhere('Header', Header, ['DOB', 'MOTHER'], (row) => {
      const dob = births[row]
      return isNumber(mothers[row] ?? null, 1) && dob !== null && dob !== undefined
        && !isAtLeastAge(dob, 11, collectionStart)
    })
  },
}

const rule621: Rule = {
  code: '621',
  definedIn: 'lac2022_23',
  validate({ Header }) {
    if (!Header) return []
    const births = dayColumn(Header, 'DOB')
    const childBirths = dayColumn(Header, 'MC_DOB')
    return failuresWhere('Header', Header, ['DOB', 'MC_DOB'], (row) => {
      const dob = births[row]
      const childDob = childBirths[row]
      return dob !== null && dob !== undefined && childDob !== null && childDob !== undefined && childDob <= dob
    })
  },
}

const rule624: Rule = {
  code: '624',
  definedIn: 'lac2022_23',
  validate({ Header, Header_last }) {
    if (!Header || !Header_last) return []
    const lastBirths = new Map<string, string>()
    const lastChildBirths = column(Header_last, 'MC_DOB')
    column(Header_last, 'CHILD').forEach((child, row) => {
      const birth = lastChildBirths[row] ?? null
      if (child !== null && birth !== null && !lastBirths.has(child)) lastBirths.set(child, birth)
    })
    const children = column(Header, 'CHILD')
    const births = column(Header, 'MC_DOB')
    return failuresWhere('Header', Header, ['MC_DOB'], (row) => {
      const last = lastBirths.get(children[row] ?? '')
      return last !== undefined && !sameValue(births[row] ?? null, last)
    })
  },
}

const rule625: Rule = {
  code: '625',
  definedIn: 'lac2022_23',
  validate({ Header, Episodes }, { collectionEnd }) {
    if (!Header || !Episodes) return []
    const ends = column(Episodes, 'DEC')
    const stillOpen = new Set(column(Episodes, 'CHILD').filter((_child, row) => ends[row] === null))
    const lastEnded = latestRowByChild(Episodes, 'DEC')
    const endDays = dayColumn(Episodes, 'DEC')
    const childBirths = dayColumn(Header, 'MC_DOB')
    const headerRows: number[] = []
    const episodeRows: number[] = []
    column(Header, 'CHILD').forEach((child, row) => {
      const birth = childBirths[row]
      if (child === null || birth === null || birth === undefined) return
      const episode = stillOpen.has(child) ? undefined : lastEnded.get(child)
      if (birth > collectionEnd || (episode !== undefined && isAfter(birth, endDays[episode]))) {
        headerRows.push(row)
        if (episode !== undefined) episodeRows.push(episode)
      }
    })
    return [
      ...failuresAt('Header', headerRows, ['MC_DOB']),
      ...failuresAt('Episodes', episodeRows, ['DEC']),
    ]
  },
}

const rule626: Rule = {
  code: '626',
  definedIn: 'lac2022_23',
  validate({ Header, Header_last }, { collectionStart }) {
    if (!Header || !Header_last) return []
    const lastMothers = column(Header_last, 'MOTHER')
    const notMothersLastYear = new Set(column(Header_last, 'CHILD').filter((child, row) =>
      child !== null && isNumber(lastMothers[row] ?? null, 0)))
    const children = column(Header, 'CHILD')
    const mothers = column(Header, 'MOTHER')
    const childBirths = dayColumn(Header, 'MC_DOB')
    return failuresWhere('Header', Header, ['MOTHER', 'MC_DOB'], (row) =>
      isNumber(mothers[row] ?? null, 1) && notMothersLastYear.has(children[row] ?? '')
      && isAfter(collectionStart, childBirths[row]))
  },
}

const rule628: Rule = {
  code: '628',
  definedIn: 'lac2022_23',
  validate({ Header, Episodes, OC3 }) {
    if (!Header || !Episodes || !OC3) return []
    const lookedAfter = valueSet(Episodes)
    const items = ['IN_TOUCH', 'ACTIV', 'ACCOM'].map((name) => column(OC3, name))
    const careLeavers = new Set(column(OC3, 'CHILD').filter((child, row) =>
      child !== null && items.some((values) => values[row] !== null)))
    const children = column(Header, 'CHILD')
    const mothers = column(Header, 'MOTHER')
    return failuresWhere('Header', Header, ['MOTHER'], (row) => {
      const child = children[row] ?? null
      return child !== null && mothers[row] !== null && careLeavers.has(child) && !lookedAfter.has(child)
    })
  },
}

const rule630: Rule = {
  code: '630',
  definedIn: 'lac2022_23',
  validate({ Episodes, PrevPerm }, { collectionStart }) {
    if (!Episodes || !PrevPerm) return []
    const options = column(PrevPerm, 'PREV_PERM')
    const authorities = column(PrevPerm, 'LA_PERM')
    const dates = column(PrevPerm, 'DATE_PERM')
    const complete = new Set(column(PrevPerm, 'CHILD').filter((child, row) => {
      const option = options[row] ?? null
      return child !== null && option !== null
        && (option === 'Z1' || (authorities[row] !== null && dates[row] !== null))
    }))
    const children = column(Episodes, 'CHILD')
    const reasons = column(Episodes, 'RNE')
    const starts = dayColumn(Episodes, 'DECOM')
    return failuresWhere('Episodes', Episodes, ['RNE'], (row) => {
      const start = starts[row]
      return reasons[row] === 'S' && start !== null && start !== undefined && start >= collectionStart
        && !complete.has(children[row] ?? '')
    })
  },
}

const rule631: Rule = {
  code: '631',
  definedIn: 'lac2022_23',
  validate({ PrevPerm }) {
    if (!PrevPerm) return []
    const options = column(PrevPerm, 'PREV_PERM')
    return failuresWhere('PrevPerm', PrevPerm, ['PREV_PERM'], (row) => {
      const option = options[row] ?? null
      return option !== null && !PREV_PERM.has(option)
    })
  },
}

const rule632: Rule = {
  code: '632',
  definedIn: 'lac2022_23',
  validate({ PrevPerm, Episodes }) {
    if (!PrevPerm || !Episodes) return []
    const episodes = rowsBy(Episodes)
    const starts = dayColumn(Episodes, 'DECOM')
    const dates = column(PrevPerm, 'DATE_PERM')
    const placedRows: number[] = []
    const episodeRows: number[] = []
    column(PrevPerm, 'CHILD').forEach((child, row) => {
      const text = dates[row] ?? null
      if (text === null) return
      const day = maskedDate(text)
      const childEpisodes = child === null ? [] : (episodes.get(child) ?? [])
      // The order must come before care started; a date that is not one (even partly) is at fault everywhere.
      const atFault = day === null
        ? childEpisodes
        : childEpisodes.filter((episode) => typeof day === 'number'
          && starts[episode] !== null && !isAfter(starts[episode], day))
      if (day === null || atFault.length > 0) {
        placedRows.push(row)
        episodeRows.push(...atFault)
      }
    })
    return [
      ...failuresAt('PrevPerm', placedRows, ['DATE_PERM']),
      ...failuresAt('Episodes', episodeRows, ['DECOM']),
    ]
  },
}

const rule633: Rule = {
  code: '633',
  definedIn: 'lac2022_23',
  validate({ PrevPerm }) {
    if (!PrevPerm) return []
    const authorities = column(PrevPerm, 'LA_PERM')
    return failuresWhere('PrevPerm', PrevPerm, ['LA_PERM'], (row) => {
      const authority = authorities[row] ?? null
      return authority !== null && !LA_CODES.has(authority)
    })
  },
}

/** Previous permanence options are only collected for children starting care on or after 1 April 2016. */
const PREV_PERM_COLLECTED_FROM = parseDay('2016-04-01') as number

const rule634: Rule = {
  code: '634',
  definedIn: 'lac2022_23',
  validate({ PrevPerm, Episodes }) {
    if (!PrevPerm || !Episodes) return []
    const fields = ['PREV_PERM', 'LA_PERM', 'DATE_PERM'].map((name) => column(PrevPerm, name))
    const latest = latestRowByChild(Episodes, 'DECOM')
    const starts = dayColumn(Episodes, 'DECOM')
    const episodes = rowsBy(Episodes)
    const placedRows: number[] = []
    const episodeRows: number[] = []
    column(PrevPerm, 'CHILD').forEach((child, row) => {
      const last = child === null ? undefined : latest.get(child)
      if (last === undefined || !fields.some((values) => values[row] !== null)) return
      if ((starts[last] as number) < PREV_PERM_COLLECTED_FROM) {
        placedRows.push(row)
        episodeRows.push(...(episodes.get(child as string) ?? []))
      }
    })
    return [
      ...failuresAt('PrevPerm', placedRows, ['LA_PERM', 'PREV_PERM', 'DATE_PERM']),
      ...failuresAt('Episodes', episodeRows, ['DECOM']),
    ]
  },
}

const rule635: Rule = {
  code: '635',
  definedIn: 'lac2022_23',
  validate({ PrevPerm }) {
    if (!PrevPerm) return []
    const options = column(PrevPerm, 'PREV_PERM')
    const authorities = column(PrevPerm, 'LA_PERM')
    const dates = column(PrevPerm, 'DATE_PERM')
    return failuresWhere('PrevPerm', PrevPerm, ['LA_PERM', 'DATE_PERM', 'PREV_PERM'],
      (row) => options[row] === null && (authorities[row] !== null || dates[row] !== null))
  },
}

export const rules: Rule[] = [
  rule601, rule602, rule607, rule611, rule612, rule620, rule621, rule624, rule625, rule626, rule628,
  rule630, rule631, rule632, rule633, rule634, rule635,
]
