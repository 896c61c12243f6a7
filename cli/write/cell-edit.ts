import { isConstantFormula } from '../../shared/index.js';

/** One cell that a command writes back into a plan file. Rows are spreadsheet row numbers, columns 0-based. */
export interface CellEdit {
  row: number;
  col: number;
  /** A number, a text, or null to empty the cell (its format stays). */
  value: number | string | null;
  /**
   * When the cell holds a formula: 'replace' it by the value, 'skip' this edit and keep the
   * formula, or 'keep-live': keep a formula that computes, replace a constant one (=0.5, a value
   * Cascade wrote earlier, which would otherwise show an old progress for ever).
   */
  onFormula: 'replace' | 'skip' | 'keep-live';
  /** Show a number as a percent (the cell's own format otherwise kept). */
  percent?: boolean;
  /** A new cell takes the format of this column's cell in the same row (a new header beside the others). */
  formatLike?: number;
  /**
   * A cell of a column Cascade owns: in an .xlsx its value is written as a constant formula
   * (=0.5), which tells it apart from a value a person types (see files/ownership.ts).
   */
  owned?: boolean;
}

/** Does the edit give way to the formula the cell holds (its text, with or without "=")? */
export function keepsFormula(edit: CellEdit, formula: string): boolean {
  return edit.onFormula === 'skip' || (edit.onFormula === 'keep-live' && !isConstantFormula(formula));
}
