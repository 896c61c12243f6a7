// The live check's domain: which rows a check of an edited row depends on, and how a few columns or
// a few rows of a plan are read as the full check would read the whole plan. The adapter reads and
// writes cells; everything it decides about the plan comes from here.
import { checkPlan } from './check.js';
import { COLUMN_BY_KEY, REQUIRED_COLUMNS } from './columns.js';
import { DATE_KEYS } from './date-order.js';
import { dateFromDay, parseDay, slashDateOrder } from './dates.js';
import { idKey } from './tree.js';
import { readPlan } from './plan.js';
import { checkSummaries } from './summary.js';
import type { CellValue, ColumnKey, ColumnMap, DateOrder, Day, FrameworkId, Plan, RawTable } from './types.js';

/** Rows read in full for one live check at most (the edited rows, their family, their ancestors). */
export const MAX_CONTEXT_ROWS = 2_000;

/** The columns that describe a plan's structure: duplicates, parents, cycles, children, framework. */
export const STRUCTURE_KEYS: readonly ColumnKey[] = ['id', 'level', 'parent'];

/** Cells of one column, row by row from the row under the header. */
export type ColumnCells = Partial<Record<ColumnKey, readonly CellValue[]>>;

export interface Structure {
  /** The plan as its ID, Level and Parent columns describe it (rows keep their real numbers). */
  plan: Plan;
  /** The last row with an ID, Level or Parent. */
  lastRow: number;
}

const blank = (v: CellValue | undefined) => v === undefined || v === null || v === '';

/** The plan as its ID, Level and Parent columns alone describe it (`cells` holds those columns). */
export function planStructure(cells: ColumnCells, headerRow: number, framework?: FrameworkId | null): Structure {
  let count = Math.max(0, ...STRUCTURE_KEYS.map((key) => cells[key]?.length ?? 0));
  while (count > 0 && STRUCTURE_KEYS.every((key) => blank(cells[key]?.[count - 1]))) count--;
  const rows: CellValue[][] = new Array(count);
  for (let r = 0; r < count; r++)
    rows[r] = [cells.id?.[r] ?? null, cells.level?.[r] ?? null, cells.parent?.[r] ?? null, null];
  const header = (['id', 'level', 'parent', 'title'] as const).map((key) => COLUMN_BY_KEY[key].header);
  const plan = readPlan({ header, rows, headerRow }, framework == null ? {} : { framework });
  return { plan, lastRow: headerRow + count };
}

/** What was edited: the rows, and for a one-cell edit its column (0-based) and what it held before. */
export interface LiveEdit {
  rows: readonly number[];
  oneCell?: { col: number; oldValue: unknown };
}

export interface Family {
  /** Rows whose Check cell is rewritten, in sheet order. */
  recheck: number[];
  /** Rows read in full to check them. */
  context: number[];
}

/**
 * The rows a live check rewrites (edited rows, their parents and children, rows sharing their IDs,
 * and after a one-cell edit of an ID or Parent, the rows the old value pointed to) and the rows it
 * must read to check them (those, their ancestors, rows sharing their IDs, their descendants up to
 * MAX_CONTEXT_ROWS rows in all).
 */
export function liveFamily(structure: Plan, edit: LiveEdit, columns: ColumnMap): Family {
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
  const recheck = new Set<number>(edit.rows);
  const editedIndexes = edit.rows.map((row) => indexByRow.get(row)).filter((i): i is number => i !== undefined);
  for (const i of editedIndexes) {
    if (tree.parent[i] >= 0) recheck.add(items[tree.parent[i]].row);
    for (const k of tree.children[i]) recheck.add(items[k].row);
  }
  const oldValue = edit.oneCell?.oldValue;
  if (edit.oneCell !== undefined && (typeof oldValue === 'string' || typeof oldValue === 'number')) {
    const oldKey = idKey(String(oldValue));
    const { col } = edit.oneCell;
    // The rows the old ID or old Parent named: their duplicates, children or child counts change.
    if (col === columns.id || col === columns.parent) for (const row of rowsWithKey(oldKey)) recheck.add(row);
    if (col === columns.id)
      for (const item of items) if (idKey(item.parentId) === oldKey && oldKey !== '') recheck.add(item.row);
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

/** The date columns of the plan, left to right as the map names them. */
export function dateColumns(columns: ColumnMap): ColumnKey[] {
  return DATE_KEYS.filter((key) => columns[key] !== undefined);
}

/** Whether any of these rows holds a written date that reads two ways (06/07/2026). */
export function hasAmbiguousDate(rows: Iterable<readonly CellValue[]>, columns: ColumnMap): boolean {
  const cols = dateColumns(columns).map((key) => columns[key] as number);
  for (const line of rows) for (const col of cols) if (slashDateOrder(line[col] ?? null) === 'either') return true;
  return false;
}

/** The order the full check reads the plan's written dates in, from the date columns of every row. */
export function planDateOrder(cells: ColumnCells, headerRow: number): DateOrder {
  const keys = DATE_KEYS.filter((key) => cells[key] !== undefined);
  // A table of the plan's required columns, left blank, and its date columns: readPlan weighs the
  // dates as the full check does.
  const header = [...REQUIRED_COLUMNS, ...keys].map((key) => COLUMN_BY_KEY[key].header);
  const count = Math.max(0, ...keys.map((key) => cells[key]?.length ?? 0));
  const rows: CellValue[][] = new Array(count);
  for (let r = 0; r < count; r++)
    rows[r] = [...REQUIRED_COLUMNS.map(() => null), ...keys.map((key) => cells[key]?.[r] ?? null)];
  return readPlan({ header, rows, headerRow }).dates?.order ?? 'month first';
}

/**
 * Written dates that read two ways are settled in the whole plan's order (readPlan decides it from
 * every date cell), not the few rows read, so a live check agrees with the full check: such cells
 * become dates. Changes `rows` in place.
 */
export function settleDates(rows: Iterable<CellValue[]>, columns: ColumnMap, order: DateOrder): void {
  const cols = dateColumns(columns).map((key) => columns[key] as number);
  for (const line of rows) {
    for (const col of cols) {
      if (slashDateOrder(line[col] ?? null) !== 'either') continue;
      const read = parseDay(line[col], order);
      if (read.state === 'ok') line[col] = dateFromDay(read.value);
    }
  }
}

const NO_CELLS: CellValue[] = [];

/** The plan's table with only the rows read filled in; the rest are blank, so rows keep their numbers. */
export function sparseTable(
  header: CellValue[],
  headerRow: number,
  lastRow: number,
  cells: ReadonlyMap<number, CellValue[]>,
): RawTable {
  const last = Math.max(lastRow, ...cells.keys());
  const rows: CellValue[][] = new Array(Math.max(0, last - headerRow));
  for (let r = 0; r < rows.length; r++) rows[r] = cells.get(headerRow + 1 + r) ?? NO_CELLS;
  return { header, rows, headerRow };
}

export interface LiveCheckInput {
  header: CellValue[];
  headerRow: number;
  /** The last row of the plan (the structure's, or the edit's when it reaches further). */
  lastRow: number;
  /** Row number → cells, for the rows read (the family's context and the rows rewritten). */
  cells: ReadonlyMap<number, CellValue[]>;
  framework: FrameworkId;
  today: Day;
  recheck: readonly number[];
}

/** The Check cell of each row re-checked, from the rows read (blank on a row that is not an item). */
export function liveSummaries(input: LiveCheckInput): Map<number, string> {
  const plan = readPlan(sparseTable(input.header, input.headerRow, input.lastRow, input.cells), {
    framework: input.framework,
  });
  const texts = checkSummaries(plan, checkPlan(plan, { today: input.today }));
  const byRow = new Map(plan.items.map((item, i) => [item.row, texts[i]]));
  return new Map(input.recheck.map((row) => [row, byRow.get(row) ?? '']));
}
