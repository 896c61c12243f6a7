import type { RawTable } from '../../shared/index.js';
import type { CsvSource } from './csv-read.js';
import type { OwnedCells, OwnedKey } from './ownership.js';
import { assertNoLeftoverBackup } from './in-place.js';
import { describeContent, planKindOf } from './probe.js';
import { readSnapshot, type FileSnapshot } from './snapshot.js';
import type { CellRange } from '../xlsx/cell-range.js';

/** What a writer must know about where the plan sits in its file, found when it was read. */
export interface FileLayout {
  /** Spreadsheet row of the plan's last row: rows below it are never written. */
  lastRow: number;
  /** 0-based column where a new column covers nothing (no header, value, formula or merged header). */
  freeColumn: number;
  /** Whose is each cell of the columns Cascade writes. */
  owned: OwnedCells;
  /** Owned columns already marked as Cascade's in the file (.xlsx). */
  marked: OwnedKey[];
  protectedSheet: boolean;
  protectedRanges: CellRange[];
  /** Rows never written, and why (a CSV row with more fields than the header). */
  skipRows: Map<number, string>;
}

export interface PlanFile {
  path: string;
  kind: 'xlsx' | 'csv';
  /** The worksheet the plan came from (.xlsx only). */
  sheetName?: string;
  /** The plan's rows, down to its end; Cascade's own cells in Progress, Pace and Check are blank. */
  table: RawTable;
  /** Things the user should know about the file that do not stop the command (printed on stderr). */
  warnings?: string[];
  /** How the file was read, where that may surprise (printed on stderr as notes). */
  notes?: string[];
  /** The bytes read, once: a write plans against them and checks they are still on disk (a .csv's are let go once decoded: a write edits `csv`'s text). */
  snapshot: FileSnapshot;
  layout: FileLayout;
  /** The CSV text as read, for writing back field by field (.csv only). */
  csv?: CsvSource;
}

/**
 * Reads an .xlsx/.csv plan file into the raw table the core reads. Every problem is a CliError
 * (exit 2) naming the file and, where known, the sheet, row and column.
 */
export async function readPlanFile(path: string): Promise<PlanFile> {
  const kind = await planKindOf(path);
  const snapshot = await readSnapshot(path);
  // A run stopped while it wrote this file in place may have left it half written: never read it as good.
  await assertNoLeftoverBackup(snapshot);
  describeContent(path, kind, snapshot.bytes);
  if (kind === 'xlsx') {
    const { readXlsxPlan } = await import('./xlsx-read.js');
    return readXlsxPlan(snapshot);
  }
  const { readCsvPlan } = await import('./csv-read.js');
  return readCsvPlan(snapshot);
}
