// Reads the person form (a parent, carer, relative, friend or professional in a child's network)
// and the relationship to the child that comes with it.
import { FormErrors, list, text, type DateAnswer, type FormBody } from '../../platform/forms/form.js'
import type { LocalDate } from '../../platform/working-days/local-date.js'
import { addressAnswer, listAnswer, nameAnswer, nhsNumberAnswer, optionalText, pastDateAnswer, type AddressAnswer, type FormValues } from './answers.js'
import { dateParts, rawValues } from './child-form.js'
import { sexes } from './codes.js'
import { isRelationshipType } from './relationship-types.js'

export interface PersonDetails {
  firstName: string
  lastName: string
  otherNames: string[]
  dateOfBirth: LocalDate | null
  sex: 'F' | 'M' | 'U' | null
  nhsNumber: string | null
  /** A professional's role and organisation. */
  occupation: string | null
}

export interface RelationshipAnswer {
  type: string
  parentalResponsibility: boolean
  livesWith: boolean
  possibleCarer: boolean
}

export function readPersonForm(body: FormBody, today: LocalDate, { withAddress }: { withAddress: boolean }): {
  details: PersonDetails | null; address: AddressAnswer | null; errors: FormErrors; form: FormValues
} {
  const errors = new FormErrors()
  const firstName = nameAnswer(body, 'firstName', 'their', 'first name', errors)
  const lastName = nameAnswer(body, 'lastName', 'their', 'last name', errors)
  const dateOfBirth: DateAnswer = pastDateAnswer(body, 'dateOfBirth', 'date of birth', errors, today, { required: false, earliest: '1900-01-01' })
  const sex = text(body, 'sex')
  if (sex && !sexes.some((s) => s.code === sex)) errors.add('sex', 'Select their sex from the list')
  const nhsNumber = nhsNumberAnswer(body, 'nhsNumber', errors)
  const occupation = optionalText(body, 'occupation', 'role and organisation', errors)
  const { address, movedIn } = withAddress ? addressAnswer(body, errors, today) : { address: null, movedIn: { raw: { day: '', month: '', year: '' }, value: null } }
  const form: FormValues = { values: rawValues(body), dates: { dateOfBirth: dateOfBirth.raw, movedIn: movedIn.raw } }
  if (errors.any) return { details: null, address: null, errors, form }
  return {
    details: {
      firstName, lastName, otherNames: listAnswer(body, 'otherNames'), dateOfBirth: dateOfBirth.value,
      sex: (sex || null) as PersonDetails['sex'], nhsNumber, occupation,
    },
    address,
    errors,
    form,
  }
}

/** The relationship to the child: its type and the three flags. */
export function readRelationship(body: FormBody, errors: FormErrors): RelationshipAnswer | null {
  const type = text(body, 'relationshipType')
  if (!isRelationshipType(type)) {
    errors.add('relationshipType', 'Select how they are related to the child')
    return null
  }
  const flags = list(body, 'flags')
  return {
    type,
    parentalResponsibility: flags.includes('parentalResponsibility'),
    livesWith: flags.includes('livesWith'),
    possibleCarer: flags.includes('possibleCarer'),
  }
}

export function personFormFromRecord(person: PersonDetails): FormValues {
  return {
    values: {
      firstName: person.firstName, lastName: person.lastName, otherNames: person.otherNames.join(', '),
      sex: person.sex ?? '', nhsNumber: person.nhsNumber ?? '', occupation: person.occupation ?? '',
    },
    dates: { dateOfBirth: dateParts(person.dateOfBirth), movedIn: dateParts(null) },
  }
}
