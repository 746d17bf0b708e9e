// Kysely's view of the workforce module's tables (its migrations are migrations/009*_workforce*.sql).
import type { ColumnType, Generated } from 'kysely'
import type { DateText, GeneratedTimestamp } from '../../platform/db/schema.js'

/** The workforce census's roles for registered social workers. */
export type StaffRole = 'case_holder' | 'senior_practitioner' | 'first_line_manager' | 'middle_manager' | 'senior_manager' | 'qualified_not_holding_cases'
export type Employment = 'employed' | 'agency'

/** numeric columns come back as text; written as a number. */
type Numeric = ColumnType<string, number | string, number | string>

export interface StaffTable {
  id: Generated<string>
  la_code: string
  user_id: string | null
  name: string
  registration_number: string | null
  role: StaffRole
  team_id: string | null
  employment: Employment
  fte: Numeric
  started_on: DateText
  left_on: DateText | null
  early_career_year: number | null
  /** A DfE ethnicity code; null when never asked (not known). */
  ethnicity: string | null
  updated_by: string | null
  updated_at: GeneratedTimestamp
}

export interface VacanciesTable {
  id: Generated<string>
  la_code: string
  team_id: string
  fte: Numeric
  open_since: DateText
  filled_on: DateText | null
  updated_by: string | null
  updated_at: GeneratedTimestamp
}

export interface WorkforceTables {
  staff: StaffTable
  vacancies: VacanciesTable
}
