// One string for each distinct cell text across a return's files: a return repeats a few thousand codes, dates and
// child ids in millions of cells, so holding each once saves memory, and rules' lookups by child then compare the
// same string rather than equal ones.

export class Interner {
  /** A prototype-less object rather than a Map: V8 finds its keys through its own string table, which is faster here. */
  private readonly held: Record<string, string> = Object.create(null) as Record<string, string>

  intern(text: string): string {
    return (this.held[text] ??= detached(text))
  }
}

/**
 * The text, copied when V8 may hold it as a view of the string it was cut from: a slice of 13 characters or more
 * (a UPN, a date with its time) would otherwise keep a whole file's text alive for as long as the cell lives.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8')
}
