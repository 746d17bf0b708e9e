// History loaded from a statutory return rather than recorded as it happened. Each owning module writes it through
// its service like any change, appending the usual typed event, whose summary and data say where it came from, so
// the chronology reads "... (imported from the SSDA903 return 2025 to 2026)".
import type { Executor } from '../audit/audit.js'
import { appendChildEvent, type ChildEvent } from './child-events.js'

export interface ImportSource {
  laCode: string
  /** The authority's account for imported history: who recorded it in Kindred. */
  recorderId: string
  /**
   * Stands for the person who decided outside Kindred, whom a return does not name (the manager who authorised an
   * assessment, a conference's chair).
   */
  outsideId: string
  /** What the history came from, as the chronology says it: "the SSDA903 return 2025 to 2026". */
  from: string
  /** The return's census date (31 March): it cannot know what happened after. */
  censusDate: string
}

export type ImportedEvent = Omit<ChildEvent, 'laCode' | 'recordedBy' | 'purpose'>

export function appendImportedEvent(executor: Executor, source: ImportSource, event: ImportedEvent): Promise<string> {
  return appendChildEvent(executor, {
    ...event, laCode: source.laCode, recordedBy: source.recorderId, purpose: 'import of a statutory return',
    summary: `${event.summary} (imported from ${source.from})`, data: { ...event.data, importedFrom: source.from },
  })
}

/**
 * An end date as far as the return knows it. A return shows a record open when it ended after the census date, so
 * an older return imported after a newer one leaves the later end that is held.
 */
export function endAsKnown(source: ImportSource, given: string | null, held: string | null | undefined): string | null {
  return given ?? (held && held > source.censusDate ? held : null)
}

/** A local date as the event's time: the day it happened, not the day it was imported. */
export const onDay = (date: string): string => `${date} 00:00 Europe/London`
