import { columnLetter, dayFromDate, serialFromDay, templateFor } from '../../shared/index.js';
import type { CellValue, ColumnKey, TemplateSpec } from '../../shared/index.js';
import type { TemplateRequest, TemplateResponse } from '../protocol.js';
import { textCell } from './cells.js';
import { openSession } from './session.js';
import { isDate } from './time-zone.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A new sheet's columns are this wide already: no call needed for them. */
const DEFAULT_COLUMN_WIDTH = 100;
/** Sheet names tried: "Cascade", "Cascade 2", … */
const MAX_NAME_TRIES = 100;
const TEXT_FORMAT = '@';
/** Columns kept as typed text, so an ID like 1.10 never turns into the number 1.1. */
const TEXT_COLUMNS: readonly ColumnKey[] = ['id', 'parent'];

/**
 * A template from the core, always into a NEW sheet (never over data): header, examples, live
 * Progress formulas, dropdowns, formats, colours, notes, frozen header and widths. Everything is
 * written through one block range (header + formatted rows) with one call per property; no lock is
 * needed because nobody else writes a sheet that did not exist, and insertSheet refuses a taken name.
 */
export function insertTemplate(request: TemplateRequest): TemplateResponse {
  const session = openSession();
  const spec = templateFor(request.framework, {
    examples: request.examples,
    today: session.today,
    allowOver: session.settings.allowOver,
  });
  const { sheet, name } = insertNewSheet(session.spreadsheet, spec.sheetName);
  const width = spec.header.length;
  const rows = spec.formattedRows + 1;
  const block = sheet.getRange(1, 1, rows, width);
  block.setValues(blockValues(spec));
  block.setDataValidations(blockValidations(spec, rows));
  const styles = blockStyles(spec, rows);
  block.setBackgrounds(styles.backgrounds);
  block.setFontColors(styles.colors);
  block.setFontWeights(styles.weights);
  block.setNotes(styles.notes);
  setNumberFormats(sheet, spec);
  sheet.setFrozenRows(spec.frozenRows);
  setColours(sheet, spec);
  setWidths(sheet, spec);
  sheet.activate();
  return {
    sheet: name,
    framework: spec.framework.id,
    exampleRows: spec.rows.length,
    formattedRows: spec.formattedRows,
  };
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

function blockValidations(spec: TemplateSpec, rows: number): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
  const byColumn: (GoogleAppsScript.Spreadsheet.DataValidation | null)[] = new Array(spec.header.length).fill(null);
  for (const v of spec.validations) {
    const col = spec.columns[v.column];
    if (col === undefined) continue;
    byColumn[col] = SpreadsheetApp.newDataValidation().requireValueInList(v.values, true).setAllowInvalid(!v.strict).build();
  }
  const out: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] = [new Array(spec.header.length).fill(null)];
  for (let r = 1; r < rows; r++) out.push(byColumn);
  return out;
}

function blockStyles(spec: TemplateSpec, rows: number) {
  const width = spec.header.length;
  const computed = new Set(spec.computedColumns.map((key) => spec.columns[key]));
  const header = spec.headerStyle;
  const backgrounds: (string | null)[][] = [new Array(width).fill(header.background)];
  const colors: (string | null)[][] = [new Array(width).fill(header.color)];
  const weights: (GoogleAppsScript.Spreadsheet.FontWeight | null)[][] = [new Array(width).fill(header.bold ? 'bold' : 'normal')];
  const notes: string[][] = [spec.header.map((_, c) => noteOf(spec, c))];
  const bodyBackground = Array.from({ length: width }, (_, c) => (computed.has(c) ? spec.computedStyle.background : null));
  const bodyColor: (string | null)[] = new Array(width).fill(null);
  const bodyWeight: (GoogleAppsScript.Spreadsheet.FontWeight | null)[] = new Array(width).fill(null);
  const bodyNotes: string[] = new Array(width).fill('');
  for (let r = 1; r < rows; r++) {
    backgrounds.push(bodyBackground);
    colors.push(bodyColor);
    weights.push(bodyWeight);
    notes.push(bodyNotes);
  }
  return { backgrounds, colors, weights, notes };
}

function noteOf(spec: TemplateSpec, col: number): string {
  for (const [key, index] of Object.entries(spec.columns)) if (index === col) return spec.notes[key as ColumnKey] ?? '';
  return '';
}

/** A1 notation of a column below the header, open-ended so rows added later share the format. */
function bodyA1(spec: TemplateSpec, key: ColumnKey): string | null {
  const col = spec.columns[key];
  if (col === undefined) return null;
  const letter = columnLetter(col);
  return `${letter}${spec.frozenRows + 1}:${letter}`;
}

/** One range list per format: dates, percent, text. */
function setNumberFormats(sheet: Sheet, spec: TemplateSpec): void {
  const groups: [ColumnKey[], string][] = [
    [spec.dateColumns, spec.formats.date],
    [spec.percentColumns, spec.formats.percent],
    [TEXT_COLUMNS.filter((key) => spec.columns[key] !== undefined), TEXT_FORMAT],
  ];
  for (const [keys, format] of groups) {
    const a1 = keys.map((key) => bodyA1(spec, key)).filter((a): a is string => a !== null);
    if (a1.length > 0) sheet.getRangeList(a1).setNumberFormat(format);
  }
}

/** Conditional colours (cell text → colours), per column, over the whole column below the header. */
function setColours(sheet: Sheet, spec: TemplateSpec): void {
  const keys = [...new Set(spec.colours.map((c) => c.column))].filter((key) => bodyA1(spec, key) !== null);
  if (keys.length === 0) return;
  const ranges = sheet.getRangeList(keys.map((key) => bodyA1(spec, key) as string)).getRanges();
  const rangeOf = new Map(keys.map((key, i) => [key, ranges[i]]));
  const rules = spec.colours
    .filter((c) => rangeOf.has(c.column))
    .map((c) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenTextEqualTo(c.equals)
        .setBackground(c.background)
        .setFontColor(c.color)
        .setRanges([rangeOf.get(c.column) as GoogleAppsScript.Spreadsheet.Range])
        .build(),
    );
  sheet.setConditionalFormatRules(rules);
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
