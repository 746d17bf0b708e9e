// What is wrong with a submitted file, said plainly with where: the file, and the line and column when known.
// An error stops the return being validated; a warning says how Kindred read something unusual.

export interface FileProblem {
  file: string
  line?: number
  column?: number | string
  message: string
  severity: 'error' | 'warning'
}

export function describeProblem(problem: FileProblem): string {
  const where = [problem.file, problem.line !== undefined ? `line ${problem.line}` : null,
    problem.column !== undefined ? `column ${problem.column}` : null].filter(Boolean).join(', ')
  return `${where}: ${problem.message}`
}

/** Thrown by a reader when a file cannot be read at all. */
export class FileReadError extends Error {
  constructor(readonly problem: Omit<FileProblem, 'severity'>) {
    super(describeProblem({ ...problem, severity: 'error' }))
    this.name = 'FileReadError'
  }
}
