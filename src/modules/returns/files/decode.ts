// Turns an uploaded file's bytes into text whatever the spreadsheet saved it as: UTF-8 (with or without a byte
// order mark), UTF-16 (with or without one) or Windows-1252/Latin-1. Anything else that is plainly not text (an
// Excel workbook, a zip) is refused with a reason.
import { FileReadError, type FileProblem } from './problems.js'

export interface DecodedFile {
  text: string
  warning?: Omit<FileProblem, 'file' | 'severity'>
}

export function decodeFile(file: string, bytes: Uint8Array): DecodedFile {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    throw new FileReadError({ file, message: 'this is an Excel workbook or zip file, not CSV or XML: save each table as CSV (UTF-8)' })
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: utf8(file, bytes.subarray(3)) }
  const utf16 = utf16Encoding(bytes)
  if (utf16) {
    const bom = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) ? 2 : 0
    return {
      text: new TextDecoder(utf16).decode(bytes.subarray(bom)),
      warning: { line: 1, message: `the file is saved as UTF-16 (${utf16 === 'utf-16le' ? 'little' : 'big'}-endian); Kindred read it, but DfE expects UTF-8` },
    }
  }
  const strict = strictUtf8(file, bytes)
  if (strict !== null) return { text: strict }
  const invalidAt = firstInvalidUtf8(bytes)
  // Well formed but not strictly valid (an overlong form, say): read as UTF-8, as before the strict check.
  if (invalidAt === -1) return { text: utf8(file, bytes) }
  const text = new TextDecoder('windows-1252').decode(bytes)
  const before = new TextDecoder('windows-1252').decode(bytes.subarray(0, invalidAt))
  const line = before.split('\n').length
  const column = before.length - before.lastIndexOf('\n')
  return { text, warning: { line, column, message: 'the file is not UTF-8; Kindred read it as Windows-1252 (Latin-1), but DfE expects UTF-8' } }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte)
}

/** UTF-16 by its byte order mark, or by the zero bytes ASCII text has in every other place without one. */
function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le'
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be'
  const sample = Math.min(bytes.length - (bytes.length % 2), 512)
  if (sample < 4) return null
  let evenZeros = 0, oddZeros = 0
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++
    if (bytes[i + 1] === 0) oddZeros++
  }
  const half = sample / 4
  if (oddZeros > half && evenZeros === 0) return 'utf-16le'
  if (evenZeros > half && oddZeros === 0) return 'utf-16be'
  return null
}

function utf8(file: string, bytes: Uint8Array): string {
  return withoutBinary(file, new TextDecoder('utf-8').decode(bytes))
}

/** The text when the bytes are all valid UTF-8, else null: the platform's decoder checks far faster than a loop here. */
function strictUtf8(file: string, bytes: Uint8Array): string | null {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
  return withoutBinary(file, text)
}

function withoutBinary(file: string, text: string): string {
  if (text.includes('\u0000')) throw new FileReadError({ file, message: 'this is not a text file (it holds binary data): save the table as CSV (UTF-8)' })
  return text
}

/** The offset of the first byte that cannot be UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const byte = bytes[i]!
    const length = byte < 0x80 ? 1 : (byte & 0xe0) === 0xc0 ? 2 : (byte & 0xf0) === 0xe0 ? 3 : (byte & 0xf8) === 0xf0 ? 4 : 0
    if (length === 0 || i + length > bytes.length) return i
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i
    i += length
  }
  return -1
}
