import { CommanderError } from 'commander';
import { buildProgram } from './program.js';
import { CliError, errorReason } from './errors.js';
import { colorsFor } from './output/terminal.js';

/** Exit codes of commander's own outcomes that are not errors. */
const COMMANDER_SUCCESS = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help']);

/**
 * Runs the command line. Every error ends here: a user's mistake prints one line and exits 2
 * (a failed check exits 1); an unexpected one prints a short message, with the stack only when
 * CASCADE_DEBUG is set. Nothing ever prints a stack trace by default.
 */
export async function main(argv: string[]): Promise<void> {
  process.stdout.on('error', onStdoutError);
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    process.exitCode = report(error);
  }
}

function report(error: unknown): number {
  const red = colorsFor(process.stderr).red;
  if (error instanceof CommanderError) {
    if (COMMANDER_SUCCESS.has(error.code) && error.exitCode === 0) return 0;
    return 2; // commander has printed the message
  }
  if (error instanceof CliError) {
    process.stderr.write(`${red('cascade:')} ${error.message}\n`);
    return error.exitCode;
  }
  process.stderr.write(`${red('cascade:')} unexpected error: ${errorReason(error)}\n`);
  if (process.env.CASCADE_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
  else
    process.stderr.write(
      'This is a bug in cascade. Run again with CASCADE_DEBUG=1 to see the details, and report them.\n',
    );
  return 2;
}

/** A closed pipe (`cascade progress plan.xlsx | head`) ends the output quietly. */
function onStdoutError(error: NodeJS.ErrnoException) {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
}

await main(process.argv);
