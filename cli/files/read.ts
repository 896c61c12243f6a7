import type { RawTable } from '../../shared/index.js';
import { readCsvPlan } from './csv-read.js';
import { assertReadableFile, kindOf } from './probe.js';
import { readXlsxPlan } from './xlsx-read.js';

export interface PlanFile {
  path: string;
  kind: 'xlsx' | 'csv';
  /** The worksheet the plan came from (.xlsx only). */
  sheetName?: string;
  table: RawTable;
  /** Things the user should know about the file that do not stop the command (printed on stderr). */
  warnings?: string[];
}

/**
 * Reads an .xlsx/.csv plan file into the raw table the core reads. Every problem is a CliError
 * (exit 2) naming the file and, where known, the sheet, row and column.
 */
export async function readPlanFile(path: string): Promise<PlanFile> {
  const kind = kindOf(path);
  await assertReadableFile(path);
  return kind === 'xlsx' ? readXlsxPlan(path) : readCsvPlan(path);
}
