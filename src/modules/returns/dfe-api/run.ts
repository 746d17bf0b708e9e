// One run of the daily DfE payload for an authority: a full snapshot, or only what changed since the last run.
// The children to look at are those with events since the last run began (with a margin for transactions still
// open then) and those sent before who are no longer in scope (purged). What was sent is kept per child, so a
// run repeated with nothing new sends nothing: the payload is idempotent.
import { sql, type Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'
import { todayInEngland } from '../../../platform/working-days/local-date.js'
import { childrenEverReferred } from '../../front-door/service.js'
import { changesFor, purgeChild } from './changes.js'
import { childPayloads } from './payload.js'

/** Transactions open when the last run began may commit events stamped a little before it. */
const marginMs = 10 * 60 * 1000

export interface PayloadRun {
  kind: 'full' | 'changes'
  /** One JSON document per child, as the specification sends them. */
  documents: Array<{ la_code: number; Children: Record<string, unknown> }>
  purged: number
  /** Records what was sent: call once the payload is safely written. */
  record(): Promise<void>
}

export async function dfePayload(db: Kysely<DB>, laCode: string, options: { full: boolean }): Promise<PayloadRun> {
  const startedAt = (await sql<{ now: Date }>`select now() as now`.execute(db)).rows[0]!.now
  const last = await db.selectFrom('dfe_api_runs').where('la_code', '=', laCode).orderBy('started_at', 'desc').select('started_at').executeTakeFirst()
  const kind = options.full || !last ? 'full' : 'changes'
  const [inScope, sentRows] = await Promise.all([
    childrenEverReferred(db, laCode),
    db.selectFrom('dfe_api_sent_children').where('la_code', '=', laCode).where('payload', 'is not', null).select(['child_id', 'payload']).execute(),
  ])
  const sent = new Map(sentRows.map((r) => [r.child_id, r.payload!]))
  const scope = new Set(inScope)
  let candidates = inScope
  if (kind === 'changes') {
    const since = new Date(new Date(last!.started_at).getTime() - marginMs)
    const touched = new Set((await db.selectFrom('child_events').where('la_code', '=', laCode).where('recorded_at', '>', since)
      .select('child_id').distinct().execute()).map((r) => r.child_id))
    candidates = inScope.filter((id) => touched.has(id) || !sent.has(id))
  }
  const payloads = await childPayloads(db, laCode, candidates, todayInEngland(startedAt))
  const changed = payloads.map((p) => ({ p, doc: kind === 'full' ? { ...p } : changesFor(p, sent.get(p.mis_child_id) ?? null) })).filter((x) => x.doc !== null)
  const purges = [...sent].filter(([id]) => !scope.has(id))
  const documents = [...changed.map((x) => x.doc!), ...purges.map(([, before]) => purgeChild(before))].map((Children) => ({ la_code: Number(laCode), Children }))
  return {
    kind, documents, purged: purges.length,
    record: () => db.transaction().execute(async (trx) => {
      for (const { p } of changed) {
        await trx.insertInto('dfe_api_sent_children').values({ la_code: laCode, child_id: p.mis_child_id, payload: JSON.stringify(p), sent_at: startedAt })
          .onConflict((oc) => oc.columns(['la_code', 'child_id']).doUpdateSet({ payload: JSON.stringify(p), sent_at: startedAt })).execute()
      }
      for (const [id] of purges) {
        await trx.updateTable('dfe_api_sent_children').set({ payload: null, sent_at: startedAt }).where('la_code', '=', laCode).where('child_id', '=', id).execute()
      }
      await trx.insertInto('dfe_api_runs').values({ la_code: laCode, kind, started_at: startedAt, children: changed.length, purged: purges.length }).execute()
    }),
  }
}
