import { COLUMN_BY_KEY, DATE_KEYS, REQUIRED_COLUMNS, checkPlan, checkSummary, dateFromDay, idKey, mapColumns, parseDay, readPlan, slashDateOrder } from '../../shared/index.js';
import type { CellValue, ColumnKey, ColumnMap, DateOrder, Plan } from '../../shared/index.js';
import { parseA1 } from './a1.js';
import type { A1Area } from './a1.js';
import { textCell } from './cells.js';
import { findingsByRow, runCheck } from './check-action.js';
import { UserError } from './errors.js';
import { withDocumentLock } from './lock.js';
import { headerIndexOf, readHead } from './plan-sheet.js';
import { coverRows } from './row-runs.js';
import type { RowRun } from './row-runs.js';
import { mappingOf, openSession } from './session.js';
import type { Session } from './session.js';
import { TO_LAST, sheetValues } from './sheet-values.js';
import { isDate, normaliseDates } from './time-zone.js';

// The live check: onEdit re-checks the edited rows and their parents and rewrites only their Check
// cells, without reading the whole sheet. What the check of a row depends on, and how it is read:
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
/** Rows read in full for one live check at most (the edited rows, their family, their ancestors). */
export const MAX_CONTEXT_ROWS = 2_000;
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
  large: 'Not re-checked: this layout is checked whole, and the sheet is too long to do it while you type. Run Check plan.',
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
  // Only the rows above the edit: an edit of the header row, or above it, is not re-checked.
  const head = readHead(sheet, area.firstRow - 1);
  const session = openSession(event.source);
  if (!session.settings.liveCheck) return;
  const mapping = mappingOf(session, sheet);
  const headerIndex = headerIndexOf(head, mapping);
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
    markNotChecked(sheet, checkCol, area.firstRow, Number.isFinite(area.lastRow) ? area.lastRow : sheet.getLastRow(), NOT_CHECKED.paste);
    return;
  }
  try {
    withDocumentLock(() => checkEditedRows(sheet, area, headerRow, header, columns, checkCol, session, event.oldValue), LIVE_LOCK_WAIT_MS);
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
function checkWholeSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, area: A1Area, headerRow: number, checkCol: number, session: Session): void {
  const lastRow = sheet.getLastRow();
  const last = Number.isFinite(area.lastRow) ? area.lastRow : lastRow;
  if (lastRow - headerRow > MAX_WHOLE_SHEET_ROWS) {
    markNotChecked(sheet, checkCol, area.firstRow, Math.min(last, area.firstRow + MAX_LIVE_ROWS - 1), NOT_CHECKED.large);
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
function markNotChecked(sheet: GoogleAppsScript.Spreadsheet.Sheet, checkCol: number, first: number, last: number, text: string): void {
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
  const structure = readStructure(sheet, headerRow, columns, session);
  const edited: number[] = [];
  for (let row = area.firstRow; row <= area.lastRow; row++) edited.push(row);
  const family = liveFamily(structure.plan, edited, area, columns, oldValue);
  const writeBlocks = checkBlocks(family.recheck);
  const cells = readRows(sheet, [...family.context, ...rowsOf(writeBlocks)], header.length, session);
  settleWrittenDates(sheet, headerRow, columns, cells, session);
  const lastRow = Math.max(structure.lastRow, area.lastRow);
  const plan = readPlan(sparseTable(header, headerRow, lastRow, cells), { framework: structure.plan.framework.id });
  const byRow = findingsByRow(checkPlan(plan, { today: session.today }));
  const items = new Set(plan.items.map((item) => item.row));
  const summaries = new Map<number, string>();
  for (const row of family.recheck) summaries.set(row, items.has(row) ? checkSummary(byRow.get(row) ?? []) : '');
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
      const summary = sameCell(current, read) ? summaries.get(row) : undefined;
      values.push([textCell(summary ?? String(current ?? ''))]);
    }
    range.setValues(values);
  }
}

/** The same cell value read twice (dates by their time; blank as blank). */
function sameCell(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const blank = (v: CellValue | undefined) => v === '' || v === null || v === undefined;
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (isDate(a) && isDate(b)) return a.getTime() === b.getTime();
  return a === b;
}

function trimRight(cells: readonly CellValue[]): CellValue[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] === '' || cells[end - 1] === null)) end--;
  return cells.slice(0, end);
}

function onlyOwned(area: A1Area, columns: ColumnMap): boolean {
  if (!Number.isFinite(area.lastCol)) return false;
  const owned = new Set(OWNED.map((key) => columns[key]).filter((c) => c !== undefined).map((c) => (c as number) + 1));
  for (let col = area.firstCol; col <= area.lastCol; col++) if (!owned.has(col)) return false;
  return true;
}

interface Structure {
  /** The plan as its ID, Level and Parent columns describe it (rows keep their real numbers). */
  plan: Plan;
  /** The last row with an ID, Level or Parent. */
  lastRow: number;
}

/** The ID, Level and Parent columns of every row under the header, in as few ranges as they allow. */
function readStructure(sheet: GoogleAppsScript.Spreadsheet.Sheet, headerRow: number, columns: ColumnMap, session: Session): Structure {
  const keys: ColumnKey[] = ['id', 'level', 'parent'];
  const present = keys.filter((key) => columns[key] !== undefined);
  const cols = present.map((key) => columns[key] as number);
  const values = new Map<ColumnKey, CellValue[]>();
  // Columns MAX_COLUMN_GAP apart or closer share a range (coverRows joins numbers, rows or columns).
  for (const span of coverRows(cols, MAX_STRUCTURE_RANGES, MAX_COLUMN_GAP - 1)) {
    const first = span.first;
    const last = span.first + span.count - 1;
    // Every row below the header down to the last row with data, without asking how many there are.
    const grid = sheetValues(sheet, headerRow + 1, first + 1, TO_LAST, span.count);
    normaliseDates(grid, session.calendar);
    for (const key of present) {
      const col = columns[key] as number;
      if (col >= first && col <= last) values.set(key, grid.map((line) => line[col - first]));
    }
  }
  const rowCount = Math.max(0, ...[...values.values()].map((v) => v.length));
  let count = rowCount;
  const blank = (v: CellValue | undefined) => v === undefined || v === null || v === '';
  while (count > 0 && keys.every((key) => blank(values.get(key)?.[count - 1]))) count--;
  const rows: CellValue[][] = new Array(count);
  for (let r = 0; r < count; r++) {
    rows[r] = [values.get('id')?.[r] ?? null, values.get('level')?.[r] ?? null, values.get('parent')?.[r] ?? null, null];
  }
  const header = [COLUMN_BY_KEY.id.header, COLUMN_BY_KEY.level.header, COLUMN_BY_KEY.parent.header, COLUMN_BY_KEY.title.header];
  const framework = session.settings.framework ?? undefined;
  const plan = readPlan({ header, rows, headerRow }, framework === undefined ? {} : { framework });
  return { plan, lastRow: headerRow + count };
}

interface Family {
  /** Rows whose Check cell is rewritten. */
  recheck: number[];
  /** Rows read in full to check them. */
  context: number[];
}

/**
 * The rows a live check rewrites (edited rows, their parents and children, rows sharing their IDs,
 * and after a one-cell edit of an ID or Parent, the rows the old value pointed to) and the rows it
 * must read to check them (those, their ancestors, rows sharing their IDs, their descendants).
 */
export function liveFamily(structure: Plan, edited: readonly number[], area: A1Area, columns: ColumnMap, oldValue: unknown): Family {
  const { items, tree } = structure;
  const indexByRow = new Map(items.map((item, i) => [item.row, i]));
  const rowsById = new Map<string, number[]>();
  for (const item of items) {
    const key = idKey(item.id);
    if (key === '') continue;
    const list = rowsById.get(key);
    if (list === undefined) rowsById.set(key, [item.row]);
    else list.push(item.row);
  }
  const rowsWithKey = (key: string): readonly number[] => rowsById.get(key) ?? [];
  const recheck = new Set<number>(edited);
  const editedIndexes = edited.map((row) => indexByRow.get(row)).filter((i): i is number => i !== undefined);
  for (const i of editedIndexes) {
    if (tree.parent[i] >= 0) recheck.add(items[tree.parent[i]].row);
    for (const k of tree.children[i]) recheck.add(items[k].row);
  }
  const oneCell = area.firstRow === area.lastRow && area.firstCol === area.lastCol;
  if (oneCell && (typeof oldValue === 'string' || typeof oldValue === 'number')) {
    const oldKey = idKey(String(oldValue));
    const col = area.firstCol - 1;
    // The rows the old ID or old Parent named: their duplicates, children or child counts change.
    if (col === columns.id || col === columns.parent) for (const row of rowsWithKey(oldKey)) recheck.add(row);
    if (col === columns.id) for (const item of items) if (idKey(item.parentId) === oldKey && oldKey !== '') recheck.add(item.row);
  }
  for (const i of [...recheck].map((row) => indexByRow.get(row)).filter((i): i is number => i !== undefined)) {
    for (const row of rowsWithKey(idKey(items[i].id))) recheck.add(row);
  }

  const context = new Set<number>(recheck);
  const queue: number[] = [];
  for (const row of recheck) {
    const i = indexByRow.get(row);
    if (i === undefined) continue;
    for (const a of rawAncestors(structure, i)) context.add(items[a].row);
    queue.push(i);
  }
  // Descendants, breadth first, for the roll-ups of the rows re-checked; capped.
  for (let head = 0; head < queue.length && context.size < MAX_CONTEXT_ROWS; head++) {
    for (const k of tree.children[queue[head]]) {
      if (context.size >= MAX_CONTEXT_ROWS) break;
      if (!context.has(items[k].row)) queue.push(k);
      context.add(items[k].row);
    }
  }
  return { recheck: [...recheck].sort((a, b) => a - b), context: [...context] };
}

/** Ancestors by following Parent IDs (cycle members included; ends at a row seen before). */
function rawAncestors(plan: Plan, index: number): number[] {
  const out: number[] = [];
  const seen = new Set<number>([index]);
  let current = index;
  for (;;) {
    const parent = plan.tree.byId.get(idKey(plan.items[current].parentId));
    if (parent === undefined || seen.has(parent)) return out;
    seen.add(parent);
    out.push(parent);
    current = parent;
  }
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
function readRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: readonly number[], width: number, session: Session): Map<number, CellValue[]> {
  const out = new Map<number, CellValue[]>();
  for (const block of coverRows(rows, MAX_READ_BLOCKS, READ_JOIN_GAP)) {
    const grid = sheetValues(sheet, block.first, 1, block.count, width);
    normaliseDates(grid, session.calendar);
    grid.forEach((cells, r) => out.set(block.first + r, cells));
  }
  return out;
}

/**
 * A written date that reads two ways (06/07/2026) is read in the order of the whole plan's dates
 * (readPlan decides it from every date cell), not of the few rows read here, so a live check
 * agrees with the full check. Only when the rows read hold such a date are the date columns read
 * whole (one call, two when they lie far apart); those dates are then handed to readPlan as
 * dates, read in the plan's order.
 */
function settleWrittenDates(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  headerRow: number,
  columns: ColumnMap,
  cells: Map<number, CellValue[]>,
  session: Session,
): void {
  const dateCols = DATE_KEYS.map((key) => columns[key]).filter((c): c is number => c !== undefined);
  const ambiguous: { line: CellValue[]; col: number }[] = [];
  for (const line of cells.values()) for (const col of dateCols) if (slashDateOrder(line[col] ?? null) === 'either') ambiguous.push({ line, col });
  if (ambiguous.length === 0) return;
  const order = planDateOrder(sheet, headerRow, columns, session);
  for (const { line, col } of ambiguous) {
    const read = parseDay(line[col], order);
    if (read.state === 'ok') line[col] = dateFromDay(read.value);
  }
}

/** The order the full check reads the plan's written dates in, from the date columns of every row. */
function planDateOrder(sheet: GoogleAppsScript.Spreadsheet.Sheet, headerRow: number, columns: ColumnMap, session: Session): DateOrder {
  const keys = DATE_KEYS.filter((key) => columns[key] !== undefined);
  // A table of the plan's required columns, left blank, and its date columns: readPlan weighs the
  // dates as the full check does.
  const header = [...REQUIRED_COLUMNS, ...keys].map((key) => COLUMN_BY_KEY[key].header);
  const rows: CellValue[][] = [];
  for (const span of coverRows(keys.map((key) => columns[key] as number), MAX_STRUCTURE_RANGES, MAX_COLUMN_GAP - 1)) {
    const grid = sheetValues(sheet, headerRow + 1, span.first + 1, TO_LAST, span.count);
    normaliseDates(grid, session.calendar);
    keys.forEach((key, k) => {
      const col = columns[key] as number;
      if (col < span.first || col >= span.first + span.count) return;
      grid.forEach((line, r) => ((rows[r] ??= new Array<CellValue>(header.length).fill(null))[REQUIRED_COLUMNS.length + k] = line[col - span.first]));
    });
  }
  return readPlan({ header, rows, headerRow }).dates?.order ?? 'month first';
}

const NO_CELLS: CellValue[] = [];

/** The plan's table with only the rows read filled in; the rest are blank, so rows keep their numbers. */
function sparseTable(header: CellValue[], headerRow: number, lastRow: number, cells: Map<number, CellValue[]>) {
  const last = Math.max(lastRow, ...cells.keys());
  const rows: CellValue[][] = new Array(Math.max(0, last - headerRow));
  for (let r = 0; r < rows.length; r++) rows[r] = cells.get(headerRow + 1 + r) ?? NO_CELLS;
  return { header, rows, headerRow };
}
