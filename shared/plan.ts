import { parseCadence } from './cadence.js';
import { COLUMNS } from './columns.js';
import { countFromText } from './counts.js';
import { DATE_KEYS, DateOrderEvidence } from './date-order.js';
import { isDateValue, parseDay, type DateReadOptions } from './dates.js';
import { FRAMEWORK_IDS, FRAMEWORKS, fittingFrameworks, isFrameworkId, levelFromText } from './frameworks.js';
import { detectColumns, readColumns } from './layout/detect.js';
import { deriveStructure, planRows } from './layout/derive.js';
import { memoise } from './memo.js';
import { parseBoundedNumber, parseNumber, swapSeparators, type NumberOptions } from './numbers.js';
import { readManualProgress } from './progress-cell.js';
import { statusFromText } from './statuses.js';
import { assertRawTable } from './schema.js';
import { buildTree } from './tree.js';
import { PlanFormatError } from './types.js';
import type {
  CellValue,
  ColumnKey,
  Day,
  ColumnMap,
  ColumnMapping,
  Framework,
  FrameworkId,
  LevelName,
  MeasureType,
  Parsed,
  Plan,
  PlanItem,
  PlanTree,
  RawTable,
} from './types.js';

export interface ReadPlanOptions {
  /** Force the framework; otherwise inferred from the levels used (default okr). */
  framework?: FrameworkId;
  /** Which column holds which field, where the headers do not say (field → header text). */
  columns?: ColumnMapping;
  /** Today, for the year of dates written without one when the plan has no other dates. Default: today. */
  today?: Day;
  /**
   * The caller needs the table's rows no more: each is let go (`table.rows[r]` emptied) once its
   * item is read, so that a large table and its items are never both held whole.
   */
  releaseRows?: boolean;
}

const NO_CELLS: CellValue[] = Object.freeze([]) as unknown as CellValue[];

export const MEASURE_TYPES: readonly MeasureType[] = ['increase', 'decrease', 'at least', 'at most', 'milestone'];
export { STATUSES, statusFromText } from './statuses.js';

const TYPE_BY_TEXT = new Map<string, MeasureType>(MEASURE_TYPES.map((t) => [t, t]));

/** Lower case, trimmed, inner spaces collapsed: how a spreadsheet's TRIM and LOWER see text. */
export function normaliseText(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** "At Least" → 'at least'; null when blank or not a type (a blank or unknown Type is inferred). */
export function measureTypeFromText(text: string): MeasureType | null {
  return TYPE_BY_TEXT.get(normaliseText(text)) ?? null;
}

/** A cell as text, trimmed: numbers as written by JavaScript, booleans as TRUE/FALSE, dates as ISO. */
export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'object' && isDateValue(cell))
    return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/**
 * A Status cell as text. A number from 0 to 1 there is a percent that a spreadsheet turned into a
 * number when someone typed `33 %` (Excel, LibreOffice and Google Sheets all do, and show it with a
 * percent format): it reads as that percent, `33%`, as the same cell does in a CSV file. Other
 * numbers stay as written (`42` is no status).
 */
export function statusCellText(cell: CellValue | undefined): string {
  if (typeof cell === 'number' && cell >= 0 && cell <= 1) return `${Number((cell * 100).toFixed(9))}%`;
  return cellText(cell);
}

/** An empty cell, or one holding only spaces. */
export function isBlankCell(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** Columns whose content makes a row an item; the computed ones (Progress, Pace, Check) do not. */
const INPUT_KEYS: readonly ColumnKey[] = COLUMNS.filter((c) => !c.computed).map((c) => c.key);

/** Column positions of the known columns, -1 where the table has none. */
type ColumnIndex = Record<ColumnKey, number>;

function columnIndex(columns: ColumnMap): ColumnIndex {
  const index = {} as ColumnIndex;
  for (const c of COLUMNS) index[c.key] = columns[c.key] ?? -1;
  return index;
}

// Texts that repeat on every row (levels, types, statuses) are looked up once per text.
const levelOf = memoise((text: string) => (text === '' ? null : levelFromText(text)));
const typeOf = memoise((text: string) => (text === '' ? null : measureTypeFromText(text)));
const statusOf = memoise((text: string) => (text === '' ? null : statusFromText(text)));
/** The progress a Status states ("🟡 58%", "In progress 3/5"), for a blank or unread Progress cell. */
const progressOfStatus = memoise((statusText: string) => readManualProgress(null, statusText));

/**
 * Numbers a spreadsheet reads as numbers when typed or imported from CSV: `50`, `-1,000.5`, `45%`,
 * `1e6`. Other readable text (`$120M`, `200 ms`, `1.5k`) stays text in a sheet.
 */
const SPREADSHEET_NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][-+]?\d+)?%?$/;

function isNumberAsText(cell: CellValue, parsed: Parsed<number>, read: CellReaders): boolean {
  return typeof cell === 'string' && parsed.state === 'ok' && read.notSpreadsheetNumber(cell);
}

/** The cell at a column index; null for a column the table does not have or a short row. */
function cellAt(cells: readonly CellValue[], col: number): CellValue {
  return col < 0 ? null : (cells[col] ?? null);
}

const START_DAY: DateReadOptions = { end: 'first' };
const DUE_DAY: DateReadOptions = { end: 'last' };

/**
 * A cell reader that reads each text once: the dates and numbers typed down a plan repeat, so a
 * million rows share a few thousand reads instead of holding a million alike. (Parsed values are
 * never changed in place; a date re-read once the plan's order is known is replaced.)
 */
function readOnce<T>(read: (cell: CellValue) => T): (cell: CellValue) => T {
  const cache = new Map<string | number, T>();
  // Date cells by their time, apart from numbers (a serial number and a time are not one reading).
  const dates = new Map<number, T>();
  let blank: T | undefined; // a blank cell's reading: the most common cell of all
  return (cell) => {
    if (typeof cell === 'string' || typeof cell === 'number') {
      let value = cache.get(cell);
      if (value === undefined) {
        value = read(cell);
        if (cache.size < 10_000) cache.set(cell, value);
      }
      return value;
    }
    if (cell === null) return blank === undefined ? (blank = read(null)) : blank;
    if (typeof cell === 'object' && isDateValue(cell)) {
      const time = cell.getTime();
      let value = dates.get(time);
      if (value === undefined) {
        value = read(cell);
        if (dates.size < 10_000) dates.set(time, value);
      }
      return value;
    }
    return read(cell);
  };
}

/** How one table's cells are read: its number format, each reader remembering the texts it has read. */
interface CellReaders {
  numbers: NumberOptions;
  number: (cell: CellValue) => Parsed<number>;
  /** Start and Current: a number, or the done part of a count ("0/5" beside a Target of "5/5 …"). */
  measure: (cell: CellValue) => Parsed<number>;
  bounded: (cell: CellValue) => ReturnType<typeof parseBoundedNumber>;
  startDay: (cell: CellValue) => Parsed<Day>;
  dueDay: (cell: CellValue) => Parsed<Day>;
  day: (cell: CellValue) => Parsed<Day>;
  /** A text a spreadsheet would keep as text, not read as a number (`$120M`, `200 ms`). */
  notSpreadsheetNumber: (text: string) => boolean;
}

/** A measure cell written as a count ("10/10", "5/5 agree on value prop"): its done part. */
function withCount(cell: CellValue, parsed: Parsed<number>): Parsed<number> {
  if (parsed.state !== 'invalid' || typeof cell !== 'string') return parsed;
  const count = countFromText(cell);
  return count === null ? parsed : { state: 'ok', value: count.done };
}

function cellReaders(numbers: NumberOptions): CellReaders {
  return {
    numbers,
    number: readOnce((cell) => parseNumber(cell, numbers)),
    measure: readOnce((cell) => withCount(cell, parseNumber(cell, numbers))),
    bounded: readOnce((cell) => {
      const read = parseBoundedNumber(cell, numbers);
      return { parsed: withCount(cell, read.parsed), bound: read.bound };
    }),
    startDay: readOnce((cell) => parseDay(cell, START_DAY)),
    dueDay: readOnce((cell) => parseDay(cell, DUE_DAY)),
    day: readOnce((cell) => parseDay(cell)),
    notSpreadsheetNumber: memoise(
      (text) => !SPREADSHEET_NUMBER.test(numbers.decimalComma ? swapSeparators(text.trim()) : text.trim()),
    ),
  };
}

function readRow(
  cells: readonly CellValue[],
  c: ColumnIndex,
  index: number,
  row: number,
  read: CellReaders,
  peoplesProgress = false,
): PlanItem {
  const numbers = read.numbers;
  const levelText = cellText(cellAt(cells, c.level));
  const typeText = cellText(cellAt(cells, c.type));
  const statusText = statusCellText(cellAt(cells, c.status));
  const startCell = cellAt(cells, c.start);
  const targetCell = cellAt(cells, c.target);
  const current = cellAt(cells, c.current);
  const progress = cellAt(cells, c.progress);
  const start = read.measure(startCell);
  const { parsed: target, bound } = read.bounded(targetCell);
  const currentValue = read.measure(current);
  return {
    index,
    row,
    id: cellText(cellAt(cells, c.id)),
    level: levelOf(levelText),
    levelText,
    parentId: cellText(cellAt(cells, c.parent)),
    title: cellText(cellAt(cells, c.title)),
    owner: cellText(cellAt(cells, c.owner)),
    type: typeText === '' ? bound : typeOf(typeText),
    typeText,
    start,
    target,
    current: currentValue,
    currentText: cellText(current),
    numbersAsText:
      isNumberAsText(startCell, start, read) ||
      isNumberAsText(targetCell, target, read) ||
      isNumberAsText(current, currentValue, read),
    unit: cellText(cellAt(cells, c.unit)),
    startDate: read.startDay(cellAt(cells, c.startDate)),
    dueDate: read.dueDay(cellAt(cells, c.dueDate)),
    review: parseCadence(cellAt(cells, c.review)),
    lastCheckIn: read.day(cellAt(cells, c.lastCheckIn)),
    status: statusOf(statusText),
    statusText,
    manualProgress:
      peoplesProgress && progress !== null
        ? readManualProgress(progress, statusText, numbers)
        : progressOfStatus(statusText),
    weight: read.number(cellAt(cells, c.weight)),
  };
}

/**
 * The framework a plan follows: the one given, else the one its levels fit best, else OKR; with
 * the other frameworks its levels fit just as well (the user may have meant one of those).
 */
export function choosePlanFramework(
  items: readonly PlanItem[],
  given?: FrameworkId,
): { framework: Framework; source: Plan['frameworkSource']; alternatives: FrameworkId[] } {
  if (given !== undefined) {
    if (!isFrameworkId(given)) {
      throw new PlanFormatError(`"${given}" is not a framework: use one of ${FRAMEWORK_IDS.join(', ')}.`);
    }
    return { framework: FRAMEWORKS[given], source: 'given', alternatives: [] };
  }
  const used = new Set<LevelName>();
  for (const item of items) if (item.level !== null) used.add(item.level);
  const [best, ...others] = fittingFrameworks(used);
  // A framework that holds all of the best one's levels (alignment holds OKR's) is no other reading.
  const alternatives = others.filter((f) => !best.levels.every((level) => f.levels.includes(level))).map((f) => f.id);
  return best
    ? { framework: best, source: 'inferred', alternatives }
    : { framework: FRAMEWORKS.okr, source: 'default', alternatives: [] };
}

/**
 * How many rows right under the header are comments: the first cell written starts with `# ` and
 * a word (not `#12`, `# 3` or `#REF!`), as CSV files explain their columns. Only at the top: a `#`
 * further down is data.
 */
function leadingComments(rows: readonly (readonly CellValue[])[]): number {
  let count = 0;
  for (const row of rows) {
    const first = row?.find((cell) => !isBlankCell(cell));
    if (typeof first !== 'string' || !/^#+\s+\D/.test(first.trim())) break;
    count++;
  }
  return count;
}

/**
 * A raw table → the typed plan with its tree. Throws PlanFormatError when the header lacks a
 * required column; never throws for bad cells (those become findings). Rows whose plan columns
 * are all blank are skipped (a template's empty rows, which hold only formulas, included).
 * Written dates that read two ways (06/07/2026) are read in the order the plan's other dates
 * show (30/06/2026 is day first), else month first; `dates` says how.
 */
export function readPlan(table: RawTable, options: ReadPlanOptions = {}): Plan {
  assertRawTable(table);
  const headerRow = table.headerRow ?? 1;
  if (options.framework !== undefined && !isFrameworkId(options.framework)) choosePlanFramework([], options.framework);
  const comments = leadingComments(table.rows);
  const planRowsOnly = comments > 0 ? table.rows.slice(comments) : table.rows;
  const detected = detectColumns(table.header, planRowsOnly, options.columns, headerRow);
  const rowPlan = planRows(detected, planRowsOnly);
  const tiers = rowPlan.kind === 'side by side' ? rowPlan.tiers.map((t) => t.index) : [];
  const columns: ColumnMap = { ...detected.columns };
  if (rowPlan.kind === 'side by side' && rowPlan.implied === undefined) {
    // The titles are in the level columns; a finding about a title points at the deepest one.
    columns.title = tiers[tiers.length - 1];
  }
  const index = columnIndex(columns);
  if (rowPlan.kind === 'side by side' && rowPlan.implied === undefined) index.title = -1;
  const inputColumns = [...INPUT_KEYS.map((key) => index[key]).filter((c) => c >= 0), ...tiers];
  const items: PlanItem[] = [];
  const tierTexts: string[][] = [];
  const dateKeys = DATE_KEYS.filter((key) => index[key] >= 0);
  const dateOrder = new DateOrderEvidence();
  const read = cellReaders({ decimalComma: table.decimalComma === true });
  const rows = table.rows;
  for (let r = comments; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    let blank = true;
    for (let k = 0; k < inputColumns.length; k++) {
      if (!isBlankCell(cells[inputColumns[k]])) {
        blank = false;
        break;
      }
    }
    if (options.releaseRows) rows[r] = NO_CELLS;
    if (blank) continue;
    const item = readRow(cells, index, items.length, headerRow + 1 + r, read, table.manualProgress === true);
    for (let k = 0; k < dateKeys.length; k++) dateOrder.add(item, dateKeys[k], cells[index[dateKeys[k]]]);
    if (tiers.length > 0) tierTexts.push(tiers.map((col) => cellText(cells[col])));
    items.push(item);
  }
  const dates = dateOrder.settle(options.today);
  const derived = deriveStructure({
    header: table.header,
    headerRow,
    detected,
    rowPlan,
    read: readColumns(table.header, detected),
    items,
    tierTexts,
    blankItem: (row) => readRow([], index, 0, row, read, false),
    framework: options.framework === undefined ? undefined : FRAMEWORKS[options.framework],
  });
  if (comments > 0) {
    const last = headerRow + comments;
    derived.reading.summary.push(
      `${comments === 1 ? `row ${last}` : `rows ${headerRow + 1}–${last}`} under the header read as comments (they start with #)`,
    );
  }
  const { framework, source, alternatives } = choosePlanFramework(derived.items, options.framework);
  const tree = buildTree(derived.items);
  shareParentIds(derived.items, tree);
  return {
    framework,
    frameworkSource: source,
    frameworkAlternatives: alternatives,
    columns,
    header: table.header.map((cell) => cellText(cell as CellValue)),
    items: derived.items,
    tree,
    dates,
    reading: derived.reading,
    headerRow,
  };
}

/**
 * A row's Parent written as its parent's ID is the same text twice: the row keeps the parent's
 * copy, so that a large plan holds each ID once rather than once more per child.
 */
function shareParentIds(items: PlanItem[], tree: PlanTree): void {
  for (let i = 0; i < items.length; i++) {
    const p = tree.parent[i];
    if (p >= 0 && items[i].parentId === items[p].id) items[i].parentId = items[p].id;
  }
}
