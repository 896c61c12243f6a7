import type { CellValue, MeasureType, Plan, ProgressItem, ProgressOptions } from './types.js';

/** Progress, roll-ups and pace of every row, in plan order (progress.md). STUB. */
export function computeProgress(plan: Plan, options: ProgressOptions): ProgressItem[] {
  throw new Error('not implemented');
}

/**
 * The progress of one measured value (the custom function CASCADE_PROGRESS and the live
 * formula's reference): null when it cannot be computed. Clamped to 0..1 unless allowOver. STUB.
 */
export function measureProgress(
  start: CellValue,
  target: CellValue,
  current: CellValue,
  type?: CellValue,
  options?: { allowOver?: boolean },
): number | null {
  throw new Error('not implemented');
}
