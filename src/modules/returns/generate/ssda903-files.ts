// The SSDA903 return as files: one CSV per table with exactly DfE's columns (formula-safe, as every Kindred
// download), or the XML form (schemas/SSDA903_expanded_2021_CLA.xsd). The XML is per child: HEADER with the
// child's loose items and grouped rows, then each EPISODE; it calls the child CHILDID and the placement PL.
// The 2021 schema predates SWEpisodes and the Z11-Z14 placements, so the XML carries no social worker episodes.
import { toCsv } from '../../../platform/http/csv.js'
import type { Ssda903TableName } from '../files/ssda903-tables.js'
import { reader, type Cell, type Table } from '../validation/table.js'
import { ssda903TableNames, type Ssda903Return } from './ssda903.js'
import { xmlDocument, type XmlNode } from './xml-writer.js'

export interface ReturnFile { name: string; content: string }

export function ssda903CsvFiles(ret: Ssda903Return): ReturnFile[] {
  return ssda903TableNames(ret.year).map((name) => ({ name: `${name}.csv`, content: tableCsv(ret.tables[name]) }))
}

export const tableCsv = (table: Table): string => toCsv(table.columns, table.rows)

export function ssda903Xml(ret: Ssda903Return): string {
  const byChild = rowsByChild(ret)
  return xmlDocument(['EXPSSDA903', [...byChild.entries()].map(([child, rows]) => childXml(child, rows))])
}

type ChildRows = Partial<Record<Ssda903TableName, Array<(name: string) => Cell>>>

function rowsByChild(ret: Ssda903Return): Map<string, ChildRows> {
  const byChild = new Map<string, ChildRows>()
  for (const name of ssda903TableNames(ret.year)) {
    const table = ret.tables[name]
    const read = reader(table)
    table.rows.forEach((_, i) => {
      const child = read(i, 'CHILD') ?? ''
      const rows = byChild.get(child) ?? byChild.set(child, {}).get(child)!
      ;(rows[name] ??= []).push((column) => read(i, column))
    })
  }
  return byChild
}

/** Optional items are left out when blank; required ones are written even when blank, for the schema to judge. */
function childXml(child: string, rows: ChildRows): XmlNode {
  const header = rows.Header?.[0] ?? ((column: string) => (column === 'CHILD' ? child : null))
  const first = (table: Ssda903TableName) => rows[table]?.[0]
  const item = (table: Ssda903TableName, column: string): XmlNode => [column, first(table)?.(column) ?? null]
  const required = (value: Cell): string => value ?? ''
  return ['CHILD', [
    ['HEADER', [
      ['CHILDID', child], ['UPN', required(header('UPN'))], ['SEX', required(header('SEX'))], ['DOB', required(header('DOB'))],
      ['ETHNIC', required(header('ETHNIC'))], ['UASC', rows.UASC ? '1' : '0'], item('UASC', 'DUC'),
      ...['DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'].map((c) => item('AD1', c)),
      ...['IN_TOUCH', 'ACTIV', 'ACCOM'].map((c) => item('OC3', c)),
      ...(rows.Missing ?? []).map((m): XmlNode => ['AMISSING', [['MISSING', required(m('MISSING'))], ['MIS_START', required(m('MIS_START'))], ['MIS_END', m('MIS_END')]]]),
      ...(rows.Reviews ?? []).map((r): XmlNode => ['AREVIEW', [['REVIEW', required(r('REVIEW'))], ['REVIEW_CODE', required(r('REVIEW_CODE'))]]]),
      ['MOTHER', header('MOTHER')], ['MC_DOB', header('MC_DOB')],
      first('PrevPerm') ? ['PERMANENCE', ['PREV_PERM', 'LA_PERM', 'DATE_PERM'].map((c) => item('PrevPerm', c))] : ['PERMANENCE', null],
      first('OC2') ? ['OC2', ['SDQ_SCORE', 'SDQ_REASON', 'CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT',
        'SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'].map((c) => item('OC2', c))] : ['OC2', null],
      ...(rows.PlacedAdoption ?? []).map((p): XmlNode => ['AD_PLACED', [
        ['DATE_PLACED', required(p('DATE_PLACED'))], ['DATE_PLACED_CEASED', p('DATE_PLACED_CEASED')], ['REASON_PLACED_CEASED', p('REASON_PLACED_CEASED')],
      ]]),
    ]],
    ...(rows.Episodes ?? []).map((e): XmlNode => ['EPISODE', [
      ['DECOM', required(e('DECOM'))], ['RNE', required(e('RNE'))], ['LS', required(e('LS'))], ['CIN', required(e('CIN'))], ['PL', required(e('PLACE'))],
      ['PL_POST', e('PL_POST')], ['HOME_POST', e('HOME_POST')], ['URN', e('URN')], ['PLACE_PROVIDER', e('PLACE_PROVIDER')],
      ['DEC', required(e('DEC'))], ['REC', required(e('REC'))], ['REASON_PLACE_CHANGE', e('REASON_PLACE_CHANGE')],
    ]]),
  ]]
}
