import { COLUMN_BY_KEY, hasLiveProgress, NO_PACE, type CellValue, type Plan, type ProgressItem, type RawTable } from '../../shared/index.js';
import { isBlankCell } from '../files/grid.js';
import type { CellEdit } from './cell-edit.js';

export interface ProgressWrite {
  edits: CellEdit[];
  /** 0-based column of Progress. */
  progressColumn: number;
  /** The plan had no Progress column: one is added after the last used column. */
  addedColumn: boolean;
  /** IDs given to rows that had none. */
  filledIds: { row: number; id: string }[];
}

/**
 * The cells `progress --write` changes, and no others: the Progress cell of every plan row, its
 * Pace cell when the plan has that tool-owned column (as the add-on does; it is never added) and
 * the ID of rows without one. A live formula in a measured row's Progress cell is kept (the sheet
 * computes the same value); roll-ups and tasks get values, replacing the template's empty formula.
 */
export function progressEdits(
  plan: Plan,
  table: RawTable,
  progress: readonly ProgressItem[],
  filledIds: readonly { row: number; id: string }[],
): ProgressWrite {
  const headerRow = table.headerRow ?? 1;
  const existing = plan.columns.progress;
  const progressColumn = existing ?? firstFreeColumn(table);
  const edits: CellEdit[] = [];
  if (existing === undefined) {
    edits.push({ row: headerRow, col: progressColumn, value: COLUMN_BY_KEY.progress.header, onFormula: 'skip', formatLike: progressColumn - 1 });
  }
  for (let i = 0; i < plan.items.length; i++) {
    // An objective written beside its first key result has no row of its own: that row's cells are the key result's.
    if (plan.items[i].sharedRow) continue;
    edits.push({
      row: progress[i].row,
      col: progressColumn,
      value: progress[i].progress,
      onFormula: hasLiveProgress(plan.items[i]) ? 'skip' : 'replace',
      percent: true,
    });
  }
  const pace = plan.columns.pace;
  if (pace !== undefined) {
    progress.forEach((item, i) => {
      if (!plan.items[i].sharedRow) edits.push({ row: item.row, col: pace, value: item.status ?? NO_PACE, onFormula: 'replace' });
    });
  }
  const idColumn = plan.columns.id!;
  for (const { row, id } of filledIds) edits.push({ row, col: idColumn, value: id, onFormula: 'skip' });
  return { edits, progressColumn, addedColumn: existing === undefined, filledIds: [...filledIds] };
}

/** The first column right of the header and of every row's cells, so a new column covers nothing. */
function firstFreeColumn(table: RawTable): number {
  let width = lastUsed(table.header);
  for (const row of table.rows) width = Math.max(width, lastUsed(row));
  return width + 1;
}

function lastUsed(cells: readonly CellValue[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (!isBlankCell(cells[i])) return i;
  return -1;
}
