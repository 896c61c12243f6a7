import type { CellValue } from '../../shared/index.js';
import { detached } from '../files/intern.js';
import type { SheetCells, SheetReadOptions } from './sheet-read.js';
import { TextTable } from './text-table.js';
import { decodeXstring } from './xstring.js';

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

/**
 * The rows of a sheet as they are read, cell by cell, into SheetCells: what the sheet reader's two
 * paths (the scanner of sheet-scan.ts and the tokenizer's handler) share, so that they keep cells
 * the same way.
 */
export class SheetRows {
  // A row's cells gather in one reused array and are kept as a copy of its exact length: an array
  // grown cell by cell holds room for 41 cells once it passes 17, and each row's would live on.
  private readonly cells: CellValue[] = [];
  private rowLength = 0;
  private rowNumber = 0;
  /** Where the row being read started: to forget it (abandonRow). */
  private previousRowNumber = 0;
  private uncomputedBefore = 0;
  nonEmptyRows = 0;
  /** One table per column: a column of unique texts (IDs) soon stops being looked up. */
  private readonly tables: TextTable[] = [];
  /** Dates repeat down a plan (a few hundred days in 100,000 rows): each serial's Date is made once. */
  private readonly dates = new Map<number, Date>();

  constructor(
    private readonly sheet: SheetCells,
    private readonly options: SheetReadOptions,
  ) {}

  /** A row starts: `r` is its number when it says one. */
  startRow(r: number | undefined): void {
    this.previousRowNumber = this.rowNumber;
    this.uncomputedBefore = this.sheet.uncomputed.length;
    this.rowNumber = r ?? this.rowNumber + 1;
    this.rowLength = 0;
  }

  /**
   * The row being read is forgotten, to be read again from its start. What it kept so far is kept
   * again the same way (the same formulas, the same last column), but for `uncomputed`, a list.
   */
  abandonRow(): void {
    this.rowNumber = this.previousRowNumber;
    this.sheet.uncomputed.length = this.uncomputedBefore;
  }

  endRow(): void {
    this.sheet.grid[this.rowNumber - 1] = this.cells.slice(0, this.rowLength);
    if (this.rowLength > 0 && ++this.nonEmptyRows % 65536 === 0) this.options.onRows?.(this.nonEmptyRows);
  }

  /** A cell's value (null: it has none) in column `col` of the row. */
  cell(col: number, value: CellValue): void {
    if (value === null) return;
    if (col > this.sheet.lastColumn) this.sheet.lastColumn = col;
    for (let i = this.rowLength; i < col; i++) this.cells[i] = null;
    this.cells[col] = value;
    if (col >= this.rowLength) this.rowLength = col + 1;
  }

  /** A cell's formula: its text, the group it shares (t="shared" si), whether it has a computed value. */
  formula(col: number, formulaText: string, shared: string | undefined, computed: boolean): void {
    const sheet = this.sheet;
    const row = this.rowNumber;
    const text = formulaText === '' && shared !== undefined ? null : detached(formulaText);
    sheet.formulas.set(cellKey(row, col), { text, sharedIndex: shared });
    if (shared !== undefined && text !== null && !sheet.sharedMasters.has(shared))
      sheet.sharedMasters.set(shared, { row, col, text });
    if (!computed) sheet.uncomputed.push({ row, col });
    if (col > sheet.lastColumn) sheet.lastColumn = col;
  }

  /** The text `s` holds from `from` to `to`, in column `col`: a repeated short text is kept once. */
  text(col: number, s: string, from = 0, to = s.length): string {
    return (this.tables[col] ??= new TextTable()).fromRange(s, from, to);
  }

  /** A string cell's text (`t="str"`, inline): as `text`, with Excel's `_xHHHH_` escapes read. */
  stringText(col: number, s: string, from = 0, to = s.length): string {
    return decodeXstring(this.text(col, s, from, to));
  }

  /** A number cell: a date when its style shows one. */
  number(n: number, style: number): number | Date {
    if (!this.options.dateStyles[style]) return n;
    let date = this.dates.get(n);
    if (date === undefined) {
      date = dateFromSerial(n, this.options.date1904);
      if (this.dates.size < 65536) this.dates.set(n, date);
    }
    return date;
  }

  sharedString(index: number): string | null {
    const text = this.options.sharedStrings[index];
    return text === undefined ? null : text;
  }

  /** A cell's value from its type (`t`), its text (of `<v>` or `<is>`) and its style. */
  value(type: string, text: string, style: number, col: number): CellValue {
    switch (type) {
      case 's':
        // An empty <v/> (calamine's empty_shared_string_value.xlsx) is a blank cell, not string 0.
        return text.trim() === '' ? null : this.sharedString(Number(text));
      case 'str':
      case 'inlineStr':
        return this.stringText(col, text);
      case 'b':
        return text.trim() === '1' || text.trim().toLowerCase() === 'true';
      case 'e':
        return this.text(col, ERROR_TEXTS.has(text.trim()) ? text.trim() : text.trim() || '#VALUE!');
      case 'd': {
        const date = new Date(/Z|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
        return Number.isNaN(date.getTime()) ? this.text(col, text) : date;
      }
      default: {
        if (text.trim() === '') return null;
        const n = Number(text);
        if (!Number.isFinite(n)) return this.text(col, text);
        return this.number(n, style);
      }
    }
  }
}
