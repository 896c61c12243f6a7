import { PlanFormatError, isPlanHeader, requireColumns, type CellValue, type RawTable } from '../../shared/index.js';

/** A sheet's cells: `rows[n - 1]` is spreadsheet row n (missing or short rows are blank). */
export type Grid = CellValue[][];

/** How many non-empty rows at the top may sit above the header (a title, a note). */
const HEADER_SEARCH_ROWS = 10;

/** An empty cell, or one holding only spaces. */
export function isBlankCell(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every(isBlankCell);
}

/** 0-based index of the header row: the first non-empty row with ID, Level and Title, or -1. */
export function findHeaderRow(grid: Grid): number {
  let seen = 0;
  for (let i = 0; i < grid.length && seen < HEADER_SEARCH_ROWS; i++) {
    if (isBlankRow(grid[i])) continue;
    seen++;
    if (isPlanHeader(grid[i])) return i;
  }
  return -1;
}

/** 0-based index of the first non-empty row, or -1 for an empty sheet. */
export function firstNonEmptyRow(grid: Grid): number {
  for (let i = 0; i < grid.length; i++) if (!isBlankRow(grid[i])) return i;
  return -1;
}

/**
 * The plan table of a grid: the header row and every row under it (blank rows kept, so that
 * row numbers stay the spreadsheet's). Throws the core's PlanFormatError when no row is a header.
 */
export function tableFromGrid(grid: Grid): RawTable {
  const headerIndex = findHeaderRow(grid);
  if (headerIndex < 0) {
    const first = firstNonEmptyRow(grid);
    if (first < 0) {
      throw new PlanFormatError('it is empty. A plan needs a header row (ID, Level, Title) and one row per item.');
    }
    requireColumns(grid[first] ?? [], first + 1); // throws, naming the missing headers
  }
  const rows: CellValue[][] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) rows.push(grid[i] ?? []);
  return { header: grid[headerIndex], rows, headerRow: headerIndex + 1 };
}
