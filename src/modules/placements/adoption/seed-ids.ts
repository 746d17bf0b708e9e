// The id of the adopter household a seeded child was matched with, made from the child's id, so the adopters' seed
// part writes the household and the looked-after part names it on the child's match without sharing state.
import { caseworkTables, childRecordId } from '../../../platform/seed/casework-ids.js'
import type { Day, SeedChild } from '../../../platform/seed/facts.js'

/** The household matched with the child in the period of care that began on `periodStart`. */
export const seededAdopterHouseholdId = (child: Pick<SeedChild, 'id'>, periodStart: Day): string =>
  childRecordId(child, caseworkTables.adopterHousehold, periodStart)
