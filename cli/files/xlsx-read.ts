import {
  COLUMNS,
  PlanFormatError,
  columnLetter,
  findNamedHeaderRow,
  mapColumns,
  type CellValue,
  type ColumnMap,
  type RawTable,
} from '../../shared/index.js';
import { fileError, planFormatError } from '../errors.js';
import { PackageError, XlsxPackage } from '../xlsx/package-read.js';
import { inRange } from '../xlsx/cell-range.js';
import { cellKey, readSheet, type SheetCells, type SheetReadOptions } from '../xlsx/sheet-read.js';
import { shiftFormula } from '../xlsx/formula-shift.js';
import {
  readDateStyles,
  readSharedStrings,
  readWorkbookInfo,
  type DefinedName,
  type SheetEntry,
  type WorkbookInfo,
} from '../xlsx/workbook-read.js';
import { tableFromGrid } from './grid.js';
import { claimOwnedCells, markerName, OWNED_KEYS, xlsxCellOwner, type OwnedKey } from './ownership.js';
import type { PlanFile } from './read.js';
import type { FileSnapshot } from './snapshot.js';
import { zipKind } from './probe.js';
import { assertFits, assertSheetFits } from './capacity.js';
import { sheetSize } from './sheet-size.js';
import { endNote } from './plan-end-note.js';

/** The sheet that holds the plan when one is named so (any case). */
export const PLAN_SHEET_NAME = 'Cascade';

/** How many non-empty rows of another sheet are looked at for a plan header. */
const HEADER_SCAN_ROWS = 10;

/**
 * Reads the plan of an .xlsx workbook from the bytes read once. The sheet named Cascade, else the
 * first sheet with a plan header, else the first sheet. Only that sheet is read whole, as a stream.
 */
export async function readXlsxPlan(snapshot: FileSnapshot): Promise<PlanFile> {
  const path = snapshot.path;
  let pkg: XlsxPackage;
  let info: WorkbookInfo;
  let options: SheetReadOptions;
  try {
    pkg = await XlsxPackage.open(snapshot.bytes);
    const other = zipKind(pkg.names());
    if (other) throw fileError(path, `this is ${other}, not an Excel workbook. ${OTHER_ADVICE}`);
    info = await readWorkbookInfo(pkg);
    const [sharedStrings, dateStyles] = await Promise.all([
      readSharedStrings(pkg, info.sharedStringsPart),
      readDateStyles(pkg, info.stylesPart),
    ]);
    options = { sharedStrings, dateStyles, date1904: info.date1904 };
  } catch (error) {
    throw unreadable(path, error);
  }
  const sheets = info.sheets.filter((s): s is SheetEntry & { part: string } => s.part !== null);
  if (sheets.length === 0) throw fileError(path, 'the workbook has no worksheets (only charts, or none at all).');

  try {
    const named = sheets.find((s) => s.name.trim().toLowerCase() === PLAN_SHEET_NAME.toLowerCase());
    const tops = new Map<string, SheetCells>();
    const topOf = async (sheet: { part: string }) =>
      tops.get(sheet.part) ??
      tops
        .set(sheet.part, await readSheet(pkg, sheet.part, { ...options, stopAfterRows: HEADER_SCAN_ROWS }))
        .get(sheet.part)!;
    let chosen = named;
    if (!chosen) {
      for (const sheet of sheets) {
        if (findNamedHeaderRow((await topOf(sheet)).grid) >= 0) {
          chosen = sheet;
          break;
        }
      }
    }
    chosen ??= sheets[0];
    const notes: string[] = [];
    for (const sheet of sheets) {
      if (sheet === chosen) continue;
      if (findNamedHeaderRow((await topOf(sheet)).grid) >= 0) {
        notes.push(
          `${path}: sheet "${sheet.name}" also has a plan header; only sheet "${chosen.name}" is read. Name the sheet to read "${PLAN_SHEET_NAME}" to choose it.`,
        );
      }
    }
    assertSheetFits(path, await sheetSize(pkg, chosen.part, info.sharedStringsPart));
    const cells = await readSheet(pkg, chosen.part, { ...options, onRows: (rows) => assertFits(path, rows) });
    return planFromSheet(snapshot, info, chosen, cells, notes, sheets.length > 1 && !named);
  } catch (error) {
    if ((error as { exitCode?: number }).exitCode !== undefined) throw error;
    throw unreadable(path, error);
  }
}

const OTHER_ADVICE = 'Open it in its program and save it as an Excel workbook (.xlsx), or export the plan as .csv.';

function unreadable(path: string, error: unknown) {
  if ((error as { exitCode?: number }).exitCode !== undefined) return error as Error;
  const why = error instanceof PackageError ? error.message : 'its contents are damaged';
  return fileError(path, `not a readable Excel workbook: ${why}. Open it in a spreadsheet and save it again as .xlsx.`);
}

function planFromSheet(
  snapshot: FileSnapshot,
  info: WorkbookInfo,
  sheet: SheetEntry & { part: string },
  cells: SheetCells,
  notes: string[],
  searched: boolean,
): PlanFile {
  const path = snapshot.path;
  blankHiddenMergedCells(cells);
  let table: ReturnType<typeof tableFromGrid>;
  try {
    table = tableFromGrid(cells.grid);
  } catch (error) {
    if (!(error instanceof PlanFormatError)) throw error;
    const others = searched
      ? ` No sheet is named "${PLAN_SHEET_NAME}" and no other sheet has these headers either.`
      : '';
    throw planFormatError(path, { message: error.message + others, where: error.where }, { sheet: sheet.name });
  }
  const columns = mapColumns(table.header);
  const headerRow = table.headerRow ?? 1;
  const sheetIndex = info.sheets.indexOf(sheet);
  const marked = new Set(
    OWNED_KEYS.filter((key) => isMarked(info.definedNames, key, sheet.name, sheetIndex, columns[key])),
  );
  const owned = claimOwnedCells(table, columns, (key, row, col, value) =>
    xlsxCellOwner(value, formulaText(cells, row, col), { key, columns, row, marked: marked.has(key) }),
  );
  const warnings: string[] = [];
  const uncomputed = uncomputedWarning(
    path,
    sheet.name,
    table,
    cells.uncomputed.filter((c) => c.row <= headerRow + table.rows.length),
  );
  if (uncomputed) warnings.push(uncomputed);
  if (cells.protectedSheet)
    warnings.push(
      `${path}, sheet "${sheet.name}": the sheet is protected; cascade reads it but will not write into it.`,
    );
  const { end, ...raw } = table;
  if (end) notes.push(endNote(path, sheet.name, end));
  return {
    path,
    kind: 'xlsx',
    sheetName: sheet.name,
    table: raw,
    warnings,
    notes,
    snapshot,
    layout: {
      lastRow: headerRow + raw.rows.length,
      freeColumn: freeColumn(cells, headerRow),
      owned,
      marked: [...marked],
      protectedSheet: cells.protectedSheet,
      protectedRanges: cells.protectedRanges,
      skipRows: new Map(),
    },
  };
}

/** The formula of a cell (a shared one written out for its cell), undefined when it has none. */
function formulaText(cells: SheetCells, row: number, col: number): string | null | undefined {
  const f = cells.formulas.get(cellKey(row, col));
  if (!f) return undefined;
  if (f.text !== null) return f.text;
  const master = f.sharedIndex !== undefined ? cells.sharedMasters.get(f.sharedIndex) : undefined;
  return master ? shiftFormula(master.text, row - master.row, col - master.col) : null;
}

/** Only the first cell of a merged range holds its value, as every spreadsheet shows it. */
function blankHiddenMergedCells(cells: SheetCells) {
  for (const m of cells.merges) {
    for (let r = m.top; r <= Math.min(m.bottom, cells.grid.length); r++) {
      const row = cells.grid[r - 1];
      for (let c = m.left; c <= Math.min(m.right, row.length - 1); c++) if (r !== m.top || c !== m.left) row[c] = null;
    }
  }
}

/**
 * The first column where a new column covers nothing: right of every value and formula of the
 * sheet, and of every merged range that reaches the header row.
 */
function freeColumn(cells: SheetCells, headerRow: number): number {
  let last = cells.lastColumn;
  for (const m of cells.merges) if (inRange(m, headerRow, m.left)) last = Math.max(last, m.right);
  return last + 1;
}

/** Does a hidden defined name mark this column of this sheet as Cascade's? */
function isMarked(
  names: readonly DefinedName[],
  key: OwnedKey,
  sheetName: string,
  sheetIndex: number,
  col: number | undefined,
): boolean {
  if (col === undefined) return false;
  const name = names.find(
    (n) =>
      n.name.toLowerCase() === markerName(key).toLowerCase() &&
      (n.localSheet === undefined || n.localSheet === sheetIndex),
  );
  const target = name && parseColumnRef(name.formula);
  return !!target && target.sheet === sheetName && target.col === col;
}

/** "'My plan'!$Q:$Q" or "Cascade!$Q$1:$Q$900" → the sheet and the column. */
export function parseColumnRef(formula: string): { sheet: string; col: number } | null {
  const match = /^=?(?:'((?:[^']|'')+)'|([^!'"]+))!\$?([A-Z]{1,3})(?:\$?\d+)?(?::\$?[A-Z]{1,3}(?:\$?\d+)?)?$/i.exec(
    formula.trim(),
  );
  if (!match) return null;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
  let col = 0;
  for (const ch of match[3].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { sheet, col: col - 1 };
}

const INPUT_KEYS = new Set(COLUMNS.filter((c) => !c.computed).map((c) => c.key));

/**
 * A file written by a program that does not calculate (a script, a converter) holds formulas
 * without their values; the plan would read them as blank, so the user is told which cells.
 */
function uncomputedWarning(
  path: string,
  sheet: string,
  table: RawTable,
  cells: SheetCells['uncomputed'],
): string | null {
  const columns: ColumnMap = mapColumns(table.header);
  const inputs = new Map<number, string>();
  for (const [key, col] of Object.entries(columns))
    if (INPUT_KEYS.has(key as never)) inputs.set(col, String(table.header[col]));
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

export type { CellValue };
