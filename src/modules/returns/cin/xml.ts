// Reads a CIN census XML file (2025/26 shape: Message/Header, Message/Children/Child/...) into the tables the CIN
// rules check, in one streaming pass. A child's records are kept until its </Child>, then written out with its
// LAchildID. The reader makes the identifiers the XML leaves implicit: CINdetailsID for each CINdetails, AssessmentID
// for each assessment and CPPID for each child protection plan. An assessment's factor codes share one cell,
// comma-separated. Malformed XML, or elements in the wrong place, stop the read with the line and column.
import { SaxesParser } from 'saxes'
import { Interner } from '../files/interner.js'
import { columnarTable, type Cell, type Tables } from '../validation/table.js'

export class CinXmlError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`CIN census XML, line ${line}, column ${column}: ${reason}`)
    this.name = 'CinXmlError'
  }
}

/** Each table's columns, in order. */
export const CIN_TABLE_COLUMNS = {
  Header: ['Collection', 'Year', 'ReferenceDate', 'SourceLevel', 'LEA', 'SoftwareCode', 'Release', 'SerialNo', 'DateTime'],
  ChildIdentifiers: [
    'LAchildID', 'UPN', 'FormerUPN', 'UPNunknown', 'PersonBirthDate', 'ExpectedPersonBirthDate', 'Sex', 'PersonDeathDate',
  ],
  ChildCharacteristics: ['LAchildID', 'Ethnicity'],
  Disabilities: ['LAchildID', 'Disability'],
  CINdetails: [
    'LAchildID', 'CINdetailsID', 'CINreferralDate', 'ReferralSource', 'PrimaryNeedCode', 'CINclosureDate',
    'ReasonForClosure', 'DateOfInitialCPC', 'ReferralNFA',
  ],
  Assessments: [
    'LAchildID', 'CINdetailsID', 'AssessmentID', 'AssessmentActualStartDate', 'AssessmentInternalReviewDate',
    'AssessmentAuthorisationDate', 'AssessmentFactors',
  ],
  CINplanDates: ['LAchildID', 'CINdetailsID', 'CINPlanStartDate', 'CINPlanEndDate'],
  Section47: [
    'LAchildID', 'CINdetailsID', 'S47ActualStartDate', 'InitialCPCtarget', 'DateOfInitialCPC', 'ICPCnotRequired',
  ],
  ChildProtectionPlans: [
    'LAchildID', 'CINdetailsID', 'CPPID', 'CPPstartDate', 'CPPendDate', 'InitialCategoryOfAbuse',
    'LatestCategoryOfAbuse', 'NumberOfPreviousCPP',
  ],
  Reviews: ['LAchildID', 'CINdetailsID', 'CPPID', 'CPPreviewDate'],
} as const

export type CinTableName = keyof typeof CIN_TABLE_COLUMNS

type Row = Record<string, Cell>

/** An element that starts a record, the table it goes to, and the element it must sit in. */
const RECORDS: Record<string, { table: CinTableName; parent: string }> = {
  Header: { table: 'Header', parent: 'Message' },
  ChildIdentifiers: { table: 'ChildIdentifiers', parent: 'Child' },
  ChildCharacteristics: { table: 'ChildCharacteristics', parent: 'Child' },
  CINdetails: { table: 'CINdetails', parent: 'Child' },
  Assessments: { table: 'Assessments', parent: 'CINdetails' },
  CINPlanDates: { table: 'CINplanDates', parent: 'CINdetails' },
  Section47: { table: 'Section47', parent: 'CINdetails' },
  ChildProtectionPlans: { table: 'ChildProtectionPlans', parent: 'CINdetails' },
}

/** Elements that only group others, and where each belongs. */
const GROUPS: Record<string, string> = {
  Children: 'Message',
  Child: 'Children',
  CollectionDetails: 'Header',
  Source: 'Header',
  Disabilities: 'ChildCharacteristics',
  FactorsIdentifiedAtAssessment: 'Assessments',
  Reviews: 'ChildProtectionPlans',
}

/** Values that make a row of their own (or join a list) rather than fill a column of the enclosing record. */
const LIST_VALUES: Record<string, string> = {
  Disability: 'Disabilities',
  AssessmentFactors: 'FactorsIdentifiedAtAssessment',
  CPPreviewDate: 'Reviews',
}

/**
 * Blocks the rule tables do not hold, read past whole: the 2026/27 census's pre-proceedings and family group
 * decision making on each CIN episode (no 2025/26 rule reads it).
 */
const SKIPPED: Record<string, string> = { PreProceedingsandFGDM: 'CINdetails' }

/** Columns the reader fills itself rather than from an element of that name. */
const DERIVED = new Set(['CINdetailsID', 'AssessmentID', 'CPPID', 'AssessmentFactors'])

interface Frame {
  name: string
  row?: Row
  table?: CinTableName
  text: string
}

/** A streaming reader: `write` chunks of the file in order, then `close` for the tables. */
export class CinXmlReader {
  private readonly parser = new SaxesParser({ position: true })
  /**
   * Each table's cells column by column, each distinct text held once (as a 903 CSV is read): a child's rows are
   * added when the child closes, so only the open child is held as records. The rules read columns.
   */
  private readonly columns = Object.fromEntries(
    Object.entries(CIN_TABLE_COLUMNS).map(([name, columns]) => [name, columns.map((): Cell[] => [])]),
  ) as Record<CinTableName, Cell[][]>
  private readonly interned = new Interner()
  /** The header's record, filled as its values arrive. */
  private readonly headers: Row[] = []
  private readonly stack: Frame[] = []
  /** The current child's rows by table, written out when the child closes. */
  private child: [CinTableName, Row][] = []
  private factors: string[] = []
  private readonly nextId = { CINdetailsID: 0, AssessmentID: 0, CPPID: 0 }
  private readonly decoder = new TextDecoder('utf-8', { fatal: true })
  /**
   * A problem found at a closing tag. The parser reports a mismatched closing tag only after closing the elements
   * it skips, so this waits for the parser's own error, which is the truer account, before being thrown.
   */
  private pending: CinXmlError | undefined
  private lastClosed = ''
  /** How deep inside a SKIPPED block the reader is (0: not in one). */
  private skipping = 0

  constructor() {
    this.parser.on('error', (error) => {
      this.pending = undefined
      const reason = error.message.replace(/^\d+:\d+: /, '')
      this.fail(reason === 'unexpected close tag.' ? `a closing tag comes while <${this.lastClosed}> is still open` : reason)
    })
    this.parser.on('opentag', (tag) => this.settle().open(tag))
    this.parser.on('text', (text) => this.settle().text(text))
    this.parser.on('cdata', (text) => this.settle().text(text))
    this.parser.on('closetag', (tag) => {
      try {
        this.settle().close(tag)
      } catch (error) {
        if (!(error instanceof CinXmlError)) throw error
        this.pending = error
      }
    })
  }

  write(chunk: string | Uint8Array): this {
    this.parser.write(typeof chunk === 'string' ? chunk : this.decode(chunk, true))
    this.settle()
    return this
  }

  private settle(): this {
    if (this.pending) throw this.pending
    return this
  }

  /** Ends the read and returns the tables; throws CinXmlError if the document is incomplete. */
  end(): Tables {
    this.parser.write(this.decode(new Uint8Array(), false))
    this.parser.close()
    this.settle()
    for (const row of this.headers) this.add('Header', row)
    const tables: Tables = {}
    for (const [name, columns] of Object.entries(CIN_TABLE_COLUMNS) as [CinTableName, readonly string[]][]) {
      const values = this.columns[name]
      tables[name] = columnarTable([...columns], values, values[0]!.length)
    }
    return tables
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    try {
      return this.decoder.decode(bytes, { stream })
    } catch {
      return this.fail('the file is not valid UTF-8')
    }
  }

  private fail(reason: string): never {
    throw new CinXmlError(reason, this.parser.line, this.parser.column + 1)
  }

  private open(tag: { name: string }): void {
    const name = localName(tag.name)
    const parent = this.stack.at(-1)?.name
    if (this.skipping > 0 || SKIPPED[name]) {
      if (this.skipping === 0) this.expectParent(name, SKIPPED[name]!, parent ?? '')
      this.skipping++
      return
    }
    const frame: Frame = { name, text: '' }
    const record = RECORDS[name]
    if (parent === undefined) {
      if (name !== 'Message') this.fail(`the root element is <${name}>, not <Message>`)
    } else if (record) {
      this.expectParent(name, record.parent, parent)
      frame.table = record.table
      frame.row = this.startRow(record.table)
    } else if (GROUPS[name]) {
      this.expectParent(name, GROUPS[name], parent)
      if (name === 'Child') this.child = []
    } else if (LIST_VALUES[name]) {
      this.expectParent(name, LIST_VALUES[name], parent)
    } else if (!this.recordFor(name)) {
      this.fail(`<${name}> is not a CIN census element here (inside <${parent}>)`)
    }
    this.stack.push(frame)
  }

  private expectParent(name: string, expected: string, actual: string): void {
    if (expected !== actual) this.fail(`<${name}> belongs inside <${expected}>, not <${actual}>`)
  }

  /** A new row, with the identifiers of the records enclosing it. */
  private startRow(table: CinTableName): Row {
    const row: Row = {}
    const episode = this.enclosing('CINdetails')
    if (table === 'CINdetails') row.CINdetailsID = String(++this.nextId.CINdetailsID)
    else if (episode) row.CINdetailsID = episode.CINdetailsID ?? null
    if (table === 'Assessments') {
      row.AssessmentID = String(++this.nextId.AssessmentID)
      this.factors = []
    }
    if (table === 'ChildProtectionPlans') row.CPPID = String(++this.nextId.CPPID)
    if (table === 'Header') this.headers.push(row)
    else this.child.push([table, row])
    return row
  }

  /** The innermost open record of a table. */
  private enclosing(table: CinTableName): Row | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) if (this.stack[i]!.table === table) return this.stack[i]!.row
    return undefined
  }

  /** The record a value element fills: the innermost open record that has that column. */
  private recordFor(name: string): Row | undefined {
    const frame = [...this.stack].reverse().find((f) => f.table !== undefined)
    if (!frame?.table || DERIVED.has(name) || (name === 'LAchildID' && frame.table !== 'ChildIdentifiers')) return undefined
    return (CIN_TABLE_COLUMNS[frame.table] as readonly string[]).includes(name) ? frame.row : undefined
  }

  private text(text: string): void {
    const frame = this.stack.at(-1)
    if (!frame || this.skipping > 0) return
    if (frame.table !== undefined || GROUPS[frame.name] || frame.name === 'Message') {
      if (text.trim() !== '') this.fail(`<${frame.name}> holds text "${text.trim().slice(0, 40)}" outside its elements`)
      return
    }
    frame.text += text
  }

  private close(tag: { name: string }): void {
    if (this.skipping > 0) {
      this.skipping--
      return
    }
    const frame = this.stack.pop()!
    const name = localName(tag.name)
    this.lastClosed = name
    const value: Cell = frame.text.trim() === '' ? null : frame.text.trim()
    if (name === 'Child') this.endChild()
    else if (name === 'Assessments' && frame.row) frame.row.AssessmentFactors = this.factors.length > 0 ? this.factors.join(',') : null
    else if (name === 'Disability') this.child.push(['Disabilities', { Disability: value }])
    else if (name === 'AssessmentFactors') {
      if (value !== null) this.factors.push(value)
    } else if (name === 'CPPreviewDate') {
      const plan = this.enclosing('ChildProtectionPlans')
      this.child.push(['Reviews', { CINdetailsID: plan?.CINdetailsID ?? null, CPPID: plan?.CPPID ?? null, CPPreviewDate: value }])
    } else if (frame.table === undefined && !GROUPS[name] && name !== 'Message') {
      const row = this.recordFor(name)!
      // The header may list several sources; the first one counts.
      if (name in row && !this.enclosing('Header')) this.fail(`<${name}> appears twice in one record`)
      if (!(name in row)) row[name] = value
    }
  }

  /** Adds a record to its table's columns; a child's records take the child's LAchildID. */
  private add(table: CinTableName, row: Row, child?: Cell): void {
    CIN_TABLE_COLUMNS[table].forEach((column, i) => {
      const value = (column === 'LAchildID' && child !== undefined ? child : row[column]) ?? null
      this.columns[table][i]!.push(value === null ? null : this.interned.intern(value))
    })
  }

  /** Writes the child's rows out, each with the child's LAchildID. */
  private endChild(): void {
    const identifiers = this.child.find(([table]) => table === 'ChildIdentifiers')?.[1]
    if (!identifiers) this.fail('a <Child> has no <ChildIdentifiers>')
    const id = identifiers.LAchildID ?? null
    for (const [table, row] of this.child) this.add(table, row, id)
    this.child = []
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon === -1 ? name : name.slice(colon + 1)
}

/** Reads a whole CIN census XML document held in memory. */
export function readCinXml(text: string): Tables {
  return new CinXmlReader().write(text).end()
}

/** Reads a CIN census XML file as it streams in (a file read stream, an upload). */
export async function readCinXmlStream(chunks: AsyncIterable<string | Uint8Array>): Promise<Tables> {
  const reader = new CinXmlReader()
  for await (const chunk of chunks) reader.write(chunk)
  return reader.end()
}
