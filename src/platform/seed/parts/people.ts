// Children and the adults around them, their addresses, and the family network (stored once per pair).
import type { SeedChild, SeedFamily, SeedPerson } from '../facts.js'
import { idTables } from '../identifiers.js'
import type { Emit, SeedContext, SeedPart, SeedTable } from '../part.js'
import { at, date } from './dates.js'

export const peopleTable: SeedTable = {
  name: 'people',
  columns: [['id', 'uuid'], ['la_code', 'text'], ['is_child', 'bool'], ['first_name', 'text'], ['last_name', 'text'], ['date_of_birth', 'date'],
    ['sex', 'text'], ['ethnicity', 'text'], ['disabilities', 'text[]'], ['nhs_number', 'text'], ['upn', 'text'], ['upn_unknown_reason', 'text'],
    ['la_child_id', 'text'], ['created_at', 'timestamptz']],
}
export const addressesTable: SeedTable = {
  name: 'addresses',
  columns: [['id', 'uuid'], ['la_code', 'text'], ['person_id', 'uuid'], ['line1', 'text'], ['town', 'text'], ['postcode', 'text'],
    ['moved_in', 'date'], ['moved_out', 'date']],
}
export const relationshipsTable: SeedTable = {
  name: 'relationships',
  columns: [['id', 'uuid'], ['la_code', 'text'], ['person_id', 'uuid'], ['related_person_id', 'uuid'], ['type', 'text'],
    ['parental_responsibility', 'bool'], ['lives_with', 'bool'], ['possible_carer', 'bool'], ['created_at', 'timestamptz']],
}

const inCareNow = (child: SeedChild) => child.episodes.some((e) => e.care !== null && e.care.end === null)

function writeFamily(ctx: SeedContext, family: SeedFamily, emit: Emit): void {
  const la_code = ctx.plan.authority.code
  const person = (p: SeedPerson, child: SeedChild | null) => {
    emit(peopleTable, {
      id: p.id, la_code, is_child: child !== null, first_name: p.firstName, last_name: p.lastName, date_of_birth: date(p.dateOfBirth),
      sex: p.sex, ethnicity: p.ethnicity, disabilities: child?.disabilities ?? [], nhs_number: p.nhsNumber, upn: child?.upn ?? null,
      upn_unknown_reason: child?.upnUnknownReason ?? null, la_child_id: child?.laChildId ?? null, created_at: at(p.recordedOn),
    })
    for (const a of p.addresses) {
      emit(addressesTable, {
        id: ctx.ids.next(idTables.address), la_code, person_id: p.id, line1: a.line1, town: a.town, postcode: a.postcode,
        moved_in: date(a.movedIn), moved_out: date(a.movedOut),
      })
    }
  }
  for (const child of family.children) person(child, child)
  for (const adult of family.adults) person(adult, null)

  const recordedOn = Math.min(...family.children.map((c) => c.recordedOn))
  const relationship = (from: string, to: string, type: string, flags: { pr?: boolean; livesWith?: boolean; carer?: boolean } = {}) => {
    emit(relationshipsTable, {
      id: ctx.ids.next(idTables.relationship), la_code, person_id: from, related_person_id: to, type,
      parental_responsibility: flags.pr ?? false, lives_with: flags.livesWith ?? false, possible_carer: flags.carer ?? false, created_at: at(recordedOn, 5),
    })
  }
  family.adults.forEach((adult, index) => {
    for (const i of adult.of) {
      const child = family.children[i]!
      relationship(adult.id, child.id, adult.role, {
        pr: adult.parentalResponsibility, livesWith: adult.livesWithChildren && !inCareNow(child), carer: adult.possibleCarer,
      })
    }
    if (adult.partner !== null && adult.partner > index) relationship(adult.id, family.adults[adult.partner]!.id, 'partner', { livesWith: true })
  })
  const fatherOf = (i: number) => family.adults.findIndex((a) => a.role === 'father' && a.of.includes(i))
  for (let i = 0; i < family.children.length; i++) {
    for (let j = i + 1; j < family.children.length; j++) {
      const [a, b] = [family.children[i]!, family.children[j]!]
      relationship(a.id, b.id, fatherOf(i) === fatherOf(j) ? 'sibling' : 'half_sibling', { livesWith: !inCareNow(a) && !inCareNow(b) })
    }
  }
}

export const peoplePart: SeedPart = {
  name: 'people',
  tables: [peopleTable, addressesTable, relationshipsTable],
  families(ctx, families, emit) {
    for (const family of families) writeFamily(ctx, family, emit)
  },
}
