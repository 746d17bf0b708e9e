// Kysely's view of the front-door module's tables (migrations/0020_front_door.sql, 0021_front_door_details.sql).
import type { Generated } from 'kysely'
import type { DateText, GeneratedTimestamp, Timestamp } from '../../platform/db/schema.js'

export interface ContactsTable {
  id: Generated<string>
  la_code: string
  child_id: string
  received_at: Timestamp
  referrer_name: string
  referrer_role: string | null
  referrer_organisation: string | null
  referral_source: string
  concern: string
  consent: 'given' | 'refused' | 'not_sought'
  consent_note: string | null
  /** The family and household as the referrer described them. */
  household: string | null
  recorded_by: string
  recorded_at: GeneratedTimestamp
  form_token: string | null
  decision: string | null
  decided_at: Timestamp | null
  decided_by: string | null
  decision_reason: string | null
  feedback_to_referrer: string | null
  feedback_given_on: DateText | null
}

/** A referral to children's social care: one CIN episode (CINreferralDate to CINclosureDate). */
export interface ReferralsTable {
  id: Generated<string>
  la_code: string
  child_id: string
  contact_id: string | null
  referral_date: DateText
  referral_source: string
  primary_need: string
  reason: string | null
  urgent_strategy_discussion: Generated<boolean>
  /** CIN census ReferralNFA: the referral led to no further action. */
  referral_nfa: Generated<boolean>
  closure_date: DateText | null
  reason_for_closure: string | null
  opened_by: string
  opened_at: GeneratedTimestamp
}

export interface FrontDoorTables {
  contacts: ContactsTable
  referrals: ReferralsTable
}
