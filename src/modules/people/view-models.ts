// What the people module's templates need beyond the record: the items of selects, radios and
// checkboxes with the user's answers ticked, and the date inputs' boxes.
import { dateInputItems } from '../../platform/forms/form.js'
import { addMonths, type LocalDate } from '../../platform/working-days/local-date.js'
import type { FormValues } from './answers.js'
import { disabilities, ethnicities, noDisability, sexes, upnUnknownReasons } from './codes.js'
import { relationshipTypes } from './relationship-types.js'

const chosen = (value: string | string[] | undefined, code: string) => (Array.isArray(value) ? value.includes(code) : value === code)

/** The form with each date input's boxes, marked with errors where the field has one. */
export function withDateItems(form: FormValues, fieldErrors: Record<string, string>) {
  const dateItems = Object.fromEntries(Object.entries(form.dates).map(([name, raw]) =>
    [name, dateInputItems(raw, Object.keys(fieldErrors).some((field) => field.startsWith(`${name}-`)))]))
  return { ...form, dateItems }
}

export function childFormItems(form: FormValues, today: LocalDate) {
  const v = form.values
  const example = addMonths(today, 4)
  return {
    eddExample: `${Number(example.slice(8, 10))} ${Number(example.slice(5, 7))} ${example.slice(0, 4)}`,
    sexItems: sexes.map((s) => ({ value: s.code, text: s.label, checked: v.sex === s.code })),
    ethnicityItems: [{ value: '', text: 'Select ethnicity' }, ...ethnicities.map((e) => ({ value: e.code, text: e.label, selected: v.ethnicity === e.code }))],
    disabilityItems: [
      ...disabilities.map((d) => ({ value: d.code, text: d.label, checked: chosen(v.disabilities, d.code) })),
      { divider: 'or' },
      { value: noDisability, text: 'No disability', behaviour: 'exclusive', checked: chosen(v.disabilities, noDisability) },
    ],
    upnReasonItems: [{ value: '', text: 'The UPN is known, or the baby is not born' }, ...upnUnknownReasons.map((r) => ({ value: r.code, text: r.label, selected: v.upnUnknownReason === r.code }))],
  }
}

export function personFormItems(form: FormValues) {
  const v = form.values
  return {
    sexItems: [...sexes.map((s) => ({ value: s.code, text: s.label, checked: v.sex === s.code }))],
    relationshipItems: [{ value: '', text: 'Select a relationship' },
      ...relationshipTypes.map((t) => ({ value: t.type, text: t.label, selected: v.relationshipType === t.type }))],
    flagItems: [
      { value: 'parentalResponsibility', text: 'Has parental responsibility for the child', checked: chosen(v.flags, 'parentalResponsibility') },
      { value: 'livesWith', text: 'Lives with the child', checked: chosen(v.flags, 'livesWith') },
      { value: 'possibleCarer', text: 'Could care for the child (a possible carer)', checked: chosen(v.flags, 'possibleCarer') },
    ],
  }
}

export const siblingTypeItems = (value: string | string[] | undefined) => [
  { value: 'sibling', text: 'Brother or sister (the same parents)', checked: value === 'sibling' },
  { value: 'half_sibling', text: 'Half-brother or half-sister (one parent the same)', checked: value === 'half_sibling' },
  { value: 'step_sibling', text: 'Stepbrother or stepsister (a parent’s partner’s child)', checked: value === 'step_sibling' },
]
