import type { CellValue, ColumnKey, ColumnMap, Framework, FrameworkId } from './types.js';

export interface TemplateSpec {
  framework: Framework;
  sheetName: string;
  header: string[];
  columns: ColumnMap;
  /** Example rows (empty without examples); dates as Date at UTC midnight, Progress as a formula string. */
  rows: CellValue[][];
  /** How many rows (from row 2) get formulas and dropdowns, examples included. */
  formattedRows: number;
  /** The live Progress formula for a spreadsheet row ("=IF(…)"). */
  progressFormula(row: number): string;
  /** Dropdown lists. */
  validations: { column: ColumnKey; values: string[] }[];
  dateColumns: ColumnKey[];
  percentColumns: ColumnKey[];
  numberColumns: ColumnKey[];
  /** Column widths in pixels. */
  widths: Partial<Record<ColumnKey, number>>;
  /** Conditional colours: cell text → background/foreground, per column. */
  colours: { column: ColumnKey; equals: string; background: string; color: string }[];
}

/** STUB: implemented by the core work. */
export function templateFor(framework: FrameworkId, options: { examples?: boolean } = {}): TemplateSpec {
  throw new Error('not implemented');
}
