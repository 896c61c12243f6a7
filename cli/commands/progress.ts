import { Command, Option } from 'commander';
import {
  checkInsFor,
  columnLetter,
  computeProgress,
  computeTrends,
  fillBlankIds,
  lastCheckInEdits,
  NO_PACE,
  type CheckIn,
  type Day,
  type History,
  type ProgressItem,
  type Trend,
} from '../../shared/index.js';
import { columnsOption, formatOption, frameworkOption, todayOf, todayOption, type PlanOptions } from '../options.js';
import { processOutput } from '../output/emit.js';
import { plural } from '../../shared/format.js';
import { progressJson, progressText } from '../output/progress-report.js';
import { loadPlan, type LoadedPlan } from '../plan-input.js';
import { lastCheckInCellEdits, noteOption, whoOf, whoOption, type CheckInFlags } from '../history/check-in-options.js';
import { historyPlace, loadHistory, writeWithHistory } from '../history/plan-history.js';
import type { CellEdit } from '../write/cell-edit.js';
import { progressEdits } from '../write/progress-edits.js';
import { officeLock } from '../files/office-lock.js';
import { removeStaleTemps } from '../files/atomic.js';
import { colorsFor } from '../output/terminal.js';

interface ProgressOptions extends PlanOptions, CheckInFlags {
  write?: boolean;
}

export function progressCommand(): Command {
  return new Command('progress')
    .description('progress of every row, roll-ups through the cascade and pace against today')
    .argument('<file>', 'the plan: an .xlsx workbook or a .csv file')
    .addOption(formatOption())
    .addOption(todayOption())
    .addOption(frameworkOption())
    .addOption(columnsOption())
    .addOption(
      new Option(
        '--write',
        'write Progress (and Pace, if the plan has that column, and IDs of rows without one) into the file, and add a check-in for each row that changed since its last one (sheet "Check-ins", or NAME.checkins.csv beside a .csv plan); nothing else changes',
      ),
    )
    .addOption(noteOption('the check-ins --write adds'))
    .addOption(whoOption())
    .action(async (path: string, options: ProgressOptions) => {
      const loaded = await loadPlan(path, options.framework, options.columns, {
        keepCells: options.write,
        use: options.write ? 'write' : 'progress',
      });
      const { plan } = loaded;
      const today = todayOf(options);
      const out = processOutput();
      const history = await loadHistory(loaded.file);
      for (const problem of history.problems.slice(0, 5)) out.note(`warning: ${problem}`);
      const filled = options.write ? fillBlankIds(plan) : [];
      let items = computeProgress(plan, { today });
      if (filled.length > 0) items = withIds(items, filled);
      const trends = computeTrends(plan, items, history, today);
      const notes = options.write
        ? await writeBack(loaded, items, filled, trends, history, {
            today,
            note: options.note ?? '',
            who: whoOf(options),
          })
        : [];

      const withHistory = history.records.length > 0 || options.write === true;
      if (options.format === 'json') out.json(progressJson(path, plan, today, items, withHistory ? trends : undefined));
      else
        out.print(
          progressText(path, plan, today, items, {
            colors: out.colors,
            width: out.width,
            bars: out.terminal,
            paces: trends.map((t) => t.pace),
          }),
        );
      for (const note of notes) out.note(note);
    });
}

interface CheckInRun {
  today: Day;
  note: string;
  who: string;
}

/** Writes Progress, Pace, blank IDs and Last check-in into the file and appends the check-ins; returns what was done, in words. */
async function writeBack(
  { file, plan }: LoadedPlan,
  items: ProgressItem[],
  filled: { row: number; id: string }[],
  trends: readonly Trend[],
  history: History,
  run: CheckInRun,
): Promise<string[]> {
  if (plan.items.length === 0) return [`${file.path}: nothing to write, the plan has no rows.`];
  const write = progressEdits(file, plan, items, filled);
  const notes: string[] = [];
  const lock = await officeLock(file.snapshot.target);
  if (lock) {
    warn(
      `${file.path} is open in ${lock.program} (lock file ${lock.lock}): close it there without saving, or saving there will undo what cascade writes.`,
    );
  }
  const removed = await removeStaleTemps(file.snapshot.target);
  if (removed.length > 0)
    notes.push(
      `Removed ${plural(removed.length, 'temporary file')} left by an earlier cascade run that was stopped (${removed[0]}).`,
    );
  const paceColumn = plan.columns.pace;
  const byRow = new Map(trends.map((t) => [plan.items[t.index].row, t.pace]));
  const edits: CellEdit[] = write.edits.map((edit) =>
    edit.col === paceColumn && edit.row !== (file.table.headerRow ?? 1)
      ? { ...edit, value: byRow.get(edit.row) ?? NO_PACE }
      : edit,
  );
  // A protected plan sheet is left as it is, and so is the workbook around it: no check-ins either.
  const checkIns: CheckIn[] = file.layout.protectedSheet ? [] : checkInsFor(plan, items, history, run);
  edits.push(...lastCheckInCellEdits(plan, lastCheckInEdits(plan, history, checkIns, items)));
  const result = await writeWithHistory(file, edits, checkIns, write.ownedColumns);
  const where = file.sheetName ? `${file.path} (sheet "${file.sheetName}")` : file.path;
  if (write.addedColumn && result.written > 0)
    notes.push(`Added a Progress column (column ${columnLetter(write.progressColumn)}) to ${where}.`);
  if (result.written === 0 && checkIns.length === 0) notes.push(`${where} is already up to date; nothing was changed.`);
  else if (result.written > 0) notes.push(`Wrote progress into ${where}: ${plural(result.written, 'cell')} updated.`);
  if (result.keptFormulas > 0)
    notes.push(`Kept ${plural(result.keptFormulas, 'live Progress formula')} of measured rows.`);
  const written = filled.filter((f) => !file.layout.skipRows.has(f.row));
  if (written.length > 0 && result.written > 0) {
    const shown = written
      .slice(0, 5)
      .map((f) => `row ${f.row}: ${f.id}`)
      .join(', ');
    notes.push(`Filled ${plural(written.length, 'blank ID')} (${shown}${written.length > 5 ? ', …' : ''}).`);
  }
  for (const skipped of write.skipped) warn(`${where}: ${skipped}`);
  if (!file.layout.protectedSheet)
    notes.push(
      checkIns.length === 0
        ? `No check-ins added: no row changed since its last check-in.`
        : `Added ${plural(checkIns.length, 'check-in')} to ${historyPlace(file)}.`,
    );
  return notes;
}

function warn(text: string) {
  process.stderr.write(`${colorsFor(process.stderr).yellow('cascade: warning:')} ${text}\n`);
}

function withIds(items: ProgressItem[], filled: { row: number; id: string }[]): ProgressItem[] {
  const byRow = new Map(filled.map((f) => [f.row, f.id]));
  return items.map((item) => (byRow.has(item.row) ? { ...item, id: byRow.get(item.row)! } : item));
}
