import { dayFromDate, dayFromIso, serialFromDay, templateFor } from '../../shared/index.js';
import type { CellValue, ColumnKey, TemplateSpec } from '../../shared/index.js';
import type { TemplateRequest, TemplateResponse } from '../protocol.js';
import { textCell } from './cells.js';
import { isDate } from './time-zone.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** A new sheet's columns are this wide already: no call needed for them. */
const DEFAULT_COLUMN_WIDTH = 100;
/** Sheet names tried: "Cascade", "Cascade 2", … */
const MAX_NAME_TRIES = 100;
const TEXT_FORMAT = '@';
/** Sheets' automatic number format: a cell without a format of its own. */
const NO_FORMAT = 'General';
/** Columns kept as typed text, so an ID like 1.10 never turns into the number 1.1. */
const TEXT_COLUMNS: readonly ColumnKey[] = ['id', 'parent'];

/**
 * A template from the core, always into a NEW sheet (never over data): header, examples, live
 * Progress formulas, dropdowns, formats, colours, notes, frozen header and the Title's width. Each
 * property goes in with one call over every row of the sheet (rows typed in later share the
 * formats and shading), the colours with one range per coloured column, and the new sheet is
 * active as insertSheet leaves it. No lock is needed because nobody else writes a
 * sheet that did not exist, and insertSheet refuses a taken name. The "today" and over-100 %
 * setting come with the request, so no settings or time zone are read.
 */
export function insertTemplate(request: TemplateRequest): TemplateResponse {
  const spec = templateFor(request.framework, {
    examples: request.examples,
    today: dayFromIso(request.today),
    allowOver: request.allowOver,
    fewWidths: true,
  });
  const name = writeTemplateSheet(SpreadsheetApp.getActiveSpreadsheet(), spec, spec.sheetName);
  return {
    sheet: name,
    framework: spec.framework.id,
    exampleRows: spec.rows.length,
    formattedRows: spec.formattedRows,
  };
}

/**
 * A template spec (a new plan, or a plan converted from a manager's table) into a NEW sheet named
 * `base` (or "base 2", …); returns its name. Rows are added when the spec has more than the sheet;
 * with `wide`, columns too (a converted plan carries the table's other columns along).
 */
export function writeTemplateSheet(spreadsheet: Spreadsheet, spec: TemplateSpec, base: string, wide = false): string {
  const { sheet, name } = insertNewSheet(spreadsheet, base);
  const width = spec.header.length;
  const maxRows = sheet.getMaxRows();
  if (spec.formattedRows + 1 > maxRows) sheet.insertRowsAfter(maxRows, spec.formattedRows + 1 - maxRows);
  const rows = Math.max(maxRows, spec.formattedRows + 1);
  if (wide) {
    const maxColumns = sheet.getMaxColumns();
    if (width > maxColumns) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
  }
  // Every property goes in with one call over the whole sheet's width and rows (the rows below the
  // formatted ones get blank values, no dropdown, no note and an empty text style, which change
  // nothing on a new sheet). Each range comes from its own getRange: a RangeList's getRanges()
  // promises no order, so ranges are never told apart by their place in one.
  const whole = sheet.getRange(1, 1, rows, width);
  whole.setValues(padRows(blockValues(spec), rows, width, ''));
  whole.setDataValidations(padRows(blockValidations(spec, spec.formattedRows + 1), rows, width, null));
  whole.setNumberFormats(columnGrid(spec, rows, NO_FORMAT, numberFormatOf(spec)));
  whole.setBackgrounds(columnGrid(spec, rows, spec.headerStyle.background, backgroundOf(spec)));
  whole.setTextStyles(
    padRows([new Array(width).fill(headerTextStyle(spec))], rows, width, SpreadsheetApp.newTextStyle().build()),
  );
  whole.setNotes(padRows([spec.header.map((_, c) => noteOf(spec, c))], rows, width, ''));
  sheet.setFrozenRows(spec.frozenRows);
  setColours(sheet, spec, rows);
  setWidths(sheet, spec);
  return name;
}

/** `grid` followed by rows of `fill` up to `rows` rows (one shared line: Sheets only reads the grid). */
function padRows<T>(grid: T[][], rows: number, width: number, fill: T): T[][] {
  const line = new Array<T>(width).fill(fill);
  const out = grid.slice(0, rows);
  while (out.length < rows) out.push(line);
  return out;
}

/** insertSheet is atomic and refuses a taken name: try "Cascade", then "Cascade 2", … */
function insertNewSheet(spreadsheet: Spreadsheet, base: string): { sheet: Sheet; name: string } {
  for (let n = 1; n <= MAX_NAME_TRIES; n++) {
    const name = n === 1 ? base : `${base} ${n}`;
    try {
      return { sheet: spreadsheet.insertSheet(name), name };
    } catch (error) {
      if (spreadsheet.getSheetByName(name) === null) throw error; // failed for another reason
    }
  }
  throw new Error(`Sheets named "${base}" up to "${base} ${MAX_NAME_TRIES}" exist already: rename one and try again.`);
}

/** Header, example rows and the live Progress formula on every formatted row. */
function blockValues(spec: TemplateSpec): CellValue[][] {
  const progress = spec.columns.progress;
  const out: CellValue[][] = [[...spec.header]];
  for (let r = 0; r < spec.formattedRows; r++) {
    const row = r + 2;
    const example = spec.rows[r];
    const line: CellValue[] = new Array(spec.header.length);
    for (let c = 0; c < spec.header.length; c++) {
      const cell = example?.[c] ?? null;
      if (c === progress) line[c] = example === undefined ? spec.progressFormula(row) : (cell ?? '');
      else line[c] = sheetCell(cell);
    }
    out.push(line);
  }
  return out;
}

/** A template cell for setValues: dates as serial numbers (no time zone can shift them), text as text. */
function sheetCell(cell: CellValue): CellValue {
  if (cell === null) return '';
  if (isDate(cell)) return serialFromDay(dayFromDate(cell));
  return typeof cell === 'string' ? textCell(cell) : cell;
}

/** Dropdowns on the formatted rows, none on the header. */
function blockValidations(spec: TemplateSpec, rows: number): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
  const byColumn = new Map<number, GoogleAppsScript.Spreadsheet.DataValidation>();
  for (const v of spec.validations) {
    const col = spec.columns[v.column];
    if (col !== undefined)
      byColumn.set(
        col,
        SpreadsheetApp.newDataValidation().requireValueInList(v.values, true).setAllowInvalid(!v.strict).build(),
      );
  }
  return columnGrid(spec, rows, null, (col) => byColumn.get(col) ?? null);
}

/**
 * A grid of `rows` rows over the template's columns: the header row gets `head`, each row below the
 * same line of `body(column)` (one shared array: Sheets only reads the grid).
 */
function columnGrid<T>(spec: TemplateSpec, rows: number, head: T, body: (col: number) => T): T[][] {
  const width = spec.header.length;
  const line = Array.from({ length: width }, (_, c) => body(c));
  const grid: T[][] = [new Array(width).fill(head)];
  for (let r = 1; r < rows; r++) grid.push(line);
  return grid;
}

/** Date, percent and text formats by column; the automatic format elsewhere. */
function numberFormatOf(spec: TemplateSpec): (col: number) => string {
  const formats = new Map<number | undefined, string>();
  for (const key of spec.dateColumns) formats.set(spec.columns[key], spec.formats.date);
  for (const key of spec.percentColumns) formats.set(spec.columns[key], spec.formats.percent);
  for (const key of TEXT_COLUMNS) formats.set(spec.columns[key], TEXT_FORMAT);
  return (col) => formats.get(col) ?? NO_FORMAT;
}

/** The columns the tools fill in are shaded. */
function backgroundOf(spec: TemplateSpec): (col: number) => string | null {
  const computed = new Set(spec.computedColumns.map((key) => spec.columns[key]));
  return (col) => (computed.has(col) ? spec.computedStyle.background : null);
}

function headerTextStyle(spec: TemplateSpec): GoogleAppsScript.Spreadsheet.TextStyle {
  return SpreadsheetApp.newTextStyle()
    .setForegroundColor(spec.headerStyle.color)
    .setBold(spec.headerStyle.bold)
    .build();
}

function noteOf(spec: TemplateSpec, col: number): string {
  for (const [key, index] of Object.entries(spec.columns)) if (index === col) return spec.notes[key as ColumnKey] ?? '';
  return '';
}

/** Conditional colours (cell text → colours), per column, over the column below the header (one range per column). */
function setColours(sheet: Sheet, spec: TemplateSpec, rows: number): void {
  const rangeOf = colourRanges(sheet, spec, rows);
  const rules = spec.colours
    .filter((c) => rangeOf.has(c.column))
    .map((c) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenTextEqualTo(c.equals)
        .setBackground(c.background)
        .setFontColor(c.color)
        .setRanges([rangeOf.get(c.column) as Range])
        .build(),
    );
  if (rules.length > 0) sheet.setConditionalFormatRules(rules);
}

/** Columns that hold only numbers (or formulas giving numbers): a rule on a cell's text never matches there. */
const NUMBER_COLUMNS: readonly ColumnKey[] = ['start', 'target', 'weight', 'progress'];

/**
 * The range each coloured column's rules apply to, below the header. Where the coloured columns
 * (Status, Pace) have only number columns between them and give each word one colour, one range
 * spans them all, so every rule applies to each (same words, same colours; a number never equals
 * "Done"): one call instead of one per column. Otherwise a range per column.
 */
function colourRanges(sheet: Sheet, spec: TemplateSpec, rows: number): Map<ColumnKey, Range> {
  const out = new Map<ColumnKey, Range>();
  if (rows <= spec.frozenRows) return out;
  const keys = [...new Set(spec.colours.map((c) => c.column))].filter((key) => spec.columns[key] !== undefined);
  const cols = keys.map((key) => spec.columns[key] as number);
  const first = Math.min(...cols);
  const last = Math.max(...cols);
  const inSpan = Object.entries(spec.columns).filter(
    ([, index]) => (index as number) >= first && (index as number) <= last,
  );
  const onlyNumbersBetween =
    inSpan.length === last - first + 1 &&
    inSpan.every(([key]) => keys.includes(key as ColumnKey) || NUMBER_COLUMNS.includes(key as ColumnKey));
  const colourOfWord = new Map<string, string>();
  const oneColourPerWord = spec.colours.every((c) => {
    const word = c.equals.toLowerCase();
    const colour = `${c.background} ${c.color}`;
    if (!colourOfWord.has(word)) colourOfWord.set(word, colour);
    return colourOfWord.get(word) === colour;
  });
  const body = (col: number, width: number) =>
    sheet.getRange(spec.frozenRows + 1, col + 1, rows - spec.frozenRows, width);
  if (keys.length > 1 && onlyNumbersBetween && oneColourPerWord) {
    const span = body(first, last - first + 1);
    for (const key of keys) out.set(key, span);
  } else {
    keys.forEach((key, i) => out.set(key, body(cols[i], 1)));
  }
  return out;
}

/** Widths in runs of equal width (one call per run); columns at the default width need none. */
function setWidths(sheet: Sheet, spec: TemplateSpec): void {
  const widths: (number | undefined)[] = new Array(spec.header.length).fill(undefined);
  for (const [key, index] of Object.entries(spec.columns)) widths[index as number] = spec.widths[key as ColumnKey];
  let c = 0;
  while (c < widths.length) {
    const w = widths[c];
    let end = c + 1;
    while (end < widths.length && widths[end] === w) end++;
    if (w !== undefined && w !== DEFAULT_COLUMN_WIDTH) sheet.setColumnWidths(c + 1, end - c, w);
    c = end;
  }
}
