// Figures and dates as the dashboard's pages and CSV write them.
import type { LocalDate } from '../../platform/working-days/local-date.js'
import type { Unit } from './indicator.js'

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

export const ukDateText = (date: LocalDate): string => `${Number(date.slice(8))} ${months[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`

export const unitNames: Record<Unit, string> = {
  percent: 'per cent', per10k: 'per 10,000 children', months: 'months', score: 'average score', cases: 'cases per social worker (FTE)',
}

/** The value to one decimal place with its unit, or a dash when there is nothing to divide by. */
export function formatValue(value: number | null, unit: Unit): string {
  if (value === null) return '–'
  const text = value.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  return unit === 'percent' ? `${text}%` : text
}
