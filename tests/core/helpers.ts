// Small builders for core tests: a plan table from objects keyed by header.
import {
  dayFromIso,
  readPlan,
  type CellValue,
  type Plan,
  type RawTable,
  type ReadPlanOptions,
} from '../../shared/index.js';

export type RowSpec = Record<string, CellValue>;

/** A table whose header is the union of the rows' keys (ID, Level, Title always present). */
export function tableOf(rows: RowSpec[], header?: string[]): RawTable {
  const keys = header ?? [...new Set(['ID', 'Level', 'Title', ...rows.flatMap((r) => Object.keys(r))])];
  return { header: keys, rows: rows.map((r) => keys.map((k) => (k in r ? r[k] : null))) };
}

export function planOf(rows: RowSpec[], options: ReadPlanOptions = {}): Plan {
  return readPlan(tableOf(rows), options);
}

export const day = dayFromIso;
