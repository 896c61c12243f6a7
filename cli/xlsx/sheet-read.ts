import type { CellValue } from '../../shared/index.js';
import type { CellRange } from './cell-range.js';
import type { XlsxPackage } from './package-read.js';
import { CELL_TYPES, SheetDataScanner } from './sheet-scan.js';
import { SheetRows } from './sheet-rows.js';
import { streamPart, type XmlAttributes } from './xml-stream.js';
import { cellColumn, columnIndex, decodeCellRef } from './xml.js';

export { cellKey, dateFromSerial } from './sheet-rows.js';

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
  /**
   * For tests: false reads every row through the tokenizer's handler, the reference the scanner
   * is held to; `rowsRead` counts the rows each path read.
   */
  scan?: boolean;
  rowsRead?: { scanned: number; handled: number };
}

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
  const rows = new SheetRows(sheet, options);
  // The rows are read by the scanner; what it does not know (a row with a comment, say) it leaves
  // to the handler below, which reads every element it is given.
  const scanner = options.scan === false ? null : new SheetDataScanner(rows);
  let inRow = false;
  let col = -1;
  let type = '';
  let style = 0;
  let value = '';
  let formula: { text: string; shared: string | undefined } | null = null;
  let hasValue = false;
  let hasFormula = false;
  let collecting: 'v' | 't' | 'f' | null = null;
  let inInline = false;
  /** The cell has an <is>: its value is that text, whatever a <v> beside it holds. */
  let inlineSeen = false;
  let phonetic = 0;
  let inSheetData = false;

  const finishCell = () => {
    if (!inRow) return;
    if (hasFormula && formula) rows.formula(col, formula.text, formula.shared, hasValue || type === 'inlineStr');
    if (hasValue) rows.cell(col, rows.value(type, value, style, col));
  };

  await streamPart(pkg, part, {
    open(name, a) {
      switch (name) {
        case 'sheetData':
          inSheetData = true;
          return scanner ?? undefined;
        case 'row':
          if (!inSheetData) break;
          rows.startRow(a.number('r'));
          inRow = true;
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
          inlineSeen = false;
          break;
        }
        case 'v':
          if (!inlineSeen) collecting = 'v';
          hasValue = true;
          break;
        case 'f':
          collecting = 'f';
          hasFormula = true;
          formula = { text: '', shared: a.equals('t', 'shared') ? a.get('si') : undefined };
          break;
        case 'is':
          inInline = true;
          if (!inlineSeen) value = '';
          inlineSeen = true;
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
          rows.endRow();
          if (options.rowsRead) options.rowsRead.handled++;
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
      if (options.stopAfterRows !== undefined && rows.nonEmptyRows >= options.stopAfterRows)
        return (sheet.partial = true);
      return false;
    },
  });
  if (options.rowsRead && scanner) options.rowsRead.scanned += scanner.rowsRead;
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

function cellType(a: XmlAttributes): string {
  const i = a.indexOf('t');
  if (i < 0) return 'n';
  for (const type of CELL_TYPES) if (a.valueIs(i, type)) return type;
  return a.value(i);
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
