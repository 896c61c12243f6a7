/** One cell that a command writes back into a plan file. Rows are spreadsheet row numbers, columns 0-based. */
export interface CellEdit {
  row: number;
  col: number;
  /** A number, a text, or null to empty the cell (its format stays). */
  value: number | string | null;
  /** When the cell holds a formula: 'replace' it by the value, or 'skip' this edit and keep the formula. */
  onFormula: 'replace' | 'skip';
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
