import { measureProgress } from '../../shared/index.js';
import type { CellValue } from '../../shared/index.js';

// Custom functions run with the sheet's values only (no authorisation, read-only, 30 s). Sheets
// passes a single cell as a value and a range as a 2-D array; with ranges the result is a 2-D
// array of the same shape, so one formula can fill a whole column. The build copies the JSDoc of
// each function tagged @customfunction onto its top-level stub in Code.js, where Sheets reads it.

type Arg = CellValue | CellValue[][] | undefined;

/**
 * Percent progress of a measured value, with the same math as Cascade's Progress column:
 * increase and decrease are linear from Start to Target (clamped to 0–100 %), "at least" and
 * "at most" are 100 % or 0 %, a milestone is 100 % when Current says done, yes or ✓.
 *
 * @param {number|Array<Array<number>>} start Baseline value (blank counts as 0 for an increase).
 * @param {number|Array<Array<number>>} target Target value.
 * @param {number|string|Array<Array<number|string>>} current Latest measured value (blank: no check-in yet).
 * @param {string|Array<Array<string>>} type Optional: increase, decrease, at least, at most or milestone; blank is inferred.
 * @return {number|Array<Array<number>>} Progress as a fraction (format the cell as a percent); blank when it cannot be computed.
 * @customfunction
 */
export function CASCADE_PROGRESS(
  start: Arg,
  target: Arg,
  current: Arg,
  type?: Arg,
): number | string | (number | string)[][] {
  const args = [start, target, current, type];
  const grids = args.filter((a): a is CellValue[][] => Array.isArray(a));
  if (grids.length === 0) return one(start as CellValue, target as CellValue, current as CellValue, type as CellValue);
  const rows = Math.max(...grids.map((g) => g.length));
  const cols = Math.max(...grids.map((g) => (g[0] ?? []).length));
  for (const grid of grids) {
    const single = grid.length === 1 && (grid[0] ?? []).length === 1;
    if (!single && (grid.length !== rows || (grid[0] ?? []).length !== cols)) {
      throw new Error(
        'CASCADE_PROGRESS: start, target, current and type must be single cells or ranges of the same size.',
      );
    }
  }
  const at = (arg: Arg, r: number, c: number): CellValue => {
    if (!Array.isArray(arg)) return arg ?? null;
    return arg.length === 1 && arg[0].length === 1 ? arg[0][0] : arg[r][c];
  };
  const out: (number | string)[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: (number | string)[] = [];
    for (let c = 0; c < cols; c++) line.push(one(at(start, r, c), at(target, r, c), at(current, r, c), at(type, r, c)));
    out.push(line);
  }
  return out;
}

function one(start: CellValue, target: CellValue, current: CellValue, type: CellValue): number | string {
  return measureProgress(start ?? null, target ?? null, current ?? null, type ?? null) ?? '';
}
