// An in-memory Google Sheets for tests: spreadsheets, sheets, ranges and rule builders with the
// behaviour the add-on relies on, typed against @types/google-apps-script, every call counted.
// What it models, because real Sheets does it and code that forgets it breaks users' sheets:
//   - a date cell is a serial number with a date format; getValues() returns it as the instant of
//     its wall-clock midnight in the SPREADSHEET's time zone;
//   - setValues() reads strings as typed input: "=…" is a formula, "'…" text, "1.10" a number,
//     "2026-05-01" a date; a Date is stored by its wall clock in the spreadsheet's zone;
//   - formulas compute (HyperFormula), getFormulas() returns them, getValues() their results;
//   - ranges outside the sheet throw; setValues() with the wrong shape throws; a value rejected by
//     a strict dropdown throws.
import { HyperFormula } from 'hyperformula';
import type { CallCounter } from './counter.js';
import { counted } from './counter.js';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GRangeList = GoogleAppsScript.Spreadsheet.RangeList;
type Stored = string | number | boolean;

const MS_PER_DAY = 86_400_000;
/** Serial number of 1970-01-01 in the Sheets epoch (1899-12-30). */
const EPOCH_SERIAL = 25_569;
const KEY_COLUMNS = 20_000;
const key = (r: number, c: number) => r * KEY_COLUMNS + c;

export function isDateValue(value: unknown): value is Date {
  return typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Date]';
}

export function isDateFormat(format: string | undefined): boolean {
  if (format === undefined) return false;
  const bare = format.replace(/"[^"]*"/g, '');
  return /[dy]/i.test(bare) && !/[0#]/.test(bare);
}

/** Wall-clock ↔ instant in a time zone, with Intl (what Sheets does on its servers). */
export class Zone {
  private readonly format: Intl.DateTimeFormat;

  constructor(readonly name: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** The wall clock of an instant, as ms since 1970 read as if it were UTC. */
  wallClock(instant: number): number {
    const parts: Record<string, number> = {};
    for (const p of this.format.formatToParts(new Date(instant)))
      if (p.type !== 'literal') parts[p.type] = Number(p.value);
    return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) + (instant % 1000);
  }

  /** The instant a wall clock names (the earlier one in a DST overlap). */
  instant(wall: number): number {
    const guess = wall - (this.wallClock(wall) - wall);
    return wall - (this.wallClock(guess) - guess);
  }

  serialOf(instant: number): number {
    return this.wallClock(instant) / MS_PER_DAY + EPOCH_SERIAL;
  }

  dateOf(serial: number): Date {
    return new Date(this.instant(Math.round((serial - EPOCH_SERIAL) * MS_PER_DAY)));
  }
}

export class FakeDataValidation {
  constructor(
    readonly values: readonly string[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}
}

export class FakeDataValidationBuilder {
  private values: string[] = [];
  private allowInvalid = true;
  private helpText = '';
  constructor(private readonly api: () => unknown) {}
  requireValueInList(values: string[], _showDropdown?: boolean) {
    this.values = [...values];
    return this.api();
  }
  setAllowInvalid(allow: boolean) {
    this.allowInvalid = allow;
    return this.api();
  }
  setHelpText(text: string) {
    this.helpText = text;
    return this.api();
  }
  build() {
    return new FakeDataValidation(this.values, this.allowInvalid, this.helpText);
  }
}

export class FakeTextStyle {
  constructor(
    readonly bold: boolean | null,
    readonly color: string | null,
  ) {}
}

export class FakeTextStyleBuilder {
  private bold: boolean | null = null;
  private color: string | null = null;
  constructor(private readonly api: () => unknown) {}
  setBold(bold: boolean) {
    this.bold = bold;
    return this.api();
  }
  setForegroundColor(color: string) {
    this.color = color;
    return this.api();
  }
  build() {
    return new FakeTextStyle(this.bold, this.color);
  }
}

export class FakeConditionalFormatRule {
  constructor(
    readonly text: string,
    readonly background: string | null,
    readonly fontColor: string | null,
    readonly ranges: readonly FakeRange[],
  ) {}
  getRanges() {
    return this.ranges.map((r) => r.api);
  }
}

export class FakeConditionalFormatRuleBuilder {
  private text = '';
  private background: string | null = null;
  private fontColor: string | null = null;
  private ranges: FakeRange[] = [];
  constructor(private readonly api: () => unknown) {}
  whenTextEqualTo(text: string) {
    this.text = text;
    return this.api();
  }
  setBackground(color: string) {
    this.background = color;
    return this.api();
  }
  setFontColor(color: string) {
    this.fontColor = color;
    return this.api();
  }
  setRanges(ranges: GRange[]) {
    this.ranges = ranges.map((r) => FakeRange.raw(r));
    return this.api();
  }
  build() {
    return new FakeConditionalFormatRule(this.text, this.background, this.fontColor, this.ranges);
  }
}

export class FakeSpreadsheet implements Pick<
  GSpreadsheet,
  | 'getActiveSheet'
  | 'getSheetByName'
  | 'getSheets'
  | 'insertSheet'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'getName'
  | 'getId'
> {
  readonly api: GSpreadsheet;
  zone: Zone;
  readonly sheets: FakeSheet[] = [];
  active: FakeSheet | null = null;
  activeRange: FakeRange | null = null;
  private nextSheetId = 0;

  constructor(
    readonly counter: CallCounter,
    public timeZone = 'Etc/GMT',
    readonly name = 'Plan',
  ) {
    this.zone = new Zone(timeZone);
    this.api = counted(this, 'Spreadsheet', counter) as unknown as GSpreadsheet;
  }

  /** A sheet for a test to fill (not counted). */
  addSheet(name: string, rows = 1000, columns = 26): FakeSheet {
    if (this.sheets.some((s) => s.name === name))
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = new FakeSheet(this, name, this.nextSheetId++, rows, columns);
    this.sheets.push(sheet);
    if (this.active === null) this.active = sheet;
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`No sheet ${name}`);
    return sheet;
  }

  getActiveSheet(): GSheet {
    if (this.active === null) this.active = this.addSheet('Sheet1');
    return this.active.api;
  }
  getSheetByName(name: string): GSheet | null {
    return this.sheets.find((s) => s.name === name)?.api ?? null;
  }
  getSheets(): GSheet[] {
    return this.sheets.map((s) => s.api);
  }
  getNumSheets(): number {
    return this.sheets.length;
  }
  insertSheet(name?: unknown): GSheet {
    const sheetName = typeof name === 'string' ? name : `Sheet${this.sheets.length + 1}`;
    const sheet = this.addSheet(sheetName);
    this.active = sheet;
    return sheet.api;
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  /** Like File > Settings > Time zone: date cells keep their day serials, so each is read as another instant. */
  setSpreadsheetTimeZone(timeZone: string): void {
    this.timeZone = timeZone;
    this.zone = new Zone(timeZone);
  }
  getName(): string {
    return this.name;
  }
  getId(): string {
    return 'fake-spreadsheet-id';
  }
  getActiveRange(): GRange | null {
    return this.activeRange?.api ?? null;
  }
  toast(): void {}
}

export class FakeSheet implements Pick<
  GSheet,
  | 'getName'
  | 'getSheetId'
  | 'getRange'
  | 'getDataRange'
  | 'getSheetValues'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'insertRowsAfter'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'getColumnWidth'
  | 'activate'
> {
  readonly api: GSheet;
  /** Stored cell values by row (0-based): numbers, strings, booleans; '' is empty. */
  readonly values: Stored[][] = [];
  readonly formulas = new Map<number, string>();
  readonly formats = new Map<number, string>();
  readonly validations = new Map<number, FakeDataValidation>();
  readonly backgrounds = new Map<number, string>();
  readonly fontColors = new Map<number, string>();
  readonly fontWeights = new Map<number, string>();
  readonly notes = new Map<number, string>();
  readonly columnWidths = new Map<number, number>();
  conditionalFormatRules: FakeConditionalFormatRule[] = [];
  frozenRows = 0;
  private computed: Map<number, Stored> | null = null;

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
    readonly id: number,
    public maxRows: number,
    public maxColumns: number,
  ) {
    this.api = counted(this, 'Sheet', spreadsheet.counter) as unknown as GSheet;
  }

  // ---- test helpers (not counted) ----

  /** Puts rows of cells from row `firstRow` as a user would have them: Dates become date cells. */
  seed(rows: readonly (readonly unknown[])[], firstRow = 1, dateFormat = 'yyyy-mm-dd'): void {
    this.ensureSize(firstRow + rows.length - 1, Math.max(0, ...rows.map((r) => r.length)));
    rows.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        const row = firstRow - 1 + r;
        if (cell === null || cell === undefined || cell === '') return this.put(row, c, '');
        if (isDateValue(cell)) {
          // A calendar day (a Date at UTC midnight) typed into the sheet.
          this.put(row, c, Math.round(cell.getTime() / MS_PER_DAY) + EPOCH_SERIAL);
          this.formats.set(key(row, c), dateFormat);
          return;
        }
        if (typeof cell === 'string' && cell.startsWith('=')) return this.putFormula(row, c, cell);
        this.put(row, c, cell as Stored);
      }),
    );
  }

  cell(row: number, col: number): Stored {
    return this.values[row - 1]?.[col - 1] ?? '';
  }
  formula(row: number, col: number): string {
    return this.formulas.get(key(row - 1, col - 1)) ?? '';
  }
  format(row: number, col: number): string | undefined {
    return this.formats.get(key(row - 1, col - 1));
  }
  validation(row: number, col: number): FakeDataValidation | undefined {
    return this.validations.get(key(row - 1, col - 1));
  }
  style(map: 'backgrounds' | 'fontColors' | 'fontWeights' | 'notes', row: number, col: number): string | undefined {
    return this[map].get(key(row - 1, col - 1));
  }
  /** A deep copy of everything a user could see or lose, for before/after comparisons. */
  snapshot(): unknown {
    return JSON.parse(
      JSON.stringify({
        values: this.values,
        formulas: [...this.formulas],
        formats: [...this.formats],
        validations: [...this.validations],
        backgrounds: [...this.backgrounds],
        fontColors: [...this.fontColors],
        fontWeights: [...this.fontWeights],
        notes: [...this.notes],
        widths: [...this.columnWidths],
        rules: this.conditionalFormatRules.length,
        frozen: this.frozenRows,
      }),
    );
  }
  /** What getValues() shows for one cell (formulas computed, dates as Dates). */
  shown(row: number, col: number): unknown {
    return this.readCell(row - 1, col - 1);
  }

  /** "General" is Sheets' automatic format: the cell has no format of its own. */
  setFormat(k: number, format: string): void {
    if (format === 'General') this.formats.delete(k);
    else this.formats.set(k, format);
  }

  ensureSize(rows: number, columns: number): void {
    this.maxRows = Math.max(this.maxRows, rows);
    this.maxColumns = Math.max(this.maxColumns, columns);
  }

  // ---- storage ----

  put(r: number, c: number, value: Stored): void {
    this.formulas.delete(key(r, c));
    this.store(r, c, value);
  }

  putFormula(r: number, c: number, formula: string): void {
    this.formulas.set(key(r, c), formula);
    this.store(r, c, '');
  }

  private store(r: number, c: number, value: Stored): void {
    this.computed = null;
    let row = this.values[r];
    if (row === undefined) {
      if (value === '') return;
      while (this.values.length <= r) this.values.push([]);
      row = this.values[r];
    }
    while (row.length <= c) row.push('');
    row[c] = value;
  }

  readCell(r: number, c: number): unknown {
    const k = key(r, c);
    const raw = this.formulas.has(k) ? this.formulaValue(k) : (this.values[r]?.[c] ?? '');
    if (typeof raw === 'number' && isDateFormat(this.formats.get(k))) return this.spreadsheet.zone.dateOf(raw);
    return raw;
  }

  /** Formulas computed with HyperFormula over the whole sheet, cached until the next write. */
  private formulaValue(k: number): Stored {
    if (this.computed === null) {
      const rows = this.lastRow();
      const cols = this.lastColumn();
      const data: (Stored | null)[][] = [];
      for (let r = 0; r < rows; r++) {
        const line: (Stored | null)[] = [];
        for (let c = 0; c < cols; c++) {
          const formula = this.formulas.get(key(r, c));
          const value = this.values[r]?.[c] ?? '';
          line.push(formula ?? (value === '' ? null : value));
        }
        data.push(line);
      }
      // Sheets caps a spreadsheet at 10 million cells, not HyperFormula's default 40,000 rows.
      const hf = HyperFormula.buildFromArray(data, { licenseKey: 'gpl-v3', maxRows: 10_000_000 });
      const out = hf.getSheetValues(0);
      hf.destroy();
      this.computed = new Map();
      for (const f of this.formulas.keys()) {
        const r = Math.floor(f / KEY_COLUMNS);
        const c = f % KEY_COLUMNS;
        const v = out[r]?.[c];
        this.computed.set(f, v === null || v === undefined ? '' : typeof v === 'object' ? '#ERROR!' : (v as Stored));
      }
    }
    return this.computed.get(k) ?? '';
  }

  lastRow(): number {
    let last = 0;
    this.values.forEach((row, r) => {
      if (row.some((v) => v !== '')) last = r + 1;
    });
    for (const k of this.formulas.keys()) last = Math.max(last, Math.floor(k / KEY_COLUMNS) + 1);
    return last;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.values) for (let c = row.length - 1; c >= last; c--) if (row[c] !== '') last = c + 1;
    for (const k of this.formulas.keys()) last = Math.max(last, (k % KEY_COLUMNS) + 1);
    return last;
  }

  range(row: number, col: number, rows = 1, cols = 1): FakeRange {
    const whole = [row, col, rows, cols].every((n) => Number.isInteger(n));
    if (
      !whole ||
      row < 1 ||
      col < 1 ||
      rows < 1 ||
      cols < 1 ||
      row + rows - 1 > this.maxRows ||
      col + cols - 1 > this.maxColumns
    ) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, row, col, rows, cols);
  }

  rangeA1(a1: string): FakeRange {
    const m = /^\$?([A-Z]*)\$?(\d*)(?::\$?([A-Z]*)\$?(\d*))?$/i.exec(a1.trim());
    if (m === null || (m[1] === '' && m[2] === '')) throw new Error(`Range not found: ${a1}`);
    const colOf = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const [, c1, r1, c2, r2] = m;
    const single = c2 === undefined && r2 === undefined;
    const firstRow = r1 === '' ? 1 : Number(r1);
    const firstCol = c1 === '' ? 1 : colOf(c1);
    const lastRow = single ? (r1 === '' ? this.maxRows : firstRow) : r2 === '' ? this.maxRows : Number(r2);
    const lastCol = single ? (c1 === '' ? this.maxColumns : firstCol) : c2 === '' ? this.maxColumns : colOf(c2);
    if (lastRow > this.maxRows || lastCol > this.maxColumns) throw new Error(`Range not found: ${a1}`);
    return this.range(firstRow, firstCol, lastRow - firstRow + 1, lastCol - firstCol + 1);
  }

  // ---- the Sheet API ----

  getName(): string {
    return this.name;
  }
  getSheetId(): number {
    return this.id;
  }
  getParent(): GSpreadsheet {
    return this.spreadsheet.api;
  }
  getRange(a: unknown, b?: unknown, c?: unknown, d?: unknown): GRange {
    if (typeof a === 'string') return this.rangeA1(a).api;
    return this.range(a as number, b as number, (c as number | undefined) ?? 1, (d as number | undefined) ?? 1).api;
  }
  getRangeList(a1Notations: string[]): GRangeList {
    return new FakeRangeList(
      this,
      a1Notations.map((a1) => this.rangeA1(a1)),
    ).api;
  }
  getDataRange(): GRange {
    return this.range(1, 1, Math.max(1, this.lastRow()), Math.max(1, this.lastColumn())).api;
  }
  /**
   * The values of a rectangle in one call, as getRange(…).getValues() gives them. A row or column
   * count of -1 reaches the last row or column with data; a rectangle that would be empty (a sheet
   * without data there) throws, as a range of zero rows does in Sheets.
   */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const rows = numRows === -1 ? this.lastRow() - startRow + 1 : numRows;
    const cols = numColumns === -1 ? this.lastColumn() - startColumn + 1 : numColumns;
    if (rows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (cols < 1) throw new Error('The number of columns in the range must be at least 1.');
    return this.range(startRow, startColumn, rows, cols).getValues();
  }
  getLastRow(): number {
    return this.lastRow();
  }
  getLastColumn(): number {
    return this.lastColumn();
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxColumns;
  }
  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    if (afterPosition !== this.maxRows) throw new Error('The fake only appends rows at the end.');
    this.maxRows += howMany;
    return this.api;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    if (afterPosition !== this.maxColumns) throw new Error('The fake only appends columns at the end.');
    this.maxColumns += howMany;
    return this.api;
  }
  setFrozenRows(rows: number): void {
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  setColumnWidth(columnPosition: number, width: number): GSheet {
    this.columnWidths.set(columnPosition, width);
    return this.api;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): GSheet {
    for (let c = 0; c < numColumns; c++) this.columnWidths.set(startColumn + c, width);
    return this.api;
  }
  getColumnWidth(columnPosition: number): number {
    return this.columnWidths.get(columnPosition) ?? 100;
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.conditionalFormatRules = rules as unknown as FakeConditionalFormatRule[];
  }
  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return this.conditionalFormatRules as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRule[];
  }
  activate(): GSheet {
    this.spreadsheet.active = this;
    return this.api;
  }
}

export class FakeRange implements Pick<
  GRange,
  | 'getValues'
  | 'setValues'
  | 'getValue'
  | 'setValue'
  | 'getFormulas'
  | 'setFormulas'
  | 'getDisplayValues'
  | 'getNumberFormats'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setDataValidations'
  | 'setBackgrounds'
  | 'setFontColors'
  | 'setFontWeights'
  | 'setTextStyles'
  | 'setNotes'
  | 'activate'
  | 'getA1Notation'
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getSheet'
> {
  private static readonly byProxy = new WeakMap<object, FakeRange>();
  readonly api: GRange;

  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly rows: number,
    readonly cols: number,
  ) {
    this.api = counted(this, 'Range', sheet.spreadsheet.counter) as unknown as GRange;
    FakeRange.byProxy.set(this.api, this);
  }

  static raw(range: GRange): FakeRange {
    const raw = FakeRange.byProxy.get(range);
    if (!raw) throw new Error('Not a range of this fake.');
    return raw;
  }

  private each<T>(read: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this.cols; c++) line.push(read(this.row - 1 + r, this.col - 1 + c));
      out.push(line);
    }
    return out;
  }

  private checkShape(grid: unknown, what: string): unknown[][] {
    if (!Array.isArray(grid) || grid.length !== this.rows) {
      throw new Error(
        `The number of rows in the ${what} does not match the number of rows in the range. The ${what} has ${Array.isArray(grid) ? grid.length : 0} but the range has ${this.rows}.`,
      );
    }
    for (const line of grid) {
      if (!Array.isArray(line) || line.length !== this.cols) {
        throw new Error(
          `The number of columns in the ${what} does not match the number of columns in the range. The ${what} has ${Array.isArray(line) ? line.length : 0} but the range has ${this.cols}.`,
        );
      }
    }
    return grid as unknown[][];
  }

  /** A value as Sheets stores what a script writes with setValues (typed-input semantics). */
  private write(r: number, c: number, value: unknown): void {
    const sheet = this.sheet;
    const k = key(r, c);
    const rule = sheet.validations.get(k);
    const stored = (v: Stored) => {
      if (rule && !rule.allowInvalid && v !== '' && !rule.values.includes(String(v))) {
        throw new Error(
          `The data you entered in cell ${a1Of(r + 1, c + 1)} violates the data validation rules set on this cell.`,
        );
      }
      sheet.put(r, c, v);
    };
    if (value === null || value === undefined || value === '') return stored('');
    if (isDateValue(value)) {
      if (!sheet.formats.has(k)) sheet.formats.set(k, 'M/d/yyyy');
      return stored(sheet.spreadsheet.zone.serialOf(value.getTime()));
    }
    if (typeof value === 'number' || typeof value === 'boolean') return stored(value);
    if (typeof value !== 'string') return stored(String(value));
    // A plain-text cell keeps a string as it is: no formula, no number, and an apostrophe stays visible.
    if (sheet.formats.get(k) === '@') return stored(value);
    if (value.startsWith("'")) return stored(value.slice(1));
    if (value.startsWith('=')) return sheet.putFormula(r, c, value);
    const text = value.trim();
    if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return stored(Number(text));
    if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return stored(Number(text.replace(/,/g, '')));
    if (/^-?\d+(\.\d+)?%$/.test(text)) return stored(Number(text.slice(0, -1)) / 100);
    if (/^(true|false)$/i.test(text)) return stored(text.toLowerCase() === 'true');
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    if (iso) {
      if (!sheet.formats.has(k)) sheet.formats.set(k, 'yyyy-mm-dd');
      return stored(Date.UTC(+iso[1], +iso[2] - 1, +iso[3]) / MS_PER_DAY + EPOCH_SERIAL);
    }
    return stored(value);
  }

  getValues(): unknown[][] {
    return this.each((r, c) => this.sheet.readCell(r, c));
  }
  setValues(values: unknown[][]): GRange {
    this.checkShape(values, 'data').forEach((line, r) =>
      line.forEach((v, c) => this.write(this.row - 1 + r, this.col - 1 + c, v)),
    );
    return this.api;
  }
  getValue(): unknown {
    return this.sheet.readCell(this.row - 1, this.col - 1);
  }
  setValue(value: unknown): GRange {
    for (let r = 0; r < this.rows; r++)
      for (let c = 0; c < this.cols; c++) this.write(this.row - 1 + r, this.col - 1 + c, value);
    return this.api;
  }
  getFormulas(): string[][] {
    return this.each((r, c) => this.sheet.formulas.get(key(r, c)) ?? '');
  }
  setFormulas(formulas: string[][]): GRange {
    this.checkShape(formulas, 'data').forEach((line, r) =>
      line.forEach((f, c) =>
        f
          ? this.sheet.putFormula(this.row - 1 + r, this.col - 1 + c, String(f))
          : this.sheet.put(this.row - 1 + r, this.col - 1 + c, ''),
      ),
    );
    return this.api;
  }
  getDisplayValues(): string[][] {
    return this.each((r, c) => {
      const value = this.sheet.readCell(r, c);
      const format = this.sheet.formats.get(key(r, c));
      if (isDateValue(value)) {
        const wall = new Date(this.sheet.spreadsheet.zone.wallClock(value.getTime()));
        return wall.toISOString().slice(0, 10);
      }
      if (typeof value === 'number' && format?.includes('%')) return `${Math.round(value * 100)}%`;
      if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
      return String(value);
    });
  }
  getNumberFormats(): string[][] {
    return this.each((r, c) => this.sheet.formats.get(key(r, c)) ?? 'General');
  }
  setNumberFormat(format: string): GRange {
    this.each((r, c) => this.sheet.setFormat(key(r, c), format));
    return this.api;
  }
  setNumberFormats(formats: string[][]): GRange {
    this.checkShape(formats, 'data').forEach((line, r) =>
      line.forEach((f, c) => this.sheet.setFormat(key(this.row - 1 + r, this.col - 1 + c), String(f))),
    );
    return this.api;
  }
  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): GRange {
    this.checkShape(rules, 'data').forEach((line, r) =>
      line.forEach((rule, c) => {
        const k = key(this.row - 1 + r, this.col - 1 + c);
        if (rule === null) this.sheet.validations.delete(k);
        else this.sheet.validations.set(k, rule as unknown as FakeDataValidation);
      }),
    );
    return this.api;
  }
  private setStyle(map: Map<number, string>, grid: unknown[][]): GRange {
    this.checkShape(grid, 'data').forEach((line, r) =>
      line.forEach((v, c) => {
        const k = key(this.row - 1 + r, this.col - 1 + c);
        if (v === null || v === '') map.delete(k);
        else map.set(k, String(v));
      }),
    );
    return this.api;
  }
  setBackgrounds(colors: string[][]): GRange {
    return this.setStyle(this.sheet.backgrounds, colors);
  }
  setFontColors(colors: unknown[][]): GRange {
    return this.setStyle(this.sheet.fontColors, colors);
  }
  setFontWeights(weights: unknown[][]): GRange {
    return this.setStyle(this.sheet.fontWeights, weights);
  }
  setNotes(notes: unknown[][]): GRange {
    return this.setStyle(this.sheet.notes, notes);
  }
  /** A style's unset parts leave the cell's as they are; set ones replace them. */
  setTextStyles(styles: GoogleAppsScript.Spreadsheet.TextStyle[][]): GRange {
    this.checkShape(styles, 'data').forEach((line, r) =>
      line.forEach((style, c) => {
        if (!(style instanceof FakeTextStyle)) throw new Error('Exception: Invalid argument: textStyles');
        const k = key(this.row - 1 + r, this.col - 1 + c);
        if (style.bold !== null) this.sheet.fontWeights.set(k, style.bold ? 'bold' : 'normal');
        if (style.color !== null) this.sheet.fontColors.set(k, style.color);
      }),
    );
    return this.api;
  }
  activate(): GRange {
    this.sheet.spreadsheet.active = this.sheet;
    this.sheet.spreadsheet.activeRange = this;
    return this.api;
  }
  getA1Notation(): string {
    const first = a1Of(this.row, this.col);
    return this.rows === 1 && this.cols === 1
      ? first
      : `${first}:${a1Of(this.row + this.rows - 1, this.col + this.cols - 1)}`;
  }
  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.rows;
  }
  getNumColumns(): number {
    return this.cols;
  }
  getSheet(): GSheet {
    return this.sheet.api;
  }
}

export class FakeRangeList implements Pick<GRangeList, 'getRanges' | 'setNumberFormat'> {
  readonly api: GRangeList;
  constructor(
    readonly sheet: FakeSheet,
    readonly ranges: FakeRange[],
  ) {
    this.api = counted(this, 'RangeList', sheet.spreadsheet.counter) as unknown as GRangeList;
  }
  getRanges(): GRange[] {
    return this.ranges.map((r) => r.api);
  }
  setNumberFormat(format: string): GRangeList {
    for (const range of this.ranges) range.setNumberFormat(format);
    return this.api;
  }
}

export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function a1Of(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}
