// One Annex A list as CSV, dates written dd/mm/yyyy as the specification reads them.
import { toCsv } from '../../../platform/http/csv.js'
import type { AnnexAList } from './lists.js'

const ukDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

export function listCsv(list: AnnexAList): string {
  return toCsv(list.columns.map((c) => c.header), list.rows.map((row) =>
    row.map((cell, i) => (list.columns[i]!.kind === 'date' && typeof cell === 'string' ? ukDate(cell) : cell))))
}
