// Finding a child in the user's authority from one search box. Candidates come from indexed lookups
// (trigram and sound-alike names, nicknames, dates of birth, NHS number, LA child ID, postcode); each
// candidate is then scored, so the best matches come first, and restricted records the user is not
// named on never appear.
import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { DB } from '../../platform/db/schema.js'
import { postcodeDistrict } from '../../platform/identifiers/postcode.js'
import { todayInEngland, type LocalDate } from '../../platform/working-days/local-date.js'
import { ageText } from './age.js'
import { allocatedWorkers, currentAddresses } from './repository.js'
import { parseSearchQuery, type SearchQuery } from './search-query.js'

export interface SearchResult {
  childId: string
  name: string
  otherNames: string[]
  dateOfBirth: LocalDate | null
  expectedDateOfBirth: LocalDate | null
  age: string
  addressArea: string | null
  allocatedWorker: string | null
  team: string | null
  laChildId: string | null
  nhsNumber: string | null
  restricted: boolean
  /** What matched, in words: "name", "date of birth", "NHS number". */
  matchedOn: string[]
}

export interface Searcher { id: string; laCode: string }

/** How many candidates are scored in full; beyond this the search asks for more to be typed. */
const candidateLimit = 300
export const resultLimit = 50

interface CandidateRow {
  id: string
  first_name: string
  last_name: string
  other_names: string[]
  date_of_birth: string | null
  expected_date_of_birth: string | null
  la_child_id: string | null
  nhs_number: string | null
  restricted: boolean
  name_scores: number[]
  same_date: boolean
  same_year: boolean
  same_nhs: boolean
  same_id: boolean
  same_postcode: boolean
}

const likePattern = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)
const regexWord = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Nicknames and formal names each word may stand for (Bill: William, Billy, Will, Liam...). */
async function variantsOf(db: Kysely<DB>, names: string[]): Promise<Map<string, string[]>> {
  const variants = new Map(names.map((n) => [n, [] as string[]]))
  if (names.length === 0) return variants
  const rows = await db.selectFrom('name_variants as a').innerJoin('name_variants as b', 'b.formal', 'a.formal')
    .where('a.name', 'in', names).select(['a.name as name', 'b.name as variant']).distinct().execute()
  for (const row of rows) if (row.variant !== row.name) variants.get(row.name)!.push(row.variant)
  return variants
}

/**
 * Indexed lookups giving ids of the authority's children who might be the one searched for. Every name
 * word must match (by spelling, part, sound or nickname) unless `anyName`, the fallback when a word is too
 * badly mistyped to match at all; dates, NHS number, identifiers and postcode each add their own matches.
 */
function candidateQueries(query: SearchQuery, variants: Map<string, string[]>, laCode: string, anyName: boolean): RawBuilder<unknown>[] {
  const children = (condition: RawBuilder<unknown>) => sql`select id from people where la_code = ${laCode} and is_child and (${condition})`
  const nameQueries = query.names.map((name) => {
    const others = variants.get(name) ?? []
    return children(sql.join([
      sql`search_names like ${`%${likePattern(name)}%`}`,
      sql`name_codes && array_remove(array[dmetaphone(${name}), dmetaphone_alt(${name})], '')`,
      ...(name.length >= 3 ? [sql`${name} <% search_names`] : []),
      ...(others.length > 0 ? [sql`search_names ~ ${`(^| )(${others.map(regexWord).join('|')})( |$)`}`] : []),
    ], sql` or `))
  })
  const queries: RawBuilder<unknown>[] = []
  if (nameQueries.length > 0) queries.push(sql`(${sql.join(nameQueries, anyName ? sql` union ` : sql` intersect `)})`)
  if (query.dates.length > 0) {
    // Two lookups rather than one "or", so each uses its own index.
    queries.push(children(sql`date_of_birth = any(${arrayLiteral(query.dates)}::date[])`))
    queries.push(children(sql`expected_date_of_birth = any(${arrayLiteral(query.dates)}::date[])`))
  }
  if (query.nhsNumber) queries.push(children(sql`nhs_number = ${query.nhsNumber}`))
  if (query.identifiers.length > 0) queries.push(children(sql`upper(la_child_id) = any(${arrayLiteral(query.identifiers)}::text[])`))
  if (query.postcode) {
    queries.push(sql`select person_id as id from addresses where la_code = ${laCode} and moved_out is null and postcode like ${postcodePattern(query.postcode)}`)
  }
  if (queries.length === 0 && query.years.length > 0) queries.push(children(sql`extract(year from date_of_birth) = any(${arrayLiteral(query.years)}::int[])`))
  return queries
}

/** A PostgreSQL array literal; the values are names, dates, years and identifiers, which hold no quotes or backslashes. */
function arrayLiteral(values: ReadonlyArray<string | number>): string {
  return `{${values.map((v) => `"${v}"`).join(',')}}`
}

/** "ME14" finds ME14 5AB but not ME145...; "ME14 5" and "ME14 5AB" find what starts with them. */
function postcodePattern(postcode: string): string {
  return `${likePattern(postcode)}${postcode.includes(' ') ? '' : ' '}%`
}

/** How well each name word matches the child's best-matching name: 1 exact, 0.9 nickname, 0.8 start of a name, then sound-alike, typo, trigram. */
function nameScore(name: string, variants: string[]): RawBuilder<number> {
  const typoDistance = name.length <= 4 ? 1 : 2
  return sql<number>`(select coalesce(max(greatest(
      case when w = ${name} then 1.0 else 0 end,
      case when w = any(${arrayLiteral(variants)}::text[]) then 0.9 else 0 end,
      case when length(${name}) >= 2 and left(w, length(${name})) = ${name} then 0.8 else 0 end,
      case when dmetaphone(w) <> '' and (dmetaphone(w) = dmetaphone(${name}) or dmetaphone_alt(w) = dmetaphone_alt(${name})) then 0.7 else 0 end,
      case when levenshtein(left(w, 50), left(${name}, 50)) <= ${typoDistance} then 0.65 else 0 end,
      similarity(w, ${name}) * 0.8)), 0)::float8
    from regexp_split_to_table(p.search_names, '[[:space:]]+') as w)`
}

/** Weights: an identifier all but settles it; a date of birth counts for two name words. */
function rank(row: CandidateRow): { score: number; matchedOn: string[] } {
  const names = row.name_scores.filter((s) => s >= 0.5)
  const matchedOn = [
    names.length > 0 && 'name', row.same_date && 'date of birth', row.same_year && !row.same_date && 'year of birth',
    row.same_nhs && 'NHS number', row.same_id && 'LA child ID', row.same_postcode && 'postcode',
  ].filter((m): m is string => Boolean(m))
  const score = names.reduce((sum, s) => sum + s, 0) + (row.same_date ? 2 : 0) + (row.same_year ? 0.5 : 0)
    + (row.same_nhs ? 5 : 0) + (row.same_id ? 5 : 0) + (row.same_postcode ? 1 : 0)
  return { score, matchedOn }
}

async function scoredCandidates(db: Kysely<DB>, searcher: Searcher, query: SearchQuery, variants: Map<string, string[]>, anyName: boolean): Promise<CandidateRow[]> {
  const queries = candidateQueries(query, variants, searcher.laCode, anyName)
  if (queries.length === 0) return []
  const dates = arrayLiteral(query.dates)
  return db.transaction().execute(async (trx) => {
    // A lower bar than the default 0.6 lets one or two typed-wrong letters through to scoring. A search is
    // a few milliseconds of work, so compiling it (PostgreSQL's JIT) would cost more than it saves.
    await sql`select set_config('pg_trgm.word_similarity_threshold', '0.3', true), set_config('jit', 'off', true)`.execute(trx)
    return (await sql<CandidateRow>`
      with visible as (
        select p.* from people p
        where p.id in (${sql.join(queries, sql` union `)}) and p.la_code = ${searcher.laCode} and p.is_child and p.merged_into is null
          and (not p.restricted or exists (select 1 from restricted_access r where r.child_id = p.id and r.user_id = ${searcher.id}))
        -- Cheaply ordered first, so a very common name is scored on its closest few hundred.
        order by similarity(p.search_names, ${query.names.join(' ')}) desc
        limit ${candidateLimit}
      )
      select p.id, p.first_name, p.last_name, p.other_names, p.date_of_birth, p.expected_date_of_birth, p.la_child_id, p.nhs_number, p.restricted,
        array[${sql.join([...query.names.map((n) => nameScore(n, variants.get(n) ?? [])), sql`0::float8`])}] as name_scores,
        coalesce(p.date_of_birth = any(${dates}::date[]) or p.expected_date_of_birth = any(${dates}::date[]), false) as same_date,
        coalesce(extract(year from p.date_of_birth) = any(${arrayLiteral(query.years)}::int[]), false) as same_year,
        coalesce(p.nhs_number = ${query.nhsNumber ?? ''}, false) as same_nhs,
        coalesce(upper(p.la_child_id) = any(${arrayLiteral(query.identifiers)}::text[]), false) as same_id,
        exists (select 1 from addresses a where a.person_id = p.id and a.moved_out is null
          and a.postcode like ${query.postcode ? postcodePattern(query.postcode) : ''}) as same_postcode
      from visible p`.execute(trx)).rows
  })
}

export async function searchChildren(db: Kysely<DB>, searcher: Searcher, text: string): Promise<{ query: SearchQuery; results: SearchResult[] }> {
  const today = todayInEngland()
  const query = parseSearchQuery(text, today)
  const variants = await variantsOf(db, query.names)
  let rows = await scoredCandidates(db, searcher, query, variants, false)
  if (query.names.length > 1 && !rows.some((row) => row.name_scores.filter((s) => s >= 0.5).length === query.names.length)) {
    // No child matches every name word: one is probably mistyped beyond recognition, so any word will do.
    rows = await scoredCandidates(db, searcher, query, variants, true)
  }

  const ranked = rows.map((row) => ({ row, ...rank(row) }))
    .filter((r) => r.matchedOn.length > 0)
    .sort((a, b) => b.score - a.score || a.row.last_name.localeCompare(b.row.last_name) || a.row.first_name.localeCompare(b.row.first_name))
    .slice(0, resultLimit)
  const ids = ranked.map((r) => r.row.id)
  const [addresses, workers] = await Promise.all([currentAddresses(db, ids), allocatedWorkers(db, ids)])
  return {
    query,
    results: ranked.map(({ row, matchedOn }) => ({
      childId: row.id, name: `${row.first_name} ${row.last_name}`, otherNames: row.other_names,
      dateOfBirth: row.date_of_birth, expectedDateOfBirth: row.expected_date_of_birth, age: ageText(row.date_of_birth, today),
      addressArea: postcodeDistrict(addresses.get(row.id)?.postcode ?? ''),
      allocatedWorker: workers.get(row.id)?.workerName ?? null, team: workers.get(row.id)?.teamName ?? null,
      laChildId: row.la_child_id, nhsNumber: row.nhs_number, restricted: row.restricted, matchedOn,
    })),
  }
}
