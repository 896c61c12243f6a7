import type { CellValue, Parsed } from './types.js';

/**
 * A number as people type it: native numbers, `1,000`, `$120M`, `45%` (→ 45, the unit is the
 * plan's Unit column), `200 ms`, `1.5k`, `(12)` (→ -12). Text with no number is 'invalid'.
 * STUB: implemented by the core work.
 */
export function parseNumber(cell: CellValue): Parsed<number> {
  throw new Error('not implemented');
}

/** True when a title or text carries a number ("Sign 50 accounts", "NPS of 80", "Q3"?). */
export function hasNumber(text: string): boolean {
  throw new Error('not implemented');
}
