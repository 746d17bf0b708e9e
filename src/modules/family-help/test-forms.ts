// Filling in forms the way a browser does: the one-time token from the page, dates as three boxes.

export { formToken } from '../../../test/support/app.js'

/** A GOV.UK date input's three boxes for yyyy-mm-dd. */
export const dateParts = (date: string, name: string): Record<string, string> => ({
  [`${name}-day`]: String(Number(date.slice(8))), [`${name}-month`]: String(Number(date.slice(5, 7))), [`${name}-year`]: date.slice(0, 4),
})
