import { COLUMN_BY_KEY } from '../../shared/index.js';
import type { CellValue, ColumnMap } from '../../shared/index.js';
import type { OwnedColumn } from '../protocol.js';
import { stillAsRead } from './as-read.js';
import { ownedCell } from './cells.js';
import type { OwnedBlock, PlanSheet } from './plan-sheet.js';
import type { ZoneCalendar } from './time-zone.js';

// The tools write only the columns they own (Progress, Pace, Check) and blank IDs. Each owned
// column is written with one setValues() on its own range (adjacent owned columns share one), so
// the number of calls does not grow with the rows and no other cell is touched; the range is read
// again just before, so a cell a person changes meanwhile keeps what they wrote.

/**
 * The 0-based index of an owned column. A plan without it gets one: the header goes into the first
 * column right of everything the sheet holds, so nothing is ever written over data.
 */
export function ownedColumn(
  planSheet: PlanSheet,
  columns: ColumnMap,
  key: OwnedColumn,
): { index: number; created: boolean } {
  const existing = columns[key];
  if (existing !== undefined) return { index: existing, created: false };
  const { sheet } = planSheet;
  const index = planSheet.width;
  const maxColumns = sheet.getMaxColumns();
  if (index + 1 > maxColumns) sheet.insertColumnsAfter(maxColumns, index + 1 - maxColumns);
  sheet.getRange(planSheet.headerRow, index + 1).setValue(COLUMN_BY_KEY[key].header);
  planSheet.width = index + 1;
  columns[key] = index;
  return { index, created: true };
}

export interface ColumnWrite {
  /** 0-based column. */
  index: number;
  /** One value per row, from the first row written. */
  values: readonly CellValue[];
  /** Keep a cell's live formula instead of writing the value (row offset, the formula). */
  keepFormula?: (offset: number, formula: string) => boolean;
  /** The column's formulas as already read (one per row, '' for none): no getFormulas() for it. */
  formulas?: readonly string[];
  /**
   * Write the cell's value as a constant formula (=0.5): Cascade's mark on the values it writes,
   * which tells them apart from what a person types (shared/owned-cells.ts).
   */
  asConstant?: (offset: number) => boolean;
}

/** A value as a constant formula: =0.5, ="on track"; blank stays blank. */
function constantFormula(value: CellValue | undefined): CellValue {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') return Number.isFinite(value) ? `=${value}` : '';
  return typeof value === 'string' ? `="${value.replace(/"/g, '""')}"` : ownedCell(value);
}

/** What a write did besides writing the values asked. */
export interface WriteResult {
  /** Live formulas kept (keepFormula). */
  keptFormulas: number;
  /** Cells someone edited after the plan was read: left as they were edited. */
  keptEdits: number;
}

/**
 * Writes owned columns under the header of `planSheet`, from its first data row down: adjacent
 * columns go in one range, each range read again with one getValues() just before its one
 * setValues() (and one getFormulas() when formulas may be kept, or when a cell was edited
 * meanwhile). A cell that no longer holds what the plan's read found (`planSheet.values`) was
 * edited by a person since: it gets back what it holds now, its formula if it has one, so the
 * write leaves it as they left it. A block that covers exactly the columns and rows of `read` (a
 * range the caller read them through) is written through that range, with no getRange.
 */
export function writeColumns(
  planSheet: PlanSheet,
  calendar: ZoneCalendar,
  writes: readonly ColumnWrite[],
  read: OwnedBlock | null = null,
): WriteResult {
  const result: WriteResult = { keptFormulas: 0, keptEdits: 0 };
  const rows = writes.length > 0 ? writes[0].values.length : 0;
  if (rows === 0) return result;
  const firstRow = planSheet.headerRow + 1;
  for (const block of adjacentBlocks(writes)) {
    const same = read !== null && read.first === block[0].index && read.width === block.length && read.rows === rows;
    const range = same ? read.range : planSheet.sheet.getRange(firstRow, block[0].index + 1, rows, block.length);
    const now = range.getValues() as CellValue[][];
    const edited = now.map((line, r) =>
      line.map((cell, c) => !stillAsRead(cell, planSheet.values[firstRow - 1 + r]?.[block[c].index], calendar)),
    );
    const anyEdited = edited.some((line) => line.includes(true));
    const formulas =
      anyEdited || block.some((w) => w.keepFormula !== undefined && w.formulas === undefined)
        ? range.getFormulas()
        : null;
    const out: CellValue[][] = new Array(rows);
    for (let r = 0; r < rows; r++) {
      const line: CellValue[] = new Array(block.length);
      for (let c = 0; c < block.length; c++) {
        const write = block[c];
        if (edited[r][c]) {
          const typed = (formulas as string[][])[r][c];
          line[c] = typed !== '' ? typed : ownedCell(now[r][c]);
          result.keptEdits++;
          continue;
        }
        const formula =
          write.formulas !== undefined ? (write.formulas[r] ?? '') : formulas !== null ? formulas[r][c] : '';
        if (formula !== '' && write.keepFormula !== undefined && write.keepFormula(r, formula)) {
          line[c] = formula;
          result.keptFormulas++;
        } else if (write.asConstant !== undefined && write.asConstant(r)) {
          line[c] = constantFormula(write.values[r]);
        } else {
          line[c] = ownedCell(write.values[r]);
        }
      }
      out[r] = line;
    }
    range.setValues(out);
  }
  return result;
}

/** Writes sorted by column, split where a column is not right after the previous one. */
function adjacentBlocks(writes: readonly ColumnWrite[]): ColumnWrite[][] {
  const sorted = [...writes].sort((a, b) => a.index - b.index);
  const blocks: ColumnWrite[][] = [];
  for (const write of sorted) {
    const last = blocks[blocks.length - 1];
    if (last !== undefined && last[last.length - 1].index + 1 === write.index) last.push(write);
    else blocks.push([write]);
  }
  return blocks;
}
