import {
  COLUMN_BY_KEY,
  HEADER_READ_ROWS,
  HEADER_SCAN_ROWS,
  REQUIRED_COLUMNS,
  claimOwnedCells,
  findPlanHeaderRow,
  formulaCellOwner,
  mapColumns,
} from '../../shared/index.js';
import type { CellOwner, CellValue, ColumnMapping, RawTable } from '../../shared/index.js';
import { UserError } from './errors.js';
import { TO_LAST, sheetValues } from './sheet-values.js';
import { normaliseDates } from './time-zone.js';
import type { ZoneCalendar } from './time-zone.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The header may sit below a title or notes: it is looked for in the first rows (the core's rule). */
export { HEADER_SCAN_ROWS };

/** A plan sheet read in one call, from A1 to its last row and column with data. */
export interface PlanSheet {
  sheet: Sheet;
  name: string;
  /** The data range's cells, dates as UTC-midnight days; values[0] is row 1. */
  values: CellValue[][];
  /** Spreadsheet row number of the header. */
  headerRow: number;
  /** Columns in the data range. */
  width: number;
  /** The table handed to the core (rows under the header), Cascade's own Progress cells blanked. */
  table: RawTable;
  /** The Progress column as read, when the plan has one (see claimProgress). */
  progress: ProgressCells | null;
}

/** The Progress column's cells under the header: whose each is, and their formulas ('' for none). */
export interface ProgressCells {
  /** 0-based column. */
  index: number;
  /** Owner by spreadsheet row; rows absent are blank. */
  owners: Map<number, CellOwner>;
  /** One per row under the header, from the first. */
  formulas: string[];
  /** The range the formulas were read from (Progress, and Pace when it is next to it), for the write. */
  block: OwnedBlock | null;
}

/** A range over owned columns side by side, every row under the header: read once, written once. */
export interface OwnedBlock {
  /** 0-based first column. */
  first: number;
  width: number;
  rows: number;
  range: GoogleAppsScript.Spreadsheet.Range;
}

/**
 * The first rows of a sheet, where its header is looked for, in one call: HEADER_READ_ROWS rows (the
 * rows the core decides the header from, so that the answer is a whole read's), or `rows` when
 * fewer are wanted (or exist), every column up to the last one with data.
 */
export function readHead(sheet: Sheet, rows: number): CellValue[][] {
  const count = Math.min(HEADER_READ_ROWS, rows);
  return count < 1 ? [] : sheetValues(sheet, 1, 1, count, TO_LAST);
}

export function notAPlanMessage(name: string): string {
  const headers = REQUIRED_COLUMNS.map((key) => COLUMN_BY_KEY[key].header).join(', ');
  return (
    `The sheet "${name}" is not a plan: none of its first ${HEADER_SCAN_ROWS} rows has the headers ${headers}. ` +
    'Choose "Use this sheet" to say which of its columns is which, open the sheet that holds your plan, or insert a template to start one.'
  );
}

/** A sheet and its name (asked once: a request names it, or it is the active sheet). */
export interface NamedSheet {
  sheet: Sheet;
  name: string;
}

/** The sheet a request names, else the active sheet. */
export function pickSheet(spreadsheet: Spreadsheet, name: string | null): NamedSheet {
  if (name === null) {
    const active = spreadsheet.getActiveSheet();
    return { sheet: active, name: active.getName() };
  }
  const sheet = spreadsheet.getSheetByName(name);
  if (sheet === null)
    throw new UserError('no-sheet', `There is no sheet named "${name}" any more. Open your plan and try again.`);
  return { sheet, name };
}

/** Reads a plan sheet in one call; a UserError when the sheet is not a plan (with its mapping, if any). */
export function readPlanSheet({ sheet, name }: NamedSheet, calendar: ZoneCalendar, mapping?: ColumnMapping): PlanSheet {
  const values = sheetValues(sheet, 1, 1, TO_LAST, TO_LAST);
  const headerIndex = findPlanHeaderRow(values, mapping);
  if (headerIndex < 0) throw new UserError('not-a-plan', notAPlanMessage(name));
  normaliseDates(values, calendar);
  const width = values[0]?.length ?? 0;
  const table: RawTable = {
    header: values[headerIndex],
    rows: values.slice(headerIndex + 1),
    headerRow: headerIndex + 1,
  };
  return { sheet, name, values, headerRow: headerIndex + 1, width, table, progress: claimProgress(sheet, table) };
}

/**
 * Tells Cascade's Progress cells from people's (shared/owned-cells.ts): its live formula and the
 * values it writes as constant formulas (=0.5) are its own and are blanked in the table; what a
 * person typed stays, and the core reads it as the row's manual progress. One getFormulas() for
 * the column, whatever the number of rows; with Pace right next to it, over both, so that Update
 * progress writes them through the same range (one getRange fewer).
 */
function claimProgress(sheet: Sheet, table: RawTable): ProgressCells | null {
  const columns = mapColumns(table.header);
  const index = columns.progress;
  if (index === undefined) return null;
  const headerRow = table.headerRow ?? 1;
  const rows = table.rows.length;
  const pace = columns.pace;
  const first = pace === index - 1 ? pace : index;
  const width = pace === index - 1 || pace === index + 1 ? 2 : 1;
  const block = rows > 0 ? { first, width, rows, range: sheet.getRange(headerRow + 1, first + 1, rows, width) } : null;
  const formulas = block !== null ? block.range.getFormulas().map((row) => row[index - first] ?? '') : [];
  const owned = claimOwnedCells(
    table,
    columns,
    (key, row, _col, value) =>
      formulaCellOwner(value, formulas[row - headerRow - 1] || undefined, { key, columns, row, marked: true }),
    ['progress'],
  );
  return { index, owners: owned.progress?.owners ?? new Map<number, CellOwner>(), formulas, block };
}

/** Spreadsheet row number of the first row under the header, and how many rows follow it. */
export function dataRows(planSheet: PlanSheet): { first: number; count: number } {
  return { first: planSheet.headerRow + 1, count: planSheet.table.rows.length };
}
