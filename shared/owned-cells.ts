// Which cells of the columns Cascade writes (Progress, Pace, Check) are Cascade's own, and which
// hold what a person typed: one rule for the command's .xlsx reader and the add-on. Cascade
// rewrites only its own cells; a person's value is handed to the core as it is (a typed progress
// is the row's manual progress, see docs/progress.md) and is never overwritten.
//
// Cascade's cells are formulas: its live Progress formula (the template's, recognised by its text
// wherever it is), and the values it writes, which it writes as constant formulas (=0.5,
// ="on track") in a column it owns. A person typing into such a cell replaces the formula with a
// constant, which makes the cell theirs.
import { progressFormulaFor } from './template.js';
import type { CellValue, ColumnKey, ColumnMap } from './types.js';

export type CellOwner = 'blank' | 'cascade' | 'person';

/** The computed columns Cascade writes into. */
export const OWNED_KEYS = ['progress', 'pace', 'check'] as const satisfies readonly ColumnKey[];
export type OwnedKey = (typeof OWNED_KEYS)[number];

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

/**
 * Whose is a cell of an owned column, from its value and formula: `formula` undefined when the
 * cell has none, null when it has one that cannot be read back; `marked`: the column is one
 * Cascade owns, so a constant formula there is a value Cascade wrote.
 */
export function formulaCellOwner(
  value: CellValue,
  formula: string | null | undefined,
  context: { key: OwnedKey; columns: ColumnMap; row: number; marked: boolean },
): CellOwner {
  if (formula !== undefined && formula !== null) {
    // The constant first: it is cheap to recognise, and never the template's formula, which refers to cells.
    if (context.marked && isConstantFormula(formula)) return 'cascade';
    if (context.key === 'progress' && isTemplateFormula(formula, context.columns, context.row)) return 'cascade';
    return 'person';
  }
  if (formula === null) return 'person'; // a formula Cascade cannot read back: not its own
  return value === null || (typeof value === 'string' && value.trim() === '') ? 'blank' : 'person';
}

/** For each owned column the plan has: its 0-based column and the owner of each plan row's cell by spreadsheet row (absent: blank). */
export type OwnedCells = Partial<Record<OwnedKey, { col: number; owners: Map<number, CellOwner> }>>;

/**
 * Classifies the cells of the owned columns in the plan's rows and blanks Cascade's own in the
 * table, then tells the core (`manualProgress`) that what is left in Progress is people's. Rows
 * are changed by copy. `keys`: the owned columns to claim (all by default).
 */
export function claimOwnedCells(
  table: { header: CellValue[]; rows: CellValue[][]; headerRow?: number; manualProgress?: boolean },
  columns: ColumnMap,
  ownerOf: (key: OwnedKey, row: number, col: number, value: CellValue) => CellOwner,
  keys: readonly OwnedKey[] = OWNED_KEYS,
): OwnedCells {
  const owned: OwnedCells = {};
  const headerRow = table.headerRow ?? 1;
  for (const key of keys) {
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
  if (keys.includes('progress')) table.manualProgress = true;
  return owned;
}
