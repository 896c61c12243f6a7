import type { CheckOptions, Finding, Plan } from './types.js';

/** The SMART check: every rule of rules.md. Findings sorted by row, errors first. STUB. */
export function checkPlan(plan: Plan, options: CheckOptions): Finding[] {
  throw new Error('not implemented');
}

/** Short text for a row's Check cell: "✓" when clean, else e.g. "2 errors: no owner; no due date". STUB. */
export function checkSummary(findings: readonly Finding[]): string {
  throw new Error('not implemented');
}
