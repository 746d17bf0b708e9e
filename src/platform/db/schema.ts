// Kysely's view of the tables. Platform tables are here; each module adds its own through its
// tables.ts, composed into DB below so every query is type-checked against the migrations.
import type { ColumnType, Generated, JSONColumnType } from 'kysely'
import type { PeopleTables } from '../../modules/people/tables.js'
import type { FrontDoorTables } from '../../modules/front-door/tables.js'
import type { ChildProtectionTables } from '../../modules/child-protection/tables.js'
import type { FamilyHelpTables } from '../../modules/family-help/tables.js'
import type { LookedAfterTables } from '../../modules/looked-after/tables.js'
import type { CareLeaversTables } from '../../modules/care-leavers/tables.js'
import type { PlacementsTables } from '../../modules/placements/tables.js'
import type { WorkforceTables } from '../../modules/workforce/tables.js'
import type { ReturnsTables } from '../../modules/returns/tables.js'
import type { DashboardTables } from '../../modules/dashboard/tables.js'
import type { SharingTables } from '../../modules/sharing/tables.js'
import type { FamilyNetworkTables } from '../../modules/family-network/tables.js'
import type { MultiAgencyTables } from '../../modules/multi-agency/tables.js'

/** Timestamps come back as Date and may be written as Date or ISO text. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>
/** A timestamp the database fills in (now()) unless one is given. */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** Dates are yyyy-mm-dd text in both directions. */
export type DateText = string
export type Json = JSONColumnType<Record<string, unknown>, string, string>

export interface RegionalCareCooperativesTable { id: string; name: string }

export interface LocalAuthoritiesTable {
  code: string
  name: string
  rcc_id: string | null
  population_0_17: number | null
  /** Census 2021 share of residents from ethnic minority (non-white) backgrounds, a percentage (numeric: read as text). */
  ethnic_minority_percent: ColumnType<string | null, number | string | null | undefined, number | string | null>
}

export type AgencyKind = 'childrens_services' | 'police' | 'health' | 'school' | 'family_hub' | 'voluntary' | 'fostering_agency' | 'provider'

export interface AgenciesTable {
  id: Generated<string>
  la_code: string
  kind: AgencyKind
  name: string
  reference: string | null
}

export interface TeamsTable { id: Generated<string>; la_code: string; agency_id: string; name: string; kind: string }

export interface UsersTable {
  id: Generated<string>
  la_code: string
  agency_id: string
  team_id: string | null
  manager_id: string | null
  email: string
  display_name: string
  role: string
  password_hash: string | null
  oidc_subject: string | null
  failed_sign_ins: Generated<number>
  locked_until: Timestamp | null
  active: Generated<boolean>
  created_at: GeneratedTimestamp
}

export interface SessionsTable {
  id: string
  user_id: string
  csrf_token: string
  created_at: GeneratedTimestamp
  last_seen_at: GeneratedTimestamp
}

export interface SignInAttemptsTable {
  id: Generated<string>
  source: string
  email: string
  succeeded: boolean
  at: GeneratedTimestamp
}

export interface AuditLogTable {
  id: Generated<string>
  la_code: string
  at: Timestamp
  user_id: string | null
  action: string
  child_id: string | null
  purpose: string | null
  detail: Json
  previous_hash: string
  hash: string
}

export interface AuditChainHeadsTable { la_code: string; last_id: string; last_hash: string }

export interface ChildEventsTable {
  id: Generated<string>
  la_code: string
  child_id: string
  type: string
  occurred_at: Timestamp
  recorded_at: GeneratedTimestamp
  recorded_by: string | null
  significant: Generated<boolean>
  summary: string
  data: Json
}

export interface AllocationsTable {
  id: Generated<string>
  la_code: string
  child_id: string
  worker_id: string
  team_id: string
  started_on: DateText
  ended_on: DateText | null
  /** The 903 SW_REASON: why this worker took over (FCONTA for the first); null for allocations made before it was asked. */
  change_reason: ColumnType<string | null, string | null | undefined, string | null>
}

export interface InvolvementsTable {
  id: Generated<string>
  la_code: string
  child_id: string
  user_id: string | null
  agency_id: string | null
  kind: string
  started_at: GeneratedTimestamp
  ended_at: Timestamp | null
}

export interface AccessGrantsTable {
  id: Generated<string>
  la_code: string
  child_id: string
  user_id: string
  lawful_basis: string
  reason: string
  granted_by: string
  granted_at: GeneratedTimestamp
  expires_at: Timestamp
}

export interface BreakGlassAccessTable {
  id: Generated<string>
  la_code: string
  child_id: string
  user_id: string
  reason: string
  opened_at: GeneratedTimestamp
  expires_at: Timestamp
  reviewed_by: string | null
}

export interface RestrictedAccessTable { child_id: string; user_id: string }

export interface BankHolidaysTable { date: DateText; title: string }

export interface SchemaMigrationsTable { name: string; applied_at: GeneratedTimestamp }

export interface PlatformTables {
  regional_care_cooperatives: RegionalCareCooperativesTable
  local_authorities: LocalAuthoritiesTable
  agencies: AgenciesTable
  teams: TeamsTable
  users: UsersTable
  sessions: SessionsTable
  sign_in_attempts: SignInAttemptsTable
  audit_log: AuditLogTable
  audit_chain_heads: AuditChainHeadsTable
  child_events: ChildEventsTable
  allocations: AllocationsTable
  involvements: InvolvementsTable
  access_grants: AccessGrantsTable
  break_glass_access: BreakGlassAccessTable
  restricted_access: RestrictedAccessTable
  schema_migrations: SchemaMigrationsTable
  bank_holidays: BankHolidaysTable
}

/** Every table: the platform's and each module's. */
export interface DB extends PlatformTables, PeopleTables, FrontDoorTables, ChildProtectionTables, FamilyHelpTables, LookedAfterTables, CareLeaversTables, PlacementsTables, WorkforceTables, ReturnsTables, DashboardTables, SharingTables, FamilyNetworkTables, MultiAgencyTables {}
