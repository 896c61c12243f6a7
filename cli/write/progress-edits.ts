import {
  COLUMN_BY_KEY,
  columnLetter,
  hasLiveProgress,
  NO_PACE,
  type CellValue,
  type Plan,
  type ProgressItem,
} from '../../shared/index.js';
import { fileError } from '../errors.js';
import { inRange } from '../xlsx/cell-range.js';
import type { PlanFile } from '../files/read.js';
import { sameProgress, type CellOwner, type OwnedKey } from '../files/ownership.js';
import { csvText } from './csv-write.js';
import type { CellEdit } from './cell-edit.js';

export interface ProgressWrite {
  edits: CellEdit[];
  /** 0-based column of Progress. */
  progressColumn: number;
  /** The plan had no Progress column: one is added where a column covers nothing. */
  addedColumn: boolean;
  /** The owned columns written into (to be marked as Cascade's in an .xlsx). */
  ownedColumns: { key: OwnedKey; col: number }[];
  /** Rows left alone, and why (the user is told). */
  skipped: string[];
}

interface Conflict {
  row: number;
  value: CellValue;
}

/**
 * The cells `progress --write` changes, and no others: Cascade's own cells and blank cells of
 * Progress (and of Pace when the plan has that column; it is never added), and the ID of rows
 * without one. A live formula in a measured row's Progress cell is kept (the sheet computes the
 * same value); a row whose progress is unknown is left as it is. A cell holding what a person
 * typed is never written: where it says the same as Cascade it is left alone, and where it differs
 * the whole write stops with one error naming the column.
 */
export function progressEdits(
  file: PlanFile,
  plan: Plan,
  progress: readonly ProgressItem[],
  filledIds: readonly { row: number; id: string }[],
): ProgressWrite {
  const { layout, table } = file;
  const headerRow = table.headerRow ?? 1;
  const decimalComma = table.decimalComma === true;
  const cellOf = (row: number, col: number): CellValue => table.rows[row - headerRow - 1]?.[col] ?? null;
  // Whose a cell is, as the reader found it; a column the reader did not take for this one (the
  // person mapped it with --columns) holds only people's values, except where it is blank.
  const ownerOf = (key: OwnedKey, row: number, col: number): CellOwner => {
    const owned = layout.owned[key];
    if (owned && owned.col === col) return owned.owners.get(row) ?? 'blank';
    const typed = cellOf(row, col);
    return typed === null || (typeof typed === 'string' && typed.trim() === '') ? 'blank' : 'person';
  };
  const skipped: string[] = [];
  if (layout.protectedSheet) {
    return {
      edits: [],
      progressColumn: plan.columns.progress ?? layout.freeColumn,
      addedColumn: false,
      ownedColumns: [],
      skipped: [
        'the sheet is protected: nothing was written into it. Unprotect it (Review › Unprotect Sheet) to let cascade write.',
      ],
    };
  }

  const existing = plan.columns.progress;
  const progressColumn = existing ?? layout.freeColumn;
  const edits: CellEdit[] = [];
  const conflicts: Record<'progress' | 'pace', Conflict[]> = { progress: [], pace: [] };
  if (existing === undefined) {
    edits.push({
      row: headerRow,
      col: progressColumn,
      value: COLUMN_BY_KEY.progress.header,
      onFormula: 'skip',
      formatLike: progressColumn - 1,
    });
  }
  const pace = plan.columns.pace;
  for (let i = 0; i < plan.items.length; i++) {
    const item = plan.items[i];
    const row = item.row;
    const computed = progress[i];
    // An objective written beside its first key result has no row of its own: that row's cells are the key result's.
    if (item.sharedRow || layout.skipRows.has(row)) continue;
    const value = computed.progress;
    if (value !== null) {
      const owner = existing === undefined ? 'blank' : ownerOf('progress', row, progressColumn);
      const typed = cellOf(row, progressColumn);
      if (owner === 'person' && typeof typed === 'string' && typed.trim().startsWith('=')) {
        // A person's own formula in a CSV (as Google Sheets exports it): live, so it is kept as it is.
        edits.push({ row, col: progressColumn, value, onFormula: 'skip', percent: true });
      } else if (owner === 'person') {
        if (!sameProgress(cellOf(row, progressColumn), value, decimalComma))
          conflicts.progress.push({ row, value: cellOf(row, progressColumn) });
      } else {
        edits.push({
          row,
          col: progressColumn,
          value,
          onFormula: hasLiveProgress(item) ? 'keep-live' : 'replace',
          percent: true,
          owned: true,
        });
      }
    }
    if (pace !== undefined) {
      const word = computed.status ?? NO_PACE;
      if (ownerOf('pace', row, pace) === 'person') {
        const typed = cellOf(row, pace);
        if (
          String(typed ?? '')
            .trim()
            .toLowerCase() !== word.toLowerCase()
        )
          conflicts.pace.push({ row, value: typed });
      } else {
        edits.push({ row, col: pace, value: word, onFormula: 'replace', owned: true });
      }
    }
  }
  for (const key of ['progress', 'pace'] as const) {
    if (conflicts[key].length > 0)
      throw conflictError(file, key, key === 'progress' ? progressColumn : pace!, conflicts[key]);
  }
  const idColumn = plan.columns.id;
  if (idColumn !== undefined) {
    for (const { row, id } of filledIds)
      if (!layout.skipRows.has(row)) edits.push({ row, col: idColumn, value: id, onFormula: 'skip' });
  }

  const kept = edits.filter((edit) => !layout.protectedRanges.some((range) => inRange(range, edit.row, edit.col)));
  if (kept.length < edits.length) {
    skipped.push(`${edits.length - kept.length} cells lie in a protected range and were not written.`);
  }
  const ownedColumns: { key: OwnedKey; col: number }[] = [];
  if (kept.some((e) => e.col === progressColumn && e.owned))
    ownedColumns.push({ key: 'progress', col: progressColumn });
  if (pace !== undefined && kept.some((e) => e.col === pace && e.owned)) ownedColumns.push({ key: 'pace', col: pace });
  return { edits: kept, progressColumn, addedColumn: existing === undefined, ownedColumns, skipped };
}

function conflictError(file: PlanFile, key: 'progress' | 'pace', col: number, conflicts: Conflict[]) {
  const header = COLUMN_BY_KEY[key].header;
  const shown = conflicts
    .slice(0, 3)
    .map((c) => `row ${c.row}: ${shownValue(c.value, file.table.decimalComma === true)}`)
    .join(', ');
  const more = conflicts.length > 3 ? `, and ${conflicts.length - 3} more` : '';
  const cells = conflicts.length === 1 ? 'a cell holds' : `${conflicts.length} cells hold`;
  const what =
    key === 'progress'
      ? 'progress typed by a person that differs from what cascade computes'
      : "a pace typed by a person that differs from cascade's";
  return fileError(
    file.path,
    `${cells} ${what} (${shown}${more}); nothing was written. cascade never overwrites what people type: ` +
      `to let it fill the column, clear those cells; to keep them, rename the column (e.g. "Our ${header.toLowerCase()}") and cascade adds its own.`,
    { sheet: file.sheetName, column: `${columnLetter(col)} (${header})` },
  );
}

function shownValue(value: CellValue, decimalComma: boolean): string {
  if (typeof value === 'number') return csvText({ value, percent: value <= 1.5 && value >= -1.5 }, decimalComma);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return `"${String(value)}"`;
}
