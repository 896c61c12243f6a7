// The domain core's public surface. Adapters import from here only.
export * from './types.js';
export * from './frameworks.js';
export * from './columns.js';
export * from './numbers.js';
export * from './counts.js';
export * from './dates.js';
export * from './date-order.js';
export * from './cadence.js';
export * from './schema.js';
export * from './plan.js';
export * from './tree.js';
export * from './check.js';
export * from './progress.js';
export * from './formulas.js';
export * from './ids.js';
export * from './template.js';
export * from './examples.js';
export * from './plan-notes.js';
export * from './format.js';
export * from './checkins/types.js';
export * from './checkins/history.js';
export * from './checkins/diff.js';
export * from './checkins/forecast.js';
export * from './checkins/replan.js';
export * from './checkins/charts.js';
export * from './checkins/status-report.js';
export {
  HEADER_READ_ROWS,
  HEADER_SCAN_ROWS,
  findHeaderRow as findPlanHeaderRow,
  findNamedHeaderRow,
  headerCandidateRow,
  looksLikeHeader,
} from './layout/header.js';
export * from './mapping.js';
export * from './convert.js';
export * from './live-check.js';
export * from './owned-cells.js';
