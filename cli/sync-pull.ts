// `cascade sync` pulls check-ins made in Notion into the plan file: the cells of the values pulled
// (Current, Status, Last check-in, and Note when the plan has such a column) are written with the
// same safe write as `progress --write`, nothing else but Last check-in where the history moves it,
// and in that one write each row's check-in goes into the history (sheet "Check-ins", or
// NAME.checkins.csv) with the Notion person's name and note. The plan is then read again with them
// and its mirror recomputed, so progress and the last check-in note move before they are pushed.
import { checkInsFor, computeProgress, lastCheckInEdits, readPlan } from '../shared/index.js';
import type { Day, History, Plan, RawTable } from '../shared/index.js';
import { buildMirror, checkInSources, pulledColumn } from '../notion-sync/index.js';
import type { MirrorPlan, PulledValue } from '../notion-sync/index.js';
import type { CellEdit } from './write/cell-edit.js';
import type { PlanFile } from './files/read.js';
import { lastCheckInCellEdits } from './history/check-in-options.js';
import { historyPlace, writeWithHistory } from './history/plan-history.js';
import { plural } from '../shared/format.js';

/** The cells to write for the values pulled; a value whose column the plan lacks is said, not written. */
export function pulledEdits(
  plan: Plan,
  table: RawTable,
  pulled: readonly PulledValue[],
  notes: string[],
  where: string,
): CellEdit[] {
  const edits: CellEdit[] = [];
  for (const p of pulled) {
    const col = pulledColumn(p.field, plan.columns, table.header);
    if (col === undefined) {
      if (p.field === 'note')
        notes.push(
          `${p.id}: the Note written in Notion is kept in the check-ins (${where}); the plan has no Note column.`,
        );
      else if (p.notionValue !== null)
        notes.push(
          `${p.id}: the ${p.column} "${p.notionValue}" written in Notion is not kept in the file, which has no ${p.column} column.`,
        );
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

export interface PullTarget {
  file: PlanFile;
  plan: Plan;
  history: History;
  today: Day;
  /** Who checks in for the rows the pull moves without a person in Notion (a parent's roll-up). */
  who: string;
  /** The plan's mirror as read: answered when nothing is pulled (every value overridden). */
  mirror: MirrorPlan;
}

/**
 * The sync's pull hook for a plan file: writes the pulled cells and the check-ins in one write (not
 * in a dry run), and answers the mirror recomputed.
 */
export function pullIntoFile({ file, plan, history, today, who, mirror }: PullTarget, notes: string[]) {
  return async (pulled: PulledValue[], { dryRun }: { dryRun: boolean }): Promise<MirrorPlan> => {
    if (pulled.length === 0) return mirror;
    const where = historyPlace(file);
    const edits = pulledEdits(plan, file.table, pulled, notes, where);
    const again = readPlan(edited(file.table, edits), { framework: plan.framework.id });
    const items = computeProgress(again, { today });
    // A protected plan sheet gets no check-ins, as with progress --write.
    const checkIns = file.layout.protectedSheet
      ? []
      : checkInsFor(again, items, history, { today, who, sources: checkInSources(pulled, today) });
    edits.push(...lastCheckInCellEdits(again, lastCheckInEdits(again, history, checkIns, items)));
    if (checkIns.length > 0)
      notes.push(`${dryRun ? 'Would add' : 'Added'} ${plural(checkIns.length, 'check-in')} to ${where}.`);
    if (!dryRun && (edits.length > 0 || checkIns.length > 0)) await writeWithHistory(file, edits, checkIns);
    return buildMirror(readPlan(edited(file.table, edits), { framework: plan.framework.id }), {
      today,
      history: [...history.records, ...checkIns],
    });
  };
}
