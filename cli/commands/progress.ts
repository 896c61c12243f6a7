import { Command, Option } from 'commander';
import { columnLetter, computeProgress, fillBlankIds, type ProgressItem } from '../../shared/index.js';
import { columnsOption, formatOption, frameworkOption, todayOf, todayOption, type PlanOptions } from '../options.js';
import { processOutput } from '../output/emit.js';
import { plural } from '../output/terminal.js';
import { progressJson, progressText } from '../output/progress-report.js';
import { loadPlan, type LoadedPlan } from '../plan-input.js';
import { progressEdits } from '../write/progress-edits.js';
import { writeCells } from '../write/write-progress.js';
import { officeLock } from '../files/office-lock.js';
import { removeStaleTemps } from '../files/atomic.js';
import { colorsFor } from '../output/terminal.js';

interface ProgressOptions extends PlanOptions {
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
    .addOption(new Option('--write', 'write Progress (and Pace, if the plan has that column, and IDs of rows without one) into the file; nothing else changes'))
    .action(async (path: string, options: ProgressOptions) => {
      const loaded = await loadPlan(path, options.framework, options.columns, { keepCells: options.write });
      const { plan } = loaded;
      const today = todayOf(options);
      const out = processOutput();
      const filled = options.write ? fillBlankIds(plan) : [];
      let items = computeProgress(plan, { today });
      if (filled.length > 0) items = withIds(items, filled);
      const notes = options.write ? await writeBack(loaded, items, filled) : [];

      if (options.format === 'json') out.json(progressJson(path, plan, today, items));
      else out.print(progressText(path, plan, today, items, { colors: out.colors, width: out.width, bars: out.terminal }));
      for (const note of notes) out.note(note);
    });
}

/** Writes Progress and blank IDs into the file; returns what was done, in words. */
async function writeBack(loaded: LoadedPlan, items: ProgressItem[], filled: { row: number; id: string }[]): Promise<string[]> {
  const { file, plan } = loaded;
  if (plan.items.length === 0) return [`${file.path}: nothing to write, the plan has no rows.`];
  const write = progressEdits(file, plan, items, filled);
  const notes: string[] = [];
  const lock = await officeLock(file.snapshot.target);
  if (lock) {
    warn(`${file.path} is open in ${lock.program} (lock file ${lock.lock}): close it there without saving, or saving there will undo what cascade writes.`);
  }
  const removed = await removeStaleTemps(file.snapshot.target);
  if (removed.length > 0) notes.push(`Removed ${plural(removed.length, 'temporary file')} left by an earlier cascade run that was stopped (${removed[0]}).`);
  const result = await writeCells(file, write.edits, write.ownedColumns);
  const where = file.sheetName ? `${file.path} (sheet "${file.sheetName}")` : file.path;
  if (write.addedColumn && result.written > 0) notes.push(`Added a Progress column (column ${columnLetter(write.progressColumn)}) to ${where}.`);
  if (result.written === 0) notes.push(`${where} is already up to date; nothing was changed.`);
  else notes.push(`Wrote progress into ${where}: ${plural(result.written, 'cell')} updated.`);
  if (result.keptFormulas > 0) notes.push(`Kept ${plural(result.keptFormulas, 'live Progress formula')} of measured rows.`);
  const written = filled.filter((f) => !file.layout.skipRows.has(f.row));
  if (written.length > 0 && result.written > 0) {
    const shown = written.slice(0, 5).map((f) => `row ${f.row}: ${f.id}`).join(', ');
    notes.push(`Filled ${plural(written.length, 'blank ID')} (${shown}${written.length > 5 ? ', …' : ''}).`);
  }
  for (const skipped of write.skipped) warn(`${where}: ${skipped}`);
  return notes;
}

function warn(text: string) {
  process.stderr.write(`${colorsFor(process.stderr).yellow('cascade: warning:')} ${text}\n`);
}

function withIds(items: ProgressItem[], filled: { row: number; id: string }[]): ProgressItem[] {
  const byRow = new Map(filled.map((f) => [f.row, f.id]));
  return items.map((item) => (byRow.has(item.row) ? { ...item, id: byRow.get(item.row)! } : item));
}

