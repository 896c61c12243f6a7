import type { Workbook, Worksheet } from 'exceljs';
import { PlanFormatError, type CellValue } from '../../shared/index.js';
import { fileError, planFormatError } from '../errors.js';
import { plainCellValue } from './cell-value.js';
import { findHeaderRow, tableFromGrid, type Grid } from './grid.js';
import type { PlanFile } from './read.js';
import { readMagic, sniff } from './probe.js';

/** The sheet that holds the plan when one is named so (any case). */
export const PLAN_SHEET_NAME = 'Cascade';

export async function readXlsxPlan(path: string): Promise<PlanFile> {
  const workbook = await loadWorkbook(path);
  const sheets = workbook.worksheets;
  if (sheets.length === 0) throw fileError(path, 'the workbook has no sheets.');

  const named = sheets.find((sheet) => sheet.name.trim().toLowerCase() === PLAN_SHEET_NAME.toLowerCase());
  const grids = new Map<Worksheet, Grid>();
  const gridOf = (sheet: Worksheet) => grids.get(sheet) ?? grids.set(sheet, sheetGrid(sheet)).get(sheet)!;
  const sheet = named ?? sheets.find((s) => findHeaderRow(gridOf(s)) >= 0) ?? sheets[0];

  try {
    return { path, kind: 'xlsx', sheetName: sheet.name, table: tableFromGrid(gridOf(sheet)) };
  } catch (error) {
    if (!(error instanceof PlanFormatError)) throw error;
    const others = named || sheets.length === 1 ? '' : ` No sheet is named "${PLAN_SHEET_NAME}" and no other sheet has these headers either.`;
    throw planFormatError(path, { message: error.message + others, where: error.where }, { sheet: sheet.name });
  }
}

/** Reads the workbook, telling apart a missing file, a non-workbook and a broken workbook. */
async function loadWorkbook(path: string): Promise<Workbook> {
  const kind = sniff(await readMagic(path));
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
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw fileError(path, `not a readable Excel workbook (${shortReason(error)}). Open it in a spreadsheet and save it again as .xlsx.`);
  }
  return workbook;
}

/** Every non-empty cell of a sheet as plain values. */
function sheetGrid(sheet: Worksheet): Grid {
  const grid: Grid = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      cells[columnNumber - 1] = plainCellValue(cell);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    grid[rowNumber - 1] = cells;
  });
  for (let i = 0; i < grid.length; i++) if (grid[i] === undefined) grid[i] = [];
  return grid;
}

function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].slice(0, 160);
}
