// `cascade sync` pulls check-ins made in Notion into the plan file: the cells of the values pulled
// (Current, Status, Last check-in, and Note when the plan has such a column) are written with the
// same safe write as `progress --write`, nothing else; the plan is then read again with them and
// its mirror recomputed, so progress moves with the check-in before it is pushed.
import { readPlan } from '../shared/index.js';
import type { CellValue, Day, Plan, RawTable } from '../shared/index.js';
import { buildMirror } from '../notion-sync/index.js';
import type { MirrorPlan, PulledValue } from '../notion-sync/index.js';
import type { CellEdit } from './write/cell-edit.js';
import { writeCells } from './write/write-progress.js';
import type { PlanFile } from './files/read.js';

/** The plan's Note column, if it has one (a column of people's own, read by its header). */
function noteColumn(header: readonly CellValue[]): number | undefined {
  const index = header.findIndex((h) => typeof h === 'string' && h.trim().toLowerCase() === 'note');
  return index >= 0 ? index : undefined;
}

/** The cells to write for the values pulled; a value whose column the plan lacks is said, not written. */
export function pulledEdits(plan: Plan, table: RawTable, pulled: readonly PulledValue[], notes: string[]): CellEdit[] {
  const edits: CellEdit[] = [];
  for (const p of pulled) {
    const col = p.field === 'note' ? noteColumn(table.header) : plan.columns[p.field];
    if (col === undefined) {
      if (p.notionValue !== null) notes.push(`${p.id}: the ${p.column} "${p.notionValue}" written in Notion is not kept in the file, which has no ${p.column} column.`);
      continue;
    }
    // A formula in the cell is kept: the sheet computes that value itself.
    edits.push({ row: p.row, col, value: p.notionValue, onFormula: 'skip' });
  }
  return edits;
}

/** The table with the edits applied, for reading the plan again as it will be once written. */
function edited(table: RawTable, edits: readonly CellEdit[]): RawTable {
  const headerRow = table.headerRow ?? 1;
  const rows = table.rows.map((r) => [...r]);
  for (const e of edits) {
    const cells = rows[e.row - headerRow - 1];
    if (!cells) continue;
    while (cells.length <= e.col) cells.push(null);
    cells[e.col] = e.value;
  }
  return { ...table, rows };
}

/** The sync's pull hook for a plan file: writes the pulled cells (not in a dry run), answers the mirror recomputed. */
export function pullIntoFile(file: PlanFile, plan: Plan, today: Day, notes: string[]) {
  return async (pulled: PulledValue[], { dryRun }: { dryRun: boolean }): Promise<MirrorPlan> => {
    const edits = pulledEdits(plan, file.table, pulled, notes);
    if (!dryRun && edits.length > 0) await writeCells(file, edits);
    const again = readPlan(edited(file.table, edits), { framework: plan.framework.id });
    return buildMirror(again, { today });
  };
}
