// Generating a return from the casework as the files DfE takes, for the command line and the analyst's page.
import type { Kysely } from 'kysely'
import type { DB } from '../../../platform/db/schema.js'
import type { ReturnKind } from '../rulesets.js'
import { buildCinCensus, type BuildOptions } from './cin-census.js'
import { cinCensusXml } from './cin-xml.js'
import { collectionYear } from './collection-year.js'
import { buildSsda903 } from './ssda903.js'
import { ssda903CsvFiles, ssda903Xml, type ReturnFile } from './ssda903-files.js'

export interface GeneratedReturn {
  kind: ReturnKind
  year: number
  laCode: string
  files: ReturnFile[]
  children: number
  /** The return's child id for each Kindred child in it. */
  childIds: Map<string, string>
  /**
   * The 903's previous collection year, generated from the same casework as CSV tables: the rules that compare a
   * child with last year's return (1001, 1002, EPI and others) read it as the `_last` tables. Empty for the census.
   */
  lastYear: ReturnFile[]
}

export async function generateReturn(db: Kysely<DB>, kind: ReturnKind, year: number, laCode: string,
  options: BuildOptions & { xml?: boolean } = {}): Promise<GeneratedReturn> {
  const collection = collectionYear(year)
  if (kind === 'cin') {
    const census = await buildCinCensus(db, laCode, collection, options)
    return {
      kind, year, laCode, files: [{ name: `cin_census_${laCode}_${year}.xml`, content: cinCensusXml(census) }],
      children: census.children.length, childIds: new Map(census.children.map((c) => [c.childId, c.LAchildID])), lastYear: [],
    }
  }
  const ret = await buildSsda903(db, laCode, collection, options)
  const previous = await buildSsda903(db, laCode, collectionYear(year - 1), { childIds: options.childIds })
  const files = options.xml ? [{ name: `ssda903_${laCode}_${year}.xml`, content: ssda903Xml(ret) }] : ssda903CsvFiles(ret)
  return { kind, year, laCode, files, children: ret.tables.Header.rows.length, childIds: ret.childIds, lastYear: ssda903CsvFiles(previous) }
}
