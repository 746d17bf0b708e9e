// Reads the SSDA903 XML form (schemas/SSDA903_expanded_2021_CLA.xsd: EXPSSDA903/CHILD/HEADER and EPISODE) into the
// same tables as the CSV form. The header's optional groups become rows of their own tables (AMISSING → Missing,
// AREVIEW → Reviews, PERMANENCE → PrevPerm, OC2, AD_PLACED → PlacedAdoption) and its loose items fill UASC, AD1 and
// OC3 when present. The XML calls the placement PL and the child CHILDID; the tables call them PLACE and CHILD.
// Malformed XML stops the read with the line and column.
import { SaxesParser } from 'saxes'
import type { Cell, Table } from '../validation/table.js'
import { FileReadError } from './problems.js'
import type { SourcedTable } from './ssda903-csv.js'
import { SSDA903_TABLES, type Ssda903TableName } from './ssda903-tables.js'

/** Child-level items the header carries loose, and the table each belongs to. */
const LOOSE_ITEMS: Partial<Record<Ssda903TableName, readonly string[]>> = {
  UASC: ['DUC'],
  AD1: ['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
  OC3: ['IN_TOUCH', 'ACTIV', 'ACCOM'],
}

/** Elements that are a row of a table, inside HEADER or CHILD. */
const RECORDS: Record<string, Ssda903TableName> = {
  AMISSING: 'Missing', AREVIEW: 'Reviews', PERMANENCE: 'PrevPerm', OC2: 'OC2', AD_PLACED: 'PlacedAdoption', EPISODE: 'Episodes',
}

const RENAMED: Record<string, string> = { CHILDID: 'CHILD', PL: 'PLACE' }

type Row = Record<string, Cell>

interface OpenRecord {
  table: Ssda903TableName
  row: Row
  line: number
}

export function readSsda903Xml(file: string, text: string): SourcedTable[] {
  const rows = Object.fromEntries(Object.keys(SSDA903_TABLES).map((name) => [name, [] as { row: Row; line: number }[]])) as
    Record<Ssda903TableName, { row: Row; line: number }[]>
  const parser = new SaxesParser({ position: true })
  const fail = (message: string): never => {
    throw new FileReadError({ file, line: parser.line, column: parser.column + 1, message })
  }
  const path: string[] = []
  let child: { header: Row; records: OpenRecord[]; line: number } | null = null
  let record: OpenRecord | null = null
  let value = ''

  parser.on('error', (error) => fail(error.message.replace(/^\d+:\d+: /, '')))
  parser.on('opentag', (tag) => {
    const name = tag.name
    const parent = path.at(-1)
    path.push(name)
    value = ''
    if (parent === undefined) {
      if (name !== 'EXPSSDA903') fail(`the root element is <${name}>, not <EXPSSDA903>`)
    } else if (name === 'CHILD' && parent === 'EXPSSDA903') {
      child = { header: {}, records: [], line: parser.line }
    } else if (RECORDS[name] && (parent === 'HEADER' || parent === 'CHILD')) {
      record = { table: RECORDS[name], row: {}, line: parser.line }
    }
  })
  parser.on('text', (text) => { value += text })
  parser.on('closetag', (tag) => {
    const name = tag.name
    path.pop()
    const parent = path.at(-1)
    const text = value.trim() === '' ? null : value.trim()
    value = ''
    if (!child) return
    if (record && name === Object.keys(RECORDS).find((key) => RECORDS[key] === record!.table)) {
      child.records.push(record)
      record = null
    } else if (record) {
      record.row[RENAMED[name] ?? name] = text
    } else if (parent === 'HEADER') {
      child.header[RENAMED[name] ?? name] = text
    } else if (name === 'CHILD') {
      writeChild(child, rows)
      child = null
    }
  })
  parser.write(text).close()
  return (Object.keys(rows) as Ssda903TableName[]).map((name) => toSourced(file, name, rows[name]))
}

/** A child's rows: the header, its loose items' tables when any item is given, and its records with CHILD and DOB. */
function writeChild(child: { header: Row; records: OpenRecord[]; line: number }, rows: Record<Ssda903TableName, { row: Row; line: number }[]>): void {
  const { header, line } = child
  const identity = { CHILD: header.CHILD ?? null, DOB: header.DOB ?? null, SEX: header.SEX ?? null }
  rows.Header.push({ row: header, line })
  for (const [table, items] of Object.entries(LOOSE_ITEMS) as [Ssda903TableName, readonly string[]][]) {
    if (items.some((item) => header[item] !== undefined && header[item] !== null)) rows[table].push({ row: { ...identity, ...header }, line })
  }
  for (const record of child.records) rows[record.table].push({ row: { ...identity, ...record.row }, line: record.line })
}

function toSourced(file: string, name: Ssda903TableName, rows: { row: Row; line: number }[]): SourcedTable {
  const columns = name === 'Header' ? [...SSDA903_TABLES.Header, 'UASC'] : [...SSDA903_TABLES[name]]
  const table: Table = { columns, rows: rows.map(({ row }) => columns.map((column) => row[column] ?? null)) }
  return { name, file, table, lines: rows.map(({ line }) => line) }
}
