import type { FrameworkId, Plan, RawTable } from './types.js';

export interface ReadPlanOptions {
  /** Force the framework; otherwise inferred from the levels used (default okr). */
  framework?: FrameworkId;
}

/**
 * A raw table → the typed plan with its tree. Throws PlanFormatError when the header lacks a
 * required column; never throws for bad cells (those become findings). Blank rows are skipped.
 * STUB: implemented by the core work.
 */
export function readPlan(table: RawTable, options: ReadPlanOptions = {}): Plan {
  throw new Error('not implemented');
}
