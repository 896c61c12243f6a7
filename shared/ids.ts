import type { Plan } from './types.js';

/** New IDs for rows with a blank ID, unique in the plan ("O3", "KR1.4", "T-12"…). STUB. */
export function fillBlankIds(plan: Plan): { index: number; row: number; id: string }[] {
  throw new Error('not implemented');
}
