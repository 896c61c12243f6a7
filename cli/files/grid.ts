import { PlanFormatError, findPlanHeaderRow, type CellValue, type RawTable } from '../../shared/index.js';

/** A sheet's cells: `rows[n - 1]` is spreadsheet row n (missing or short rows are blank). */
export type Grid = CellValue[][];

/** An empty cell, or one holding only spaces. */
export function isBlankCell(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every(isBlankCell);
}

/** 0-based index of the header row (the core's findPlanHeaderRow: the same rule as the add-on's), or -1. */
export function findHeaderRow(grid: Grid): number {
  return findPlanHeaderRow(grid);
}

/** 0-based index of the first non-empty row, or -1 for an empty sheet. */
export function firstNonEmptyRow(grid: Grid): number {
  for (let i = 0; i < grid.length; i++) if (!isBlankRow(grid[i])) return i;
  return -1;
}

/**
 * The plan table of a grid: the header row and every row under it (blank rows kept, so that
 * row numbers stay the spreadsheet's). Throws the core's PlanFormatError for an empty grid; when
 * no row reads as a header, the first non-empty row is taken, and readPlan says what it lacks
 * (or reads it with the person's --columns).
 */
export function tableFromGrid(grid: Grid): RawTable {
  let headerIndex = findHeaderRow(grid);
  if (headerIndex < 0) {
    headerIndex = firstNonEmptyRow(grid);
    if (headerIndex < 0) {
      throw new PlanFormatError('it is empty. A plan needs a header row (ID, Level, Title) and one row per item.');
    }
  }
  const rows: CellValue[][] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) rows.push(grid[i] ?? []);
  return { header: grid[headerIndex], rows, headerRow: headerIndex + 1 };
}
