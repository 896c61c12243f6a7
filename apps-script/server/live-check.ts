import {
  dateColumns,
  findPlanHeaderRow,
  hasAmbiguousDate,
  liveFamily,
  liveSummaries,
  mapColumns,
  planDateOrder,
  planStructure,
  settleDates,
  STRUCTURE_KEYS,
} from '../../shared/index.js';
import type { CellValue, ColumnCells, ColumnKey, ColumnMap } from '../../shared/index.js';
import { parseA1 } from './a1.js';
import type { A1Area } from './a1.js';
import { stillAsRead } from './as-read.js';
import { textCell } from './cells.js';
import { runCheck } from './check-action.js';
import { UserError } from './errors.js';
import { withDocumentLock } from './lock.js';
import { readHead } from './plan-sheet.js';
import { coverRows } from './row-runs.js';
import type { RowRun } from './row-runs.js';
import { mappingOf, openSession } from './session.js';
import type { Session } from './session.js';
import { TO_LAST, sheetValues } from './sheet-values.js';
import { normaliseDates } from './time-zone.js';

// The live check: onEdit re-checks the edited rows and their parents and rewrites only their Check
// cells, without reading the whole sheet. Which rows that takes, and how the rows read are checked,
// is shared/live-check.ts's business; this file reads and writes the cells. In short:
//   - duplicate IDs, missing parents, cycles, children counts and the framework depend on the whole
//     plan, but only on its ID, Level and Parent columns: those are read whole (one narrow range);
//   - everything else depends on the row itself, its ancestors (inherited dates, the parent's level
//     and due date), rows sharing its ID and its children: those rows are read in full, in at most
//     MAX_READ_BLOCKS ranges;
//   - a roll-up's progress (for the overdue warning of a parent) depends on its whole subtree: the
//     descendants are read up to MAX_CONTEXT_ROWS rows, beyond which the roll-up counts only the
//     rows read (the next full Check corrects it). Rows below the children of an edited row keep
//     their Check cell until the next full Check too.
// So a one-cell edit costs a constant number of calls and reads the three structure columns plus a
// few hundred rows at most, whatever the size of the plan. Every read is one call
// (Sheet.getSheetValues): the header rows above the edit, the structure columns (one range, two
// when they lie far apart), the rows in full (MAX_READ_BLOCKS ranges at most, usually one).

/**
 * Edits spanning more rows (a large paste) are not checked inside the simple trigger's 30 s: their
 * Check cells say so and ask for Check plan.
 */
export const MAX_LIVE_ROWS = 500;
const MAX_READ_BLOCKS = 3;
/** The structure columns are read in this many ranges at most. */
const MAX_STRUCTURE_RANGES = 2;
/** Rows this close to each other are read in one range rather than two. */
const READ_JOIN_GAP = 64;
const MAX_WRITE_BLOCKS = 2;
/** Check cells this close are rewritten as one block (the cells between get back what they held). */
const MAX_WRITE_SPAN = 400;
/** Structure columns this far apart or closer are read as one range. */
const MAX_COLUMN_GAP = 4;
/** A simple trigger has 30 s: wait for another write a little, then mark the rows and leave them to Check plan. */
const LIVE_LOCK_WAIT_MS = 5_000;
const OWNED: readonly ColumnKey[] = ['progress', 'pace', 'check'];

/** What the Check cell of an edited row says when the live check could not re-check it. */
export const NOT_CHECKED = {
  busy: 'Not re-checked: Cascade was busy. Run Check plan.',
  paste: `Not checked: more than ${MAX_LIVE_ROWS} rows changed at once. Run Check plan.`,
  large:
    'Not re-checked: this layout is checked whole, and the sheet is too long to do it while you type. Run Check plan.',
} as const;

/** A sheet in another layout is re-checked whole as people type up to this many rows. */
export const MAX_WHOLE_SHEET_ROWS = 2_000;

export function onEdit(event?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!event || !event.range) return;
  // AuthMode.NONE: the add-on is installed but not turned on in this document, and a trigger in
  // that mode may not open the spreadsheet. Only LIMITED (and FULL) may read and write it.
  if (String(event.authMode) === 'NONE') return;
  try {
    liveCheck(event);
  } catch (error) {
    // A simple trigger has no one to show an error to; the sidebar's Check reports problems.
    console.warn(`Cascade live check skipped: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function liveCheck(event: GoogleAppsScript.Events.SheetsOnEdit): void {
  const sheet = event.range.getSheet();
  const area = parseA1(event.range.getA1Notation());
  if (area === null) return;
  // The top of the sheet down to the edit (no further: the rows below may not exist), where the
  // header is found as Check finds it; an edit of the header row, or above it, is not re-checked.
  const head = readHead(sheet, Number.isFinite(area.lastRow) ? area.lastRow : area.firstRow);
  const session = openSession(event.source, true);
  if (!session.settings.liveCheck) return;
  const mapping = mappingOf(session, sheet);
  const headerIndex = findPlanHeaderRow(head, mapping);
  if (headerIndex < 0) return;
  const headerRow = headerIndex + 1;
  const header = trimRight(head[headerIndex]);
  const columns = mapColumns(header);
  const checkCol = columns.check;
  // A header edit changes the layout (the next full Check reads it); a sheet without a Check column
  // has nowhere to write; edits of the owned columns change nothing the check reads.
  if (checkCol === undefined || area.firstRow <= headerRow || onlyOwned(area, columns)) return;
  if (mapping !== undefined || columns.id === undefined || columns.level === undefined || columns.title === undefined) {
    checkWholeSheet(sheet, area, headerRow, checkCol, session);
    return;
  }
  if (!Number.isFinite(area.lastRow) || area.lastRow - area.firstRow + 1 > MAX_LIVE_ROWS) {
    markNotChecked(
      sheet,
      checkCol,
      area.firstRow,
      Number.isFinite(area.lastRow) ? area.lastRow : sheet.getLastRow(),
      NOT_CHECKED.paste,
    );
    return;
  }
  try {
    withDocumentLock(
      () => checkEditedRows(sheet, area, headerRow, header, columns, checkCol, session, event.oldValue),
      LIVE_LOCK_WAIT_MS,
    );
  } catch (error) {
    if (!(error instanceof UserError && error.code === 'busy')) throw error;
    // Someone else kept the lock past the wait: say so on the edited rows rather than leave a stale Check.
    markNotChecked(sheet, checkCol, area.firstRow, area.lastRow, NOT_CHECKED.busy);
  }
}

/**
 * A sheet read through a mapping or another layout (side-by-side Objective and Key Result columns,
 * outline numbers): which rows a row's check depends on is the whole layout's business, so the
 * whole sheet is checked, as Check plan does, when it is small enough for the trigger's 30 s.
 */
function checkWholeSheet(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  area: A1Area,
  headerRow: number,
  checkCol: number,
  session: Session,
): void {
  const lastRow = sheet.getLastRow();
  const last = Number.isFinite(area.lastRow) ? area.lastRow : lastRow;
  if (lastRow - headerRow > MAX_WHOLE_SHEET_ROWS) {
    markNotChecked(
      sheet,
      checkCol,
      area.firstRow,
      Math.min(last, area.firstRow + MAX_LIVE_ROWS - 1),
      NOT_CHECKED.large,
    );
    return;
  }
  try {
    runCheck({ sheet: sheet.getName() }, LIVE_LOCK_WAIT_MS, session);
  } catch (error) {
    if (!(error instanceof UserError && error.code === 'busy')) throw error;
    markNotChecked(sheet, checkCol, area.firstRow, Math.min(last, area.firstRow + MAX_LIVE_ROWS - 1), NOT_CHECKED.busy);
  }
}

/** The Check cells of rows first..last say why they were not re-checked (one write). */
function markNotChecked(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  checkCol: number,
  first: number,
  last: number,
  text: string,
): void {
  if (last < first) return;
  const values: CellValue[][] = new Array(last - first + 1).fill([text]);
  sheet.getRange(first, checkCol + 1, values.length, 1).setValues(values);
}

function checkEditedRows(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  area: A1Area,
  headerRow: number,
  header: CellValue[],
  columns: ColumnMap,
  checkCol: number,
  session: Session,
  oldValue: unknown,
): void {
  const structure = planStructure(
    readColumns(sheet, headerRow, columns, STRUCTURE_KEYS, session),
    headerRow,
    session.settings.framework,
  );
  const rows: number[] = [];
  for (let row = area.firstRow; row <= area.lastRow; row++) rows.push(row);
  const oneCell =
    area.firstRow === area.lastRow && area.firstCol === area.lastCol ? { col: area.firstCol - 1, oldValue } : undefined;
  const family = liveFamily(structure.plan, { rows, oneCell }, columns);
  const writeBlocks = checkBlocks(family.recheck);
  const cells = readRows(sheet, [...family.context, ...rowsOf(writeBlocks)], header.length, session);
  if (hasAmbiguousDate(cells.values(), columns)) {
    // Only then are the date columns read whole (one call, two when they lie far apart).
    const order = planDateOrder(readColumns(sheet, headerRow, columns, dateColumns(columns), session), headerRow);
    settleDates(cells.values(), columns, order);
  }
  const summaries = liveSummaries({
    header,
    headerRow,
    lastRow: Math.max(structure.lastRow, area.lastRow),
    cells,
    framework: structure.plan.framework.id,
    today: session.today,
    recheck: family.recheck,
  });
  for (const block of writeBlocks) {
    const range = sheet.getRange(block.first, checkCol + 1, block.count, 1);
    // Re-read just before writing: a Check cell someone changed since it was read keeps their value
    // (the lock keeps out scripts, not people).
    const now = range.getValues() as CellValue[][];
    const values: CellValue[][] = [];
    for (let r = 0; r < block.count; r++) {
      const row = block.first + r;
      const read = cells.get(row)?.[checkCol] ?? '';
      const current = now[r][0];
      const summary = stillAsRead(current, read, session.calendar) ? summaries.get(row) : undefined;
      values.push([textCell(summary ?? String(current ?? ''))]);
    }
    range.setValues(values);
  }
}

function trimRight(cells: readonly CellValue[]): CellValue[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] === '' || cells[end - 1] === null)) end--;
  return cells.slice(0, end);
}

function onlyOwned(area: A1Area, columns: ColumnMap): boolean {
  if (!Number.isFinite(area.lastCol)) return false;
  const owned = new Set(
    OWNED.map((key) => columns[key])
      .filter((c) => c !== undefined)
      .map((c) => (c as number) + 1),
  );
  for (let col = area.firstCol; col <= area.lastCol; col++) if (!owned.has(col)) return false;
  return true;
}

/**
 * Whole columns of every row under the header, down to the last row with data, in as few ranges as
 * they allow: columns MAX_COLUMN_GAP apart or closer share a range (coverRows joins numbers, rows
 * or columns), MAX_STRUCTURE_RANGES at most.
 */
function readColumns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  headerRow: number,
  columns: ColumnMap,
  keys: readonly ColumnKey[],
  session: Session,
): ColumnCells {
  const present = keys.filter((key) => columns[key] !== undefined);
  const out: ColumnCells = {};
  for (const span of coverRows(
    present.map((key) => columns[key] as number),
    MAX_STRUCTURE_RANGES,
    MAX_COLUMN_GAP - 1,
  )) {
    const grid = sheetValues(sheet, headerRow + 1, span.first + 1, TO_LAST, span.count);
    normaliseDates(grid, session.calendar);
    for (const key of present) {
      const col = columns[key] as number;
      if (col >= span.first && col < span.first + span.count) out[key] = grid.map((line) => line[col - span.first]);
    }
  }
  return out;
}

/** The Check cells to rewrite, as one block when they are close together, else two. */
function checkBlocks(rows: readonly number[]): RowRun[] {
  const one = coverRows(rows, 1);
  return one.length === 1 && one[0].count <= MAX_WRITE_SPAN ? one : coverRows(rows, MAX_WRITE_BLOCKS);
}

function rowsOf(blocks: readonly RowRun[]): number[] {
  const rows: number[] = [];
  for (const block of blocks) for (let r = 0; r < block.count; r++) rows.push(block.first + r);
  return rows;
}

/** Full rows, read in at most MAX_READ_BLOCKS ranges: row number → cells. */
function readRows(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  rows: readonly number[],
  width: number,
  session: Session,
): Map<number, CellValue[]> {
  const out = new Map<number, CellValue[]>();
  for (const block of coverRows(rows, MAX_READ_BLOCKS, READ_JOIN_GAP)) {
    const grid = sheetValues(sheet, block.first, 1, block.count, width);
    normaliseDates(grid, session.calendar);
    grid.forEach((cells, r) => out.set(block.first + r, cells));
  }
  return out;
}
