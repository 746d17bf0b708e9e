// Name text: normalising, Jaro-Winkler similarity, single-slip detection and Soundex codes for blocking.

/** Upper case letters, single spaces and hyphens; accents and punctuation dropped. */
export function normaliseName(text: string | null | undefined): string {
  if (!text) return ''
  return text
    .normalize('NFD')
    .toUpperCase()
    .replace(/[^A-Z\s-]/g, '')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
}

let flagsA = new Uint8Array(32)
let flagsB = new Uint8Array(32)

/** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1 over up to four characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1
  const lengthA = a.length
  const lengthB = b.length
  if (lengthA === 0 || lengthB === 0) return 0
  if (flagsA.length < lengthA) flagsA = new Uint8Array(lengthA * 2)
  if (flagsB.length < lengthB) flagsB = new Uint8Array(lengthB * 2)
  flagsA.fill(0, 0, lengthA)
  flagsB.fill(0, 0, lengthB)
  const window = Math.max(0, (Math.max(lengthA, lengthB) >> 1) - 1)
  let matches = 0
  for (let i = 0; i < lengthA; i++) {
    const from = Math.max(0, i - window)
    const to = Math.min(lengthB - 1, i + window)
    const code = a.charCodeAt(i)
    for (let j = from; j <= to; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === code) {
        flagsA[i] = 1
        flagsB[j] = 1
        matches++
        break
      }
    }
  }
  if (matches === 0) return 0
  let transpositions = 0
  for (let i = 0, j = 0; i < lengthA; i++) {
    if (flagsA[i] === 0) continue
    while (flagsB[j] === 0) j++
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++
    j++
  }
  const jaro = (matches / lengthA + matches / lengthB + (matches - transpositions / 2) / matches) / 3
  let prefix = 0
  const maxPrefix = Math.min(4, lengthA, lengthB)
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++
  return jaro + prefix * 0.1 * (1 - jaro)
}

/** True when one typing slip turns a into b: a letter changed, added, dropped, or two neighbours swapped. */
export function oneSlipApart(a: string, b: string): boolean {
  if (a === b) return false
  const lengthA = a.length
  const lengthB = b.length
  if (Math.abs(lengthA - lengthB) > 1) return false
  let start = 0
  while (start < lengthA && start < lengthB && a.charCodeAt(start) === b.charCodeAt(start)) start++
  let endA = lengthA
  let endB = lengthB
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--
    endB--
  }
  const restA = endA - start
  const restB = endB - start
  if (restA <= 1 && restB <= 1) return true
  return restA === 2 && restB === 2 && a[start] === b[start + 1] && a[start + 1] === b[start]
}

const SOUNDEX_DIGITS = '01230120022455012623010202'

/**
 * American Soundex as a number: first letter (1-26) then three digits (0-6), so 0 means "no letters".
 * Letters separated only by H or W share a code; vowels separate repeats.
 */
export function soundex(name: string): number {
  let code = 0
  let digits = 0
  let previous = -1
  for (let i = 0; i < name.length && digits < 3; i++) {
    const letter = name.charCodeAt(i) - 65
    if (letter < 0 || letter > 25) continue
    const digit = SOUNDEX_DIGITS.charCodeAt(letter) - 48
    if (code === 0) {
      code = letter + 1
      previous = digit
      continue
    }
    if (digit !== 0 && digit !== previous) {
      code = code * 7 + digit
      digits++
    }
    if (letter !== 7 && letter !== 22) previous = digit // H and W do not separate
  }
  if (code === 0) return 0
  for (; digits < 3; digits++) code *= 7
  return code
}
