import type { CellValue } from '../../shared/index.js';
import { interner } from '../files/intern.js';
import type { CellRange } from './cell-range.js';
import type { XlsxPackage } from './package-read.js';
import { streamPart, type XmlAttributes } from './xml-stream.js';
import { cellColumn, columnIndex, decodeCellRef } from './xml.js';

/** A formula cell: its text, or for a cell sharing a formula, the group it shares. */
export interface FormulaCell {
  text: string | null;
  sharedIndex?: string;
}

/** One worksheet as read: plain values, and what a writer must know about the cells around them. */
export interface SheetCells {
  /** `grid[n - 1]` is row n; a missing row is empty. */
  grid: CellValue[][];
  /** Formula cells by `cellKey(row, col)`. */
  formulas: Map<number, FormulaCell>;
  /** The first cell of each shared formula group, by its index. */
  sharedMasters: Map<string, { row: number; col: number; text: string }>;
  /** Formula cells saved without a computed value (read as blank). */
  uncomputed: { row: number; col: number }[];
  merges: CellRange[];
  /** The sheet is protected against changes. */
  protectedSheet: boolean;
  protectedRanges: CellRange[];
  /** 0-based index of the last column holding a value or a formula anywhere in the sheet (-1 when empty). */
  lastColumn: number;
  /** Reading stopped early (`stopAfterRows`): the grid holds the top of the sheet only. */
  partial: boolean;
}

export interface SheetReadOptions {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
  /** Stop after this many non-empty rows (to look for a header without reading a whole sheet). */
  stopAfterRows?: number;
  /** Called with the row count as rows are read, to refuse a sheet too large to hold before it is held. */
  onRows?: (rows: number) => void;
}

export function cellKey(row: number, col: number): number {
  return row * 16384 + col;
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A date serial number as a UTC date (both date systems; 1900's phantom 29 February accounted for). */
export function dateFromSerial(serial: number, date1904: boolean): Date {
  if (date1904) return new Date(EPOCH_1904 + Math.round(serial * DAY_MS));
  return new Date(EPOCH_1900 + Math.round((serial < 60 ? serial + 1 : serial) * DAY_MS));
}

const ERROR_TEXTS = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
]);

/** Reads a worksheet part as a stream: memory follows the cells kept, not the XML. */
export async function readSheet(pkg: XlsxPackage, part: string, options: SheetReadOptions): Promise<SheetCells> {
  const sheet: SheetCells = {
    grid: [],
    formulas: new Map(),
    sharedMasters: new Map(),
    uncomputed: [],
    merges: [],
    protectedSheet: false,
    protectedRanges: [],
    lastColumn: -1,
    partial: false,
  };
  // One interner per column: a column of unique texts (IDs) soon stops being looked up.
  const interners: ((cell: CellValue) => CellValue)[] = [];
  const intern = (cell: CellValue) => (interners[col] ??= interner({ giveUpAfter: 4096, detach: true }))(cell);
  const dates = new Map<number, Date>();
  // A row's cells gather in one reused array and are kept as a copy of its exact length: an array
  // grown cell by cell holds room for 41 cells once it passes 17, and each row's would live on.
  const cells: CellValue[] = [];
  let rowLength = 0;
  let inRow = false;
  let rowNumber = 0;
  let nonEmptyRows = 0;
  let col = -1;
  let type = '';
  let style = 0;
  let value = '';
  let formula: { text: string; shared: string | undefined } | null = null;
  let hasValue = false;
  let hasFormula = false;
  let collecting: 'v' | 't' | 'f' | null = null;
  let inInline = false;
  let phonetic = 0;
  let inSheetData = false;

  const finishCell = () => {
    if (!inRow) return;
    let cell: CellValue = null;
    // Shared strings are one object per text already; other texts are interned.
    if (hasValue)
      cell =
        type === 's'
          ? convert(type, value, style, options, dates)
          : intern(convert(type, value, style, options, dates));
    if (hasFormula && formula) {
      const shared = formula.shared;
      const text = formula.text === '' && shared !== undefined ? null : formula.text;
      sheet.formulas.set(cellKey(rowNumber, col), { text, sharedIndex: shared });
      if (shared !== undefined && text !== null && !sheet.sharedMasters.has(shared))
        sheet.sharedMasters.set(shared, { row: rowNumber, col, text });
      if (!hasValue && type !== 'inlineStr') sheet.uncomputed.push({ row: rowNumber, col });
    }
    if (cell !== null || hasFormula) sheet.lastColumn = Math.max(sheet.lastColumn, col);
    if (cell !== null) {
      for (let i = rowLength; i < col; i++) cells[i] = null;
      cells[col] = cell;
      if (col >= rowLength) rowLength = col + 1;
    }
  };

  await streamPart(pkg, part, {
    open(name, a) {
      switch (name) {
        case 'sheetData':
          inSheetData = true;
          break;
        case 'row':
          if (!inSheetData) break;
          rowNumber = a.number('r') ?? rowNumber + 1;
          inRow = true;
          rowLength = 0;
          col = -1;
          break;
        case 'c': {
          const refCol = refColumn(a);
          col = refCol >= 0 ? refCol : col + 1;
          type = cellType(a);
          style = a.number('s') ?? 0;
          value = '';
          formula = null;
          hasValue = false;
          hasFormula = false;
          inInline = false;
          break;
        }
        case 'v':
          collecting = 'v';
          hasValue = true;
          break;
        case 'f':
          collecting = 'f';
          hasFormula = true;
          formula = { text: '', shared: a.equals('t', 'shared') ? a.get('si') : undefined };
          break;
        case 'is':
          inInline = true;
          hasValue = true;
          break;
        case 't':
          if (inInline && phonetic === 0) collecting = 't';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 'mergeCell':
          addRange(sheet.merges, a.get('ref'));
          break;
        case 'sheetProtection':
          sheet.protectedSheet = a.get('sheet') === '1' || a.get('sheet') === 'true';
          break;
        case 'protectedRange':
          for (const ref of (a.get('sqref') ?? '').split(/\s+/)) addRange(sheet.protectedRanges, ref);
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'sheetData':
          inSheetData = false;
          break;
        case 'c':
          finishCell();
          break;
        case 'row':
          if (!inRow) break;
          sheet.grid[rowNumber - 1] = cells.slice(0, rowLength);
          if (rowLength > 0 && ++nonEmptyRows % 65536 === 0) options.onRows?.(nonEmptyRows);
          inRow = false;
          break;
        case 'v':
        case 'f':
        case 't':
          collecting = null;
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          phonetic--;
          break;
      }
    },
    text(text) {
      if (collecting === 'v' || collecting === 't') value += text;
      else if (collecting === 'f' && formula) formula.text += text;
    },
    done() {
      if (options.stopAfterRows !== undefined && nonEmptyRows >= options.stopAfterRows) return (sheet.partial = true);
      return false;
    },
  });
  for (let i = 0; i < sheet.grid.length; i++) sheet.grid[i] ??= [];
  return sheet;
}

/** The column of a cell's `r` reference, read where it lies; -1 when it has none or it is not one. */
function refColumn(a: XmlAttributes): number {
  const i = a.indexOf('r');
  if (i < 0) return -1;
  if (a.decoded[i] !== null) return cellColumn(a.decoded[i]!);
  return a.starts[i] === a.ends[i] ? -1 : cellColumn(a.source, a.starts[i], a.ends[i]);
}

/** The cell types SpreadsheetML names: a cell's `t` is found among them without a copy. */
const CELL_TYPES = ['str', 's', 'n', 'b', 'e', 'inlineStr', 'd'];

function cellType(a: XmlAttributes): string {
  const i = a.indexOf('t');
  if (i < 0) return 'n';
  for (const type of CELL_TYPES) if (a.valueIs(i, type)) return type;
  return a.value(i);
}

/** Dates repeat down a plan (a few hundred days in 100,000 rows): each serial's Date is made once. */
function dateOf(serial: number, options: SheetReadOptions, dates: Map<number, Date>): Date {
  let date = dates.get(serial);
  if (date === undefined) {
    date = dateFromSerial(serial, options.date1904);
    if (dates.size < 65536) dates.set(serial, date);
  }
  return date;
}

function convert(
  type: string,
  text: string,
  style: number,
  options: SheetReadOptions,
  dates: Map<number, Date>,
): CellValue {
  switch (type) {
    case 's': {
      const s = options.sharedStrings[Number(text)];
      return s === undefined ? null : s;
    }
    case 'str':
    case 'inlineStr':
      return text;
    case 'b':
      return text.trim() === '1' || text.trim().toLowerCase() === 'true';
    case 'e':
      return ERROR_TEXTS.has(text.trim()) ? text.trim() : text.trim() || '#VALUE!';
    case 'd': {
      const date = new Date(/Z|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
      return Number.isNaN(date.getTime()) ? text : date;
    }
    default: {
      if (text.trim() === '') return null;
      const n = Number(text);
      if (!Number.isFinite(n)) return text;
      return options.dateStyles[style] ? dateOf(n, options, dates) : n;
    }
  }
}

function addRange(list: CellRange[], ref: string | undefined) {
  if (!ref) return;
  const [from, to = from] = ref.replace(/\$/g, '').split(':');
  const a = decodeCellRef(from);
  const b = decodeCellRef(to);
  if (a && b)
    list.push({
      top: Math.min(a.row, b.row),
      left: Math.min(a.col, b.col),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.col, b.col),
    });
  else if (/^[A-Z]{1,3}:[A-Z]{1,3}$/i.test(ref)) {
    const [l, r] = ref.split(':').map(columnIndex);
    list.push({ top: 1, left: l, bottom: 1048576, right: r });
  }
}
