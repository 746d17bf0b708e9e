// The authority's kinship local offer: structured sections an administrator writes, published to anyone at
// /kinship-local-offer. Saving is one statement (an upsert) with its audit entry, so sending twice is harmless.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { audit } from '../../platform/audit/audit.js'
import { localOfferSections, type LocalOfferField } from './codes.js'
import { authoritiesWithLocalOffers, authorityName, localOfferOf, saveLocalOffer } from './repository.js'
import type { Actor, FieldErrors } from './submissions.js'

export type LocalOfferAnswers = Record<LocalOfferField, string>

export interface LocalOffer {
  laCode: string
  authorityName: string
  sections: Array<{ field: LocalOfferField; heading: string; paragraphs: string[]; text: string }>
  updatedAt: Date | null
}

const maxLength = 5000

/** The authority's offer; `sections` is empty when it has not been written yet. Undefined for an unknown authority. */
export async function getLocalOffer(db: Kysely<DB>, laCode: string): Promise<LocalOffer | undefined> {
  const [name, row] = await Promise.all([authorityName(db, laCode), localOfferOf(db, laCode)])
  if (!name) return undefined
  return {
    laCode, authorityName: name, updatedAt: row?.updated_at ?? null,
    sections: row ? localOfferSections.map((s) => ({
      field: s.field, heading: s.heading, text: row[s.column],
      // Blank lines separate paragraphs: the page shows plain text, never HTML someone typed.
      paragraphs: row[s.column].split(/\r?\n\s*\r?\n/).map((p) => p.trim()).filter(Boolean),
    })) : [],
  }
}

export const publishedLocalOffers = (db: Kysely<DB>) => authoritiesWithLocalOffers(db)

export function checkLocalOffer(answers: LocalOfferAnswers): FieldErrors {
  const errors: FieldErrors = {}
  for (const s of localOfferSections) {
    const value = answers[s.field]
    if (!value) errors[s.field] = `Enter the ${s.heading.toLowerCase()} section`
    else if (value.length > maxLength) errors[s.field] = `${s.heading} must be ${maxLength.toLocaleString('en-GB')} characters or fewer`
  }
  return errors
}

export async function updateLocalOffer(db: Kysely<DB>, actor: Actor, answers: LocalOfferAnswers): Promise<FieldErrors> {
  const errors = checkLocalOffer(answers)
  if (Object.keys(errors).length) return errors
  await db.transaction().execute(async (trx) => {
    await saveLocalOffer(trx, {
      la_code: actor.laCode, updated_by: actor.id,
      ...Object.fromEntries(localOfferSections.map((s) => [s.column, answers[s.field]])) as Record<(typeof localOfferSections)[number]['column'], string>,
    })
    await audit(trx, { laCode: actor.laCode, userId: actor.id, action: 'kinship_local_offer.updated', detail: {} })
  })
  return {}
}
