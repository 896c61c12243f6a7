import { Command } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { convertCommand } from './commands/convert.js';
import { lintCommand } from './commands/lint.js';
import { progressCommand } from './commands/progress.js';
import { replanCommand } from './commands/replan.js';
import { reportCommand } from './commands/report.js';
import { syncCommand } from './commands/sync.js';
import { templateCommand } from './commands/template.js';
import { colorsFor } from './output/terminal.js';

/** The `cascade` program and its commands. Parse errors throw (exit code 2 is decided by main). */
export function buildProgram(): Command {
  const program = new Command('cascade')
    .description('Plans in spreadsheets, checked and rolled up: SMART check, progress and pace of an .xlsx/.csv plan.')
    .version(packageJson.version, '-V, --version', 'show the version')
    .helpOption('-h, --help', 'show help')
    .addCommand(templateCommand())
    .addCommand(lintCommand())
    .addCommand(progressCommand())
    .addCommand(replanCommand())
    .addCommand(reportCommand())
    .addCommand(syncCommand())
    .addCommand(convertCommand())
    .addHelpText(
      'after',
      `
Exit codes: 0 done, 1 the check found errors (lint), 2 bad usage or a file that cannot be read.

Examples:
  cascade template plan.xlsx --framework okr --examples
  cascade lint plan.xlsx
  cascade progress plan.xlsx --today 2026-05-01
  cascade progress plan.xlsx --write --note "weekly check-in"
  cascade lint okrs.csv --columns "Title=Key result,Owner=DRI"
  cascade convert okrs.csv plan.xlsx
  cascade replan plan.xlsx KR1.2 --extend 2026-07-31
  cascade report plan.xlsx --out status.html`,
    );
  const red = colorsFor(process.stderr).red;
  forEachCommand(program, (command) => {
    command
      .exitOverride()
      .showHelpAfterError(`(run "${commandPath(command)} --help" for usage)`)
      // Commander's own errors read "error: …"; every error of the command starts "cascade: ".
      .configureOutput({ outputError: (text, write) => write(`${red('cascade:')} ${text.replace(/^error: /, '')}`) });
  });
  program.hook('preAction', (_program, command) => rejectBlankArguments(command));
  return program;
}

/** `cascade lint ""` is a usage error ("no file given"), not a file named "". */
function rejectBlankArguments(command: Command) {
  command.registeredArguments.forEach((argument, i) => {
    const value: unknown = command.processedArgs[i];
    if (typeof value === 'string' && value.trim() === '') command.error(`error: no ${argument.name()} given`);
  });
}

function forEachCommand(command: Command, visit: (command: Command) => void) {
  visit(command);
  for (const sub of command.commands) forEachCommand(sub, visit);
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
