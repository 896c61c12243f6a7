import {
  COLUMN_BY_KEY,
  NO_PACE,
  formulaCellOwner,
  isTemplateFormula,
  parseNumber,
  type CellOwner,
  type CellValue,
  type ColumnMap,
  type OwnedKey,
} from '../../shared/index.js';

export {
  OWNED_KEYS,
  claimOwnedCells,
  isConstantFormula,
  isTemplateFormula,
  type CellOwner,
  type OwnedCells,
  type OwnedKey,
} from '../../shared/index.js';

// Which cells of the columns Cascade writes (Progress, Pace, Check) are Cascade's own, and which
// hold what a person typed. Cascade rewrites only its own cells; a person's value is handed to
// the core as it is (a typed progress is the row's manual progress) and is never overwritten.
//
// .xlsx: Cascade's cells are formulas (shared/owned-cells.ts): its live Progress formula, and the
// values it writes as constant formulas (=0.5, ="on track") in a column it has marked as its own
// with a hidden defined name (_Cascade_Progress → 'Cascade'!$Q:$Q). Formulas and names survive
// Excel, LibreOffice and Google Sheets round trips.
// .csv: no formula or name survives there, so a cell is Cascade's by its form alone: the live
// formula as text, a percent as Cascade writes it (`50%`, `66.67%`, `66,67%`) in Progress, one of
// the pace words in Pace. Anything else (`60`, `0.6`, `60 %`, `about half`) is a person's.

/** The hidden defined name that marks a column as Cascade's: "_Cascade_Progress". */
export function markerName(key: OwnedKey): string {
  return `_Cascade_${COLUMN_BY_KEY[key].header}`;
}

/** The pace words Cascade writes (and the placeholder for no pace). */
const PACE_WORDS = new Set(['done', 'on track', 'at risk', 'off track', 'overdue', 'not started', NO_PACE]);

/** Whose is a cell of an owned column in an .xlsx sheet (the shared rule). */
export const xlsxCellOwner = formulaCellOwner;

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
