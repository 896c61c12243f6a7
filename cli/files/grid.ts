import {
  PlanFormatError,
  cellText,
  findPlanHeaderRow,
  headerCandidateRow,
  isBlankCell,
  planRowColumns,
  type CellValue,
  type RawTable,
} from '../../shared/index.js';

/** A sheet's cells: `rows[n - 1]` is spreadsheet row n (missing or short rows are blank). */
export type Grid = CellValue[][];

export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every(isBlankCell);
}

/** Where a plan ends, when rows below it are not part of it. */
export interface PlanEnd {
  /** Spreadsheet row of the plan's last row. */
  lastRow: number;
  /** The first row below the plan that holds something, and its first text (a total, a note). */
  next: { row: number; text: string };
}

/**
 * The plan table of a grid: the header row and the rows under it down to the plan's end (blank
 * rows inside the plan kept, so that row numbers stay the spreadsheet's). The plan ends at a blank
 * row when the next row holding anything has no ID, Level, Parent or level column filled (an
 * Objective column beside a Key Result one): a total, a note, a second table. Throws the core's PlanFormatError for an empty grid; when no row reads as a header, the
 * core's candidate row is taken (headerCandidateRow), and readPlan says what it lacks (or reads it
 * with --columns).
 */
export function tableFromGrid(grid: Grid): RawTable & { end: PlanEnd | null } {
  let headerIndex = findPlanHeaderRow(grid); // the core's rule, as the add-on's
  if (headerIndex < 0) {
    headerIndex = headerCandidateRow(grid);
    if (headerIndex < 0) {
      throw new PlanFormatError('it is empty. A plan needs a header row (ID, Level, Title) and one row per item.');
    }
  }
  const header = grid[headerIndex];
  const end = planEnd(grid, headerIndex, header);
  const stop = end ? end.lastRow : grid.length;
  const rows: CellValue[][] = [];
  for (let i = headerIndex + 1; i < stop; i++) rows.push(grid[i] ?? []);
  return { header, rows, headerRow: headerIndex + 1, end };
}

/**
 * The columns are detected here on the rows under the header, the rows past the end included, and
 * again by readPlan on the plan's own rows: the end has to be known before the plan's rows are, and
 * a total or a second table below the plan must not sway how the plan's columns are read.
 */
function planEnd(grid: Grid, headerIndex: number, header: CellValue[]): PlanEnd | null {
  const keys = planRowColumns(header, grid.slice(headerIndex + 1, headerIndex + 501));
  const planLike = (row: CellValue[]) => keys.some((c) => !isBlankCell(row[c]));
  let blankAt = -1;
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const row = grid[i];
    if (isBlankRow(row)) {
      if (blankAt < 0) blankAt = i;
      continue;
    }
    if (blankAt >= 0 && !planLike(row)) {
      const text = cellText(row.find((cell) => !isBlankCell(cell)) ?? null);
      return { lastRow: blankAt, next: { row: i + 1, text } };
    }
    blankAt = -1;
  }
  return null;
}
