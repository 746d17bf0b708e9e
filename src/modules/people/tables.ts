// Kysely's view of the people module's tables (migrations/0002_people_and_links.sql and later *_people*.sql).
import type { Generated } from 'kysely'
import type { DateText, GeneratedTimestamp } from '../../platform/db/schema.js'
import type { CaseworkTables } from './casework/tables.js'

export interface PeopleTable {
  id: Generated<string>
  la_code: string
  is_child: boolean
  first_name: string
  last_name: string
  other_names: Generated<string[]>
  date_of_birth: DateText | null
  expected_date_of_birth: DateText | null
  sex: 'M' | 'F' | 'U' | null
  gender_identity: string | null
  ethnicity: string | null
  disabilities: Generated<string[]>
  languages: Generated<string[]>
  religion: string | null
  nhs_number: string | null
  upn: string | null
  upn_unknown_reason: string | null
  la_child_id: string | null
  restricted: Generated<boolean>
  occupation: string | null
  created_at: GeneratedTimestamp
  /** The create form's token: a second submission of the same form finds the first record. */
  creation_token: Generated<string | null>
  updated_at: GeneratedTimestamp
  /** Kept by a trigger (0010): every name in lower case, and their Double Metaphone codes. */
  search_names: Generated<string>
  name_codes: Generated<string[]>
  /** Set when this record was merged into another (migrations/0140): it then stays only as history. */
  merged_into: Generated<string | null>
}

export interface AddressesTable {
  id: Generated<string>
  la_code: string
  person_id: string
  line1: string
  town: string | null
  postcode: string
  moved_in: DateText | null
  moved_out: DateText | null
}

export interface RelationshipsTable {
  id: Generated<string>
  la_code: string
  person_id: string
  related_person_id: string
  type: string
  parental_responsibility: Generated<boolean>
  lives_with: Generated<boolean>
  possible_carer: Generated<boolean>
  created_at: GeneratedTimestamp
}

/** Names and the formal names they may stand for (Bill: William). */
export interface NameVariantsTable {
  name: string
  formal: string
}

export interface PeopleTables extends CaseworkTables {
  people: PeopleTable
  addresses: AddressesTable
  relationships: RelationshipsTable
  name_variants: NameVariantsTable
}
