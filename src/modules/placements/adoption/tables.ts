// Kysely's view of the prospective adopters' tables (migrations/0157_placements_adopters.sql).
import type { Generated } from 'kysely'
import type { DateText, GeneratedTimestamp } from '../../../platform/db/schema.js'

export interface AdopterHouseholdsTable {
  id: Generated<string>
  la_code: string
  reference: Generated<string>
  legal_status: string
  fostering_for_adoption: boolean
  enquiry_received: DateText
  stage1_started: DateText | null
  stage1_ended: DateText | null
  stage2_started: DateText | null
  stage2_ended: DateText | null
  application_submitted: DateText | null
  approved: DateText | null
  left_on: DateText | null
  left_reason: string | null
  created_by: string | null
  created_at: GeneratedTimestamp
  updated_by: string | null
  updated_at: GeneratedTimestamp
}

export interface AdoptersTable {
  id: Generated<string>
  household_id: string
  la_code: string
  position: number
  first_name: string
  last_name: string
  sex: string
  gender: string
  ethnicity: string
  disability: string
}

export interface AdoptionTables {
  adopter_households: AdopterHouseholdsTable
  adopters: AdoptersTable
}
