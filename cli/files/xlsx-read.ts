import type { Workbook, Worksheet } from 'exceljs';
import { COLUMNS, PlanFormatError, columnLetter, mapColumns, type CellValue, type RawTable } from '../../shared/index.js';
import { errorReason, fileError, planFormatError } from '../errors.js';
import { isUncomputedFormula, plainCellValue } from './cell-value.js';
import { findHeaderRow, tableFromGrid, type Grid } from './grid.js';
import type { PlanFile } from './read.js';
import { readBytes, sniff } from './probe.js';

/** The sheet that holds the plan when one is named so (any case). */
export const PLAN_SHEET_NAME = 'Cascade';

export async function readXlsxPlan(path: string): Promise<PlanFile> {
  const workbook = await loadWorkbook(path);
  const sheets = workbook.worksheets;
  if (sheets.length === 0) throw fileError(path, 'the workbook has no sheets.');

  const named = sheets.find((sheet) => sheet.name.trim().toLowerCase() === PLAN_SHEET_NAME.toLowerCase());
  const grids = new Map<Worksheet, SheetCells>();
  const cellsOf = (sheet: Worksheet) => grids.get(sheet) ?? grids.set(sheet, sheetCells(sheet)).get(sheet)!;
  const sheet = named ?? sheets.find((s) => findHeaderRow(cellsOf(s).grid) >= 0) ?? sheets[0];

  try {
    const { grid, uncomputed } = cellsOf(sheet);
    const table = tableFromGrid(grid);
    const warning = uncomputedWarning(path, sheet.name, table, uncomputed);
    return { path, kind: 'xlsx', sheetName: sheet.name, table, warnings: warning ? [warning] : [] };
  } catch (error) {
    if (!(error instanceof PlanFormatError)) throw error;
    const others = named || sheets.length === 1 ? '' : ` No sheet is named "${PLAN_SHEET_NAME}" and no other sheet has these headers either.`;
    throw planFormatError(path, { message: error.message + others, where: error.where }, { sheet: sheet.name });
  }
}

/** Reads the workbook, telling apart a missing file, a non-workbook and a broken workbook. */
async function loadWorkbook(path: string): Promise<Workbook> {
  const bytes = await readBytes(path);
  const kind = sniff(bytes);
  if (kind === 'ole') {
    throw fileError(path, 'this is an old-format (.xls) or password-protected workbook; save it as an .xlsx workbook without a password.');
  }
  if (kind !== 'zip') {
    const what = kind ? `it is ${kind}` : 'it is not a zip archive';
    throw fileError(path, `not an Excel workbook: ${what}. Save the plan as .xlsx, or use a .csv file.`);
  }
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares load() as taking an ArrayBuffer; at run time it takes Node's Buffer (its own readFile passes one).
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw fileError(path, `not a readable Excel workbook (${errorReason(error).slice(0, 160)}). Open it in a spreadsheet and save it again as .xlsx.`);
  }
  return workbook;
}

interface SheetCells {
  grid: Grid;
  /** Formula cells saved without a computed value (read as blank). */
  uncomputed: { row: number; col: number }[];
}

/** Every non-empty cell of a sheet as plain values. */
function sheetCells(sheet: Worksheet): SheetCells {
  const grid: Grid = [];
  const uncomputed: SheetCells['uncomputed'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      cells[columnNumber - 1] = plainCellValue(cell);
      if (isUncomputedFormula(cell)) uncomputed.push({ row: rowNumber, col: columnNumber - 1 });
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    grid[rowNumber - 1] = cells;
  });
  for (let i = 0; i < grid.length; i++) if (grid[i] === undefined) grid[i] = [];
  return { grid, uncomputed };
}

const INPUT_KEYS = new Set(COLUMNS.filter((c) => !c.computed).map((c) => c.key));

/**
 * A file written by a program that does not calculate (a script, a converter) holds formulas
 * without their values; the plan would read them as blank, so the user is told which cells.
 */
function uncomputedWarning(path: string, sheet: string, table: RawTable, cells: SheetCells['uncomputed']): string | null {
  const columns = mapColumns(table.header);
  const inputs = new Map<number, string>();
  for (const [key, col] of Object.entries(columns)) if (INPUT_KEYS.has(key as never)) inputs.set(col, String(table.header[col]));
  const headerRow = table.headerRow ?? 1;
  const found = cells.filter((c) => c.row > headerRow && inputs.has(c.col));
  if (found.length === 0) return null;
  const first = found[0];
  const place = `cell ${columnLetter(first.col)}${first.row}, ${inputs.get(first.col)}`;
  const what =
    found.length === 1
      ? `a formula cell has no computed value (${place}), so it reads as blank`
      : `${found.length.toLocaleString('en-US')} formula cells have no computed value (first: ${place}), so they read as blank`;
  return `${path}, sheet "${sheet}": ${what}. The file was saved without calculating: open it in a spreadsheet and save it again.`;
}
