import type { RawTable } from '../../shared/index.js';

export interface PlanFile {
  path: string;
  kind: 'xlsx' | 'csv';
  /** The worksheet the plan came from (.xlsx only). */
  sheetName?: string;
  table: RawTable;
}

/** STUB: reads an .xlsx/.csv plan file; throws CliError naming file, row and column. Written by the CLI work. */
export async function readPlanFile(path: string): Promise<PlanFile> {
  throw new Error('not implemented');
}
