// Reads the child's details form (create and edit) into checked details, or errors against each field.
import { dateAnswer, FormErrors, list, text, type DateAnswer, type FormBody } from '../../platform/forms/form.js'
import { normaliseUpn, upnProblem, type UpnProblem } from '../../platform/identifiers/upn.js'
import { addDays, addMonths, addYears, type LocalDate } from '../../platform/working-days/local-date.js'
import { addressAnswer, listAnswer, nameAnswer, nhsNumberAnswer, optionalText, pastDateAnswer, type AddressAnswer, type FormValues } from './answers.js'
import { disabilities, ethnicities, noDisability, sexes, upnUnknownReasons } from './codes.js'

export interface ChildDetails {
  firstName: string
  lastName: string
  otherNames: string[]
  dateOfBirth: LocalDate | null
  expectedDateOfBirth: LocalDate | null
  sex: 'F' | 'M' | 'U'
  genderIdentity: string | null
  ethnicity: string
  disabilities: string[]
  languages: string[]
  religion: string | null
  nhsNumber: string | null
  upn: string | null
  upnUnknownReason: string | null
  laChildId: string | null
}

const upnMessages: Record<UpnProblem, string> = {
  length: 'UPN must be 13 characters',
  'la-code': 'Characters 2 to 4 of the UPN must be numbers',
  'not-numeric': 'Characters 5 to 12 of the UPN must be numbers',
  'character-13': 'The last character of the UPN must be a number or a letter other than I, O or S',
  'check-letter': 'Enter a valid UPN – the first letter does not match the rest, so check you have typed it correctly',
}

/** Children's services work with young people up to 25, so a child's date of birth is no earlier than this. */
export function earliestChildBirth(today: LocalDate): LocalDate {
  return addYears(today, -26)
}

export function readChildForm(body: FormBody, today: LocalDate, { withAddress }: { withAddress: boolean }): {
  details: ChildDetails | null; address: AddressAnswer | null; errors: FormErrors; form: FormValues
} {
  const errors = new FormErrors()
  const firstName = nameAnswer(body, 'firstName', 'the child’s', 'first name', errors)
  const lastName = nameAnswer(body, 'lastName', 'the child’s', 'last name', errors)
  // A date of birth means the child is born; an expected date alone means an unborn baby.
  const typed = (name: string) => ['day', 'month', 'year'].some((part) => text(body, `${name}-${part}`) !== '')
  const born = typed('dateOfBirth') ? 'yes' : typed('expectedDateOfBirth') ? 'no' : ''
  if (!born) errors.add('dateOfBirth-day', 'Enter the child’s date of birth, or the expected date of birth for an unborn baby')
  if (born === 'yes' && typed('expectedDateOfBirth')) errors.add('expectedDateOfBirth-day', 'Leave the expected date of birth blank when you enter a date of birth')
  const dateOfBirth = born === 'yes'
    ? pastDateAnswer(body, 'dateOfBirth', 'date of birth', errors, today, { required: true, earliest: earliestChildBirth(today) })
    : blankDate(body, 'dateOfBirth')
  const expected = born === 'no' ? expectedBirthAnswer(body, errors, today) : blankDate(body, 'expectedDateOfBirth')

  const sex = text(body, 'sex')
  if (!sexes.some((s) => s.code === sex)) errors.add('sex', 'Select the child’s sex, or ‘Not known’')
  const genderIdentity = optionalText(body, 'genderIdentity', 'gender identity', errors, 100)
  const ethnicity = text(body, 'ethnicity')
  if (!ethnicities.some((e) => e.code === ethnicity)) errors.add('ethnicity', 'Select the child’s ethnicity, or ‘Information not yet obtained’')
  const chosenDisabilities = list(body, 'disabilities')
  if (chosenDisabilities.some((d) => d !== noDisability && !disabilities.some((known) => known.code === d))) {
    errors.add('disabilities', 'Select the child’s disabilities from the list')
  } else if (chosenDisabilities.includes(noDisability) && chosenDisabilities.length > 1) {
    errors.add('disabilities', 'Select ‘No disability’ or the child’s disabilities, not both')
  }
  const languages = listAnswer(body, 'languages')
  const religion = optionalText(body, 'religion', 'religion or belief', errors, 100)
  const nhsNumber = nhsNumberAnswer(body, 'nhsNumber', errors)
  const { upn, upnUnknownReason } = upnAnswer(body, errors, born === 'no')
  const laChildId = laChildIdAnswer(body, errors)
  const { address, movedIn } = withAddress ? addressAnswer(body, errors, today) : { address: null, movedIn: blankDate(body, 'movedIn') }

  const form: FormValues = {
    values: rawValues(body),
    dates: { dateOfBirth: dateOfBirth.raw, expectedDateOfBirth: expected.raw, movedIn: movedIn.raw },
  }
  if (errors.any) return { details: null, address: null, errors, form }
  return {
    details: {
      firstName, lastName, otherNames: listAnswer(body, 'otherNames'),
      dateOfBirth: born === 'yes' ? dateOfBirth.value : null,
      expectedDateOfBirth: born === 'no' ? expected.value : null,
      sex: sex as ChildDetails['sex'], genderIdentity, ethnicity, disabilities: chosenDisabilities, languages, religion,
      nhsNumber, upn, upnUnknownReason, laChildId,
    },
    address,
    errors,
    form,
  }
}

/** An unborn baby's expected date: no more than 9 months ahead, and not long past (then the baby has been born). */
function expectedBirthAnswer(body: FormBody, errors: FormErrors, today: LocalDate): DateAnswer {
  const answer = dateAnswer(body, 'expectedDateOfBirth', 'expected date of birth', errors)
  if (answer.value && answer.value > addMonths(today, 9)) {
    errors.add('expectedDateOfBirth-day', 'Expected date of birth must be no more than 9 months from today')
  } else if (answer.value && answer.value < addDays(today, -30)) {
    errors.add('expectedDateOfBirth-day', 'Expected date of birth must be in the last month or in the future – if the baby has been born, enter their date of birth instead')
  }
  return answer
}

function upnAnswer(body: FormBody, errors: FormErrors, unborn: boolean): { upn: string | null; upnUnknownReason: string | null } {
  const typed = text(body, 'upn')
  const reason = text(body, 'upnUnknownReason')
  if (typed) {
    const problem = upnProblem(typed)
    if (problem) errors.add('upn', upnMessages[problem])
    return { upn: normaliseUpn(typed), upnUnknownReason: null }
  }
  if (reason && !upnUnknownReasons.some((r) => r.code === reason)) errors.add('upnUnknownReason', 'Select why the UPN is not known from the list')
  else if (!reason && !unborn) errors.add('upn', 'Enter the child’s UPN, or select why it is not known')
  return { upn: null, upnUnknownReason: reason || null }
}

function laChildIdAnswer(body: FormBody, errors: FormErrors): string | null {
  const typed = text(body, 'laChildId').toUpperCase()
  if (!typed) return null
  if (typed.length > 15) errors.add('laChildId', 'LA child ID must be 15 characters or fewer')
  else if (!/^[A-Z0-9-]+$/.test(typed)) errors.add('laChildId', 'LA child ID must only include letters, numbers and hyphens')
  return typed
}

function blankDate(body: FormBody, name: string): DateAnswer {
  return { raw: { day: text(body, `${name}-day`), month: text(body, `${name}-month`), year: text(body, `${name}-year`) }, value: null }
}

/** Every answer as sent (without the CSRF token), to show back or carry through the duplicate check. */
export function rawValues(body: FormBody): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {}
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue
    if (typeof value === 'string') values[key] = value
    else if (Array.isArray(value)) values[key] = value.filter((v): v is string => typeof v === 'string')
  }
  return values
}

export function dateParts(date: LocalDate | null): DateAnswer['raw'] {
  if (!date) return { day: '', month: '', year: '' }
  return { day: String(Number(date.slice(8, 10))), month: String(Number(date.slice(5, 7))), year: date.slice(0, 4) }
}

/** The edit form's starting answers, from the record. */
export function childFormFromRecord(child: ChildDetails): FormValues {
  return {
    values: {
      firstName: child.firstName, lastName: child.lastName, otherNames: child.otherNames.join(', '),
      sex: child.sex, genderIdentity: child.genderIdentity ?? '',
      ethnicity: child.ethnicity, disabilities: child.disabilities, languages: child.languages.join(', '),
      religion: child.religion ?? '', nhsNumber: child.nhsNumber ?? '', upn: child.upn ?? '',
      upnUnknownReason: child.upnUnknownReason ?? '', laChildId: child.laChildId ?? '',
    },
    dates: { dateOfBirth: dateParts(child.dateOfBirth), expectedDateOfBirth: dateParts(child.expectedDateOfBirth), movedIn: dateParts(null) },
  }
}
