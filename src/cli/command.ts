// The shape every `kindred` sub-command takes. Commands parse their own flags with node:util parseArgs.
export interface Command {
  name: string
  summary: string
  usage: string
  /** Returns the process exit code. Throw UsageError for bad arguments. */
  run(args: string[]): Promise<number>
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** A problem the operator can fix (a missing file, a locked data directory): printed plainly, exit code 1. */
export class OperatorError extends Error {}
