/** An error meant for the user: printed as its message alone (no stack), exit code 2 by default. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Why something failed, in one line: the first line of the error's message. */
export function errorReason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

/** Where in a plan file something is: every part is optional. */
export interface FilePlace {
  sheet?: string;
  row?: number;
  column?: string;
}

/** "plan.xlsx, sheet "Cascade", row 7, column Due date" — the prefix of every file error. */
export function describePlace(file: string, place: FilePlace = {}): string {
  const parts = [file];
  if (place.sheet !== undefined) parts.push(`sheet "${place.sheet}"`);
  if (place.row !== undefined) parts.push(`row ${place.row}`);
  if (place.column !== undefined) parts.push(`column ${place.column}`);
  return parts.join(', ');
}

/** A CliError about a file: "plan.xlsx, row 7: message". */
export function fileError(file: string, message: string, place: FilePlace = {}): CliError {
  return new CliError(`${describePlace(file, place)}: ${message}`);
}

/**
 * The core's PlanFormatError (no header, a required column missing) as a CliError naming the file
 * and sheet; the row and column are added when the core's message does not already name them.
 */
export function planFormatError(
  file: string,
  error: { message: string; where?: { row?: number; column?: string } },
  place: FilePlace = {},
): CliError {
  const message = error.message.charAt(0).toLowerCase() + error.message.slice(1);
  const where = error.where ?? {};
  const full = { ...place };
  if (where.row !== undefined && !new RegExp(`\\brow ${where.row}\\b`, 'i').test(message)) full.row = where.row;
  if (where.column !== undefined && !message.includes(where.column)) full.column = where.column;
  return fileError(file, message, full);
}
