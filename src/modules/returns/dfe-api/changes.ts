// What to send for a child given what was sent last: nothing when nothing changed; otherwise the parts that
// changed (details, health, each changed episode whole) and a purge for each episode or item sent before that
// is no longer in the record, so the DfE's copy ends up the same as Kindred's.
import { canonicalJson } from '../../../platform/audit/canonical-json.js'
import type { ChildPayload, SocialCareEpisode } from './payload.js'

type Sent = Record<string, unknown>
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b)

/** The arrays of an episode whose items carry their own id and purge flag. */
const itemLists = {
  child_and_family_assessments: 'child_and_family_assessment_id', child_in_need_plans: 'child_in_need_plan_id',
  section_47_assessments: 'section_47_assessment_id', child_protection_plans: 'child_protection_plan_id',
  child_looked_after_placements: 'child_looked_after_placement_id',
} as const

function changedEpisode(now: SocialCareEpisode, before: Sent | undefined): Sent | null {
  if (before && same(now, before)) return null
  const episode: Sent = { ...now }
  for (const [list, id] of Object.entries(itemLists)) {
    const current = new Set((now[list as keyof typeof itemLists] as Sent[]).map((item) => item[id]))
    const gone = ((before?.[list] ?? []) as Sent[]).filter((item) => !current.has(item[id])).map((item) => ({ [id]: item[id], purge: true }))
    episode[list] = [...(episode[list] as Sent[]), ...gone]
  }
  for (const single of ['adoption', 'care_leavers'] as const) if (before?.[single] && !now[single]) episode[single] = { purge: true }
  return episode
}

export function changesFor(now: ChildPayload, before: Sent | null): Sent | null {
  if (before === null) return { ...now }
  if (same(now, before)) return null
  const previousEpisodes = new Map(((before.social_care_episodes ?? []) as Sent[]).map((e) => [e.social_care_episode_id, e]))
  const episodes = now.social_care_episodes.map((e) => changedEpisode(e, previousEpisodes.get(e.social_care_episode_id))).filter((e) => e !== null)
  const current = new Set(now.social_care_episodes.map((e) => e.social_care_episode_id))
  const gone = [...previousEpisodes.keys()].filter((id) => !current.has(id as string)).map((id) => ({ social_care_episode_id: id, purge: true }))
  return {
    la_child_id: now.la_child_id, mis_child_id: now.mis_child_id, purge: false,
    ...(same(now.child_details, before.child_details) ? {} : { child_details: now.child_details }),
    ...(same(now.health_and_wellbeing, before.health_and_wellbeing) ? {} : { health_and_wellbeing: now.health_and_wellbeing }),
    ...(episodes.length + gone.length > 0 ? { social_care_episodes: [...episodes, ...gone] } : {}),
  }
}

/** A child who should no longer be sent: everything sent about them is to be deleted. */
export const purgeChild = (before: Sent): Sent => ({ la_child_id: before.la_child_id, mis_child_id: before.mis_child_id, purge: true })
