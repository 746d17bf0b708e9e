// One string for each distinct cell text across a return's files: a return repeats a few thousand codes, dates and
// child ids in millions of cells, so holding each once saves memory, and rules' lookups by child then compare the
// same string rather than equal ones.

export class Interner {
  /** A prototype-less object rather than a Map: V8 finds its keys through its own string table, which is faster here. */
  private readonly held: Record<string, string> = Object.create(null) as Record<string, string>

  intern(text: string): string {
    return (this.held[text] ??= text)
  }
}
