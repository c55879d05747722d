/**
 * A mistake of the user's (a missing file, an unknown column, a bad option): main prints its
 * message as one line and exits with `code` (2 for usage, 1 for data).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}

/** A usage mistake (exit code 2). */
export const usage = (message: string) => new CliError(message, 2);

/**
 * The first line that says something of an error message, on one line: DuckDB's messages run over
 * several lines ("Conversion Error: …\n\nLINE 1: …"), and an error's stack is never printed.
 */
export function oneLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
  return lines.length === 0 ? (e instanceof Error ? e.name : "error") : lines[0];
}
