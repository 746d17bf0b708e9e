// An Office Open XML workbook (.xlsx) with one sheet per table: a bold header row, text as inline strings,
// whole numbers as numbers, and dates as real Excel dates (serial days) shown dd/mm/yyyy.
import { toDayNumber, type LocalDate } from '../../../platform/working-days/local-date.js'
import { zip } from './zip.js'

export type CellKind = 'text' | 'number' | 'date'
export type Cell = string | number | null

export interface Sheet {
  name: string
  columns: ReadonlyArray<{ header: string; kind: CellKind }>
  rows: ReadonlyArray<readonly Cell[]>
}

/** Excel counts days from 30 December 1899 (so 1 January 1900 is day 2, after its phantom 29 February 1900). */
export const excelSerial = (date: LocalDate): number => toDayNumber(date) - toDayNumber('1899-12-30')

const escapeXml = (text: string): string =>
  text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function columnName(index: number): string {
  let name = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

const headerStyle = 1
const dateStyle = 2

function cellXml(ref: string, kind: CellKind, value: Cell): string {
  if (value === null || value === '') return ''
  if (kind === 'date' && typeof value === 'string') return `<c r="${ref}" s="${dateStyle}"><v>${excelSerial(value)}</v></c>`
  if (kind === 'number' && typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(value))}</t></is></c>`
}

function sheetXml(sheet: Sheet): string {
  const header = sheet.columns.map((c, i) => `<c r="${columnName(i)}1" t="inlineStr" s="${headerStyle}"><is><t>${escapeXml(c.header)}</t></is></c>`).join('')
  const rows = sheet.rows.map((row, r) =>
    `<row r="${r + 2}">${sheet.columns.map((c, i) => cellXml(`${columnName(i)}${r + 2}`, c.kind, row[i] ?? null)).join('')}</row>`)
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<sheetData><row r="1">${header}</row>${rows.join('')}</sheetData></worksheet>`
}

const styles = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '</styleSheet>'

export function workbook(sheets: readonly Sheet[]): Buffer {
  const xml = (text: string) => Buffer.from(text, 'utf8')
  const main = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
  const contentTypes = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    '</Types>'
  const rootRels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${main}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  const book = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${main}"><sheets>` +
    sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') + '</sheets></workbook>'
  const bookRels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${main}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
    `<Relationship Id="rId${sheets.length + 1}" Type="${main}/styles" Target="styles.xml"/></Relationships>`
  return zip([
    { name: '[Content_Types].xml', data: xml(contentTypes) },
    { name: '_rels/.rels', data: xml(rootRels) },
    { name: 'xl/workbook.xml', data: xml(book) },
    { name: 'xl/_rels/workbook.xml.rels', data: xml(bookRels) },
    { name: 'xl/styles.xml', data: xml(styles) },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: xml(sheetXml(s)) })),
  ])
}
