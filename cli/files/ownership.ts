import {
  COLUMN_BY_KEY,
  NO_PACE,
  parseNumber,
  progressFormulaFor,
  type CellValue,
  type ColumnKey,
  type ColumnMap,
} from '../../shared/index.js';

// Which cells of the columns Cascade writes (Progress, Pace, Check) are Cascade's own, and which
// hold what a person typed. Cascade rewrites only its own cells; a person's value is handed to
// the core as it is (a typed progress is the row's manual progress) and is never overwritten.
//
// .xlsx: Cascade's cells are formulas. Its live Progress formula (the template's, recognised by
// its text wherever it is), and the values it writes, which it writes as constant formulas
// (=0.5, ="on track") in a column it has marked as its own with a hidden defined name
// (_Cascade_Progress → 'Cascade'!$Q:$Q). A person typing into such a cell replaces the formula by
// a constant, which makes the cell theirs. Formulas and names survive Excel, LibreOffice and
// Google Sheets round trips.
// .csv: no formula or name survives there, so a cell is Cascade's by its form alone: the live
// formula as text, a percent as Cascade writes it (`50%`, `66.67%`, `66,67%`) in Progress, one of
// the pace words in Pace. Anything else (`60`, `0.6`, `60 %`, `about half`) is a person's.

export type CellOwner = 'blank' | 'cascade' | 'person';

/** The computed columns Cascade writes into. */
export const OWNED_KEYS = ['progress', 'pace', 'check'] as const satisfies readonly ColumnKey[];
export type OwnedKey = (typeof OWNED_KEYS)[number];

/** The hidden defined name that marks a column as Cascade's: "_Cascade_Progress". */
export function markerName(key: OwnedKey): string {
  return `_Cascade_${COLUMN_BY_KEY[key].header}`;
}

/** The pace words Cascade writes (and the placeholder for no pace). */
const PACE_WORDS = new Set(['done', 'on track', 'at risk', 'off track', 'overdue', 'not started', NO_PACE]);

/** Formula text compared loosely: no leading "=", no `_xlfn.` prefixes, no spaces, one case. */
function normaliseFormula(text: string): string {
  return text
    .replace(/^=/, '')
    .replace(/_xlfn\./gi, '')
    .replace(/\s+/g, '')
    .toUpperCase();
}

/** True when the formula is Cascade's live Progress formula for this row. */
export function isTemplateFormula(text: string, columns: ColumnMap, row: number): boolean {
  const f = normaliseFormula(text);
  for (const allowOver of [false, true]) {
    const own = progressFormulaFor(columns, row, { allowOver });
    if (own && normaliseFormula(own) === f) return true;
  }
  return false;
}

/** A constant formula as Cascade writes its values: =0.5, =1, ="on track". */
export function isConstantFormula(text: string): boolean {
  return /^=?\s*(?:-?\d+(?:\.\d+)?(?:E[-+]?\d+)?|"[^"]*")\s*$/i.test(text);
}

/** Whose is a cell of an owned column in an .xlsx sheet. */
export function xlsxCellOwner(
  value: CellValue,
  formula: string | null | undefined,
  context: { key: OwnedKey; columns: ColumnMap; row: number; marked: boolean },
): CellOwner {
  if (formula !== undefined && formula !== null) {
    if (context.key === 'progress' && isTemplateFormula(formula, context.columns, context.row)) return 'cascade';
    if (context.marked && isConstantFormula(formula)) return 'cascade';
    return 'person';
  }
  if (formula === null) return 'person'; // a formula Cascade cannot read back: not its own
  return isBlank(value) ? 'blank' : 'person';
}

/** Whose is a cell of an owned column in a .csv file (see above: by its form). */
export function csvCellOwner(
  text: string,
  context: { key: OwnedKey; columns: ColumnMap; row: number; decimalComma: boolean },
): CellOwner {
  const t = text.trim();
  if (t === '') return 'blank';
  if (t.startsWith('='))
    return context.key === 'progress' && isTemplateFormula(t, context.columns, context.row) ? 'cascade' : 'person';
  if (context.key === 'progress') {
    const percent = context.decimalComma ? /^-?\d+(?:,\d{1,2})?%$/ : /^-?\d+(?:\.\d{1,2})?%$/;
    return percent.test(t) ? 'cascade' : 'person';
  }
  if (context.key === 'pace') return PACE_WORDS.has(t.toLowerCase()) ? 'cascade' : 'person';
  return 'person';
}

function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Does a person's progress say the same as Cascade's fraction? 0.6, "60%", "60 %" and 60 (percent
 * points, as people type into a column that is not formatted as percent) all say 60 %.
 */
export function sameProgress(value: CellValue, fraction: number, decimalComma = false): boolean {
  const parsed = parseNumber(value, { decimalComma });
  if (parsed.state !== 'ok') return false;
  const close = (n: number) => Math.abs(n - fraction) < 5e-5;
  return close(parsed.value) || close(parsed.value / 100);
}

/** For each owned column the plan has: its 0-based column and the owner of each plan row's cell by spreadsheet row (absent: blank). */
export type OwnedCells = Partial<Record<OwnedKey, { col: number; owners: Map<number, CellOwner> }>>;

/**
 * Classifies the cells of the owned columns in the plan's rows and blanks Cascade's own in the
 * table (the core then reads only what people typed there). Rows are changed by copy.
 */
export function claimOwnedCells(
  table: { header: CellValue[]; rows: CellValue[][]; headerRow?: number; manualProgress?: boolean },
  columns: ColumnMap,
  ownerOf: (key: OwnedKey, row: number, col: number, value: CellValue) => CellOwner,
): OwnedCells {
  const owned: OwnedCells = {};
  const headerRow = table.headerRow ?? 1;
  for (const key of OWNED_KEYS) {
    const col = columns[key];
    if (col === undefined) continue;
    const owners = new Map<number, CellOwner>();
    for (let i = 0; i < table.rows.length; i++) {
      const row = headerRow + 1 + i;
      const cells = table.rows[i];
      const owner = ownerOf(key, row, col, cells?.[col] ?? null);
      if (owner !== 'blank') owners.set(row, owner);
      if (owner === 'cascade' && cells && cells[col] !== null && cells[col] !== undefined) {
        table.rows[i] = cells.slice();
        table.rows[i][col] = null;
      }
    }
    owned[key] = { col, owners };
  }
  // What is left in the Progress column is people's: the core may read it as manual progress.
  table.manualProgress = true;
  return owned;
}
