import { Command, Option } from 'commander';
import { columnLetter, computeProgress, fillBlankIds, type ProgressItem } from '../../shared/index.js';
import { columnsOption, formatOption, frameworkOption, todayOf, todayOption, type PlanOptions } from '../options.js';
import { processOutput } from '../output/emit.js';
import { plural } from '../output/terminal.js';
import { progressJson, progressText } from '../output/progress-report.js';
import { loadPlan, type LoadedPlan } from '../plan-input.js';
import { progressEdits } from '../write/progress-edits.js';
import { writeCells } from '../write/write-progress.js';

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
      const loaded = await loadPlan(path, options.framework, options.columns);
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
async function writeBack({ file, plan }: LoadedPlan, items: ProgressItem[], filled: { row: number; id: string }[]): Promise<string[]> {
  if (plan.items.length === 0) return [`${file.path}: nothing to write, the plan has no rows.`];
  const write = progressEdits(plan, file.table, items, filled);
  const result = await writeCells(file, write.edits);
  const where = file.sheetName ? `${file.path} (sheet "${file.sheetName}")` : file.path;
  const notes: string[] = [];
  if (write.addedColumn) notes.push(`Added a Progress column (column ${columnLetter(write.progressColumn)}) to ${where}.`);
  if (result.written === 0) notes.push(`${where} is already up to date; nothing was changed.`);
  else notes.push(`Wrote progress into ${where}: ${plural(result.written, 'cell')} updated.`);
  if (result.keptFormulas > 0) notes.push(`Kept ${plural(result.keptFormulas, 'live Progress formula')} of measured rows.`);
  if (filled.length > 0) {
    const shown = filled.slice(0, 5).map((f) => `row ${f.row}: ${f.id}`).join(', ');
    notes.push(`Filled ${plural(filled.length, 'blank ID')} (${shown}${filled.length > 5 ? ', …' : ''}).`);
  }
  return notes;
}

function withIds(items: ProgressItem[], filled: { row: number; id: string }[]): ProgressItem[] {
  const byRow = new Map(filled.map((f) => [f.row, f.id]));
  return items.map((item) => (byRow.has(item.row) ? { ...item, id: byRow.get(item.row)! } : item));
}

