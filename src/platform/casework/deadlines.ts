// Statutory deadlines on children, gathered from every module for "my work", the team view and
// the child's page. A module registers a provider; each provider answers for many children at once.
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema.js'
import type { LocalDate } from '../working-days/local-date.js'

export interface ChildDeadline {
  childId: string
  /** Timescale rule id from platform/timescales/rules.ts (for the rule's name and source). */
  ruleId: string
  /** What is due, in plain English: "Initial child protection conference". */
  what: string
  due: LocalDate
  /** Where the user goes to do it. */
  href: string
}

export interface DeadlineProvider {
  id: string
  /** Open deadlines for these children (one query per provider, never one per child). */
  deadlines(db: Kysely<DB>, childIds: readonly string[], today: LocalDate): Promise<ChildDeadline[]>
}

const providers: DeadlineProvider[] = []

export function addDeadlineProvider(provider: DeadlineProvider): void {
  if (!providers.some((p) => p.id === provider.id)) providers.push(provider)
}

export async function deadlinesFor(db: Kysely<DB>, childIds: readonly string[], today: LocalDate): Promise<ChildDeadline[]> {
  if (childIds.length === 0) return []
  const all = await Promise.all(providers.map((p) => p.deadlines(db, childIds, today)))
  return all.flat().sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))
}
