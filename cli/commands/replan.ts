import { Command, InvalidArgumentError, Option } from 'commander';
import {
  COLUMN_BY_KEY,
  isoFromDay,
  lastCheckInEdits,
  parseNumber,
  replan,
  ReplanError,
  undoReplan,
  type Plan,
  type ReplanChoice,
  type ReplanEdit,
  type ReplanResult,
} from '../../shared/index.js';
import { fileError } from '../errors.js';
import { lastCheckInCellEdits, noteOption, whoOf, whoOption, type CheckInFlags } from '../history/check-in-options.js';
import { historyPlace, loadHistory, writeWithHistory } from '../history/plan-history.js';
import { frameworkOption, parseToday, todayOf, todayOption } from '../options.js';
import { processOutput } from '../output/emit.js';
import { loadPlan } from '../plan-input.js';
import type { CellEdit } from '../write/cell-edit.js';
import type { Day, FrameworkId } from '../../shared/index.js';

interface ReplanOptions extends CheckInFlags {
  extend?: Day;
  target?: number;
  drop?: string[];
  pause?: boolean;
  undo?: boolean;
  dryRun?: boolean;
  today?: Day;
  framework?: FrameworkId;
}

export function replanCommand(): Command {
  return new Command('replan')
    .description(
      'replan a row that slips: shrink its Target, drop items below it, extend its Due date or pause it; recorded in the check-ins, with undo',
    )
    .argument('<file>', 'the plan: an .xlsx workbook or a .csv file')
    .argument('<id>', 'the ID of the row to replan')
    .addOption(
      new Option('--extend <date>', "a later Due date, YYYY-MM-DD (not after the parent's)").argParser(parseToday),
    )
    .addOption(new Option('--target <number>', 'keep and shrink: a lower Target').argParser(parseTarget))
    .addOption(
      new Option(
        '--drop <ids>',
        'reduce scope: the IDs of items below the row to mark Dropped, comma-separated',
      ).argParser(parseIds),
    )
    .addOption(new Option('--pause', 'set Status to Paused (no pace until resumed with --undo)'))
    .addOption(new Option('--undo', "undo the row's last replanning"))
    .addOption(new Option('--dry-run', 'show the effect only; write nothing'))
    .addOption(noteOption('the history record'))
    .addOption(whoOption())
    .addOption(todayOption())
    .addOption(frameworkOption())
    .action(async (path: string, id: string, options: ReplanOptions, command: Command) => {
      const choices = (['extend', 'target', 'drop', 'pause', 'undo'] as const).filter(
        (key) => options[key] !== undefined,
      );
      if (choices.length !== 1) {
        command.error(
          `error: choose one of --extend, --target, --drop, --pause or --undo${choices.length > 1 ? ` (not ${choices.map((c) => `--${c}`).join(' and ')})` : ''}`,
        );
      }
      const loaded = await loadPlan(path, options.framework, undefined, { keepCells: true });
      const { file, plan } = loaded;
      const history = await loadHistory(file);
      const out = processOutput();
      const run = { today: todayOf(options), who: whoOf(options), note: options.note };
      let result: ReplanResult;
      let edits: CellEdit[];
      try {
        result = options.undo ? undoReplan(plan, history, id, run) : replan(plan, id, choiceOf(options), run);
        edits = cellEdits(plan, result.edits);
      } catch (error) {
        if (error instanceof ReplanError) throw fileError(path, error.message);
        throw error;
      }
      out.print(`${CHOICE_LABEL[result.kind]} ${result.id}:\n${result.effect.map((line) => `  ${line}`).join('\n')}\n`);
      if (options.dryRun) {
        out.note('Nothing was written (--dry-run).');
        return;
      }
      edits.push(...lastCheckInCellEdits(plan, lastCheckInEdits(plan, history, [result.record])));
      await writeWithHistory(file, edits, [result.record]);
      const where = file.sheetName ? `${file.path} (sheet "${file.sheetName}")` : file.path;
      out.note(`Wrote the change into ${where} and recorded it, with the old values, in ${historyPlace(file)}.`);
      if (!options.undo) out.note(`To undo it: cascade replan ${path} ${result.id} --undo`);
    });
}

function choiceOf(options: ReplanOptions): ReplanChoice {
  if (options.extend !== undefined) return { kind: 'extend', due: options.extend };
  if (options.target !== undefined) return { kind: 'shrink', target: options.target };
  if (options.drop !== undefined) return { kind: 'drop', children: options.drop };
  return { kind: 'pause' };
}

/** The plan cells of a replanning choice; a date as YYYY-MM-DD, like Last check-in. */
function cellEdits(plan: Plan, edits: readonly ReplanEdit[]): CellEdit[] {
  return edits.map((edit) => {
    const col = plan.columns[edit.column];
    if (col === undefined) throw new ReplanError(`The plan has no ${COLUMN_BY_KEY[edit.column].header} column.`);
    const value = edit.date && typeof edit.value === 'number' ? isoFromDay(edit.value) : edit.value;
    return { row: edit.row, col, value, onFormula: 'replace' };
  });
}

function parseTarget(value: string): number {
  const parsed = parseNumber(value);
  if (parsed.state !== 'ok') throw new InvalidArgumentError(`"${value}" is not a number.`);
  return parsed.value;
}

function parseIds(value: string): string[] {
  return value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

const CHOICE_LABEL: Record<ReplanResult['kind'], string> = {
  shrink: 'Keep and shrink',
  drop: 'Reduce the scope of',
  extend: 'Extend',
  pause: 'Pause',
  undo: 'Undo the last replanning of',
};
