// The domain core's public surface. Adapters import from here only.
export * from './types.js';
export * from './frameworks.js';
export * from './columns.js';
export * from './numbers.js';
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
