// A plan file's check-in history: where it lives (the Check-ins sheet of an .xlsx, the side file
// of a .csv), reading it for a command, and writing new records with the plan's cells.
import { CHECKINS_SHEET, checkinsCsvPath, readHistory, type CheckIn, type History } from '../../shared/index.js';
import { errorReason, fileError } from '../errors.js';
import type { PlanFile } from '../files/read.js';
import type { CellEdit } from '../write/cell-edit.js';
import type { OwnedKey } from '../files/ownership.js';
import { writeCells, type WriteResult } from '../write/write-progress.js';
import { appendCsvHistory, readCsvHistory } from './csv-history.js';
import { appendXlsxHistoryTo, readXlsxHistory } from './xlsx-history.js';

/** Where the history of a plan file is, in words: `plan.xlsx (sheet "Check-ins")`, `plan.checkins.csv`. */
export function historyPlace(file: PlanFile): string {
  return file.kind === 'csv' ? sideFile(file) : `${file.path} (sheet "${CHECKINS_SHEET}")`;
}

/**
 * A .csv plan's check-ins file: beside the file itself, so a plan reached through a symbolic link
 * keeps one history, wherever the link is.
 */
function sideFile(file: PlanFile): string {
  return checkinsCsvPath(file.snapshot.target);
}

/** The plan's history (empty when it has none yet). Rows that cannot be read are named in `problems`. */
export async function loadHistory(file: PlanFile): Promise<History> {
  let table;
  try {
    table = file.kind === 'csv' ? await readCsvHistory(sideFile(file)) : await readXlsxHistory(file.snapshot.bytes);
  } catch (error) {
    if ((error as { exitCode?: number }).exitCode !== undefined) throw error;
    throw fileError(historyPlace(file), `cannot read the check-ins (${errorReason(error)}).`);
  }
  if (table === null) return { records: [], problems: [] };
  const history = readHistory(table);
  return { records: history.records, problems: history.problems.map((p) => `${historyPlace(file)}: ${p}`) };
}

/**
 * Writes the plan's cells and appends the records, as one replacement of an .xlsx file; for a .csv
 * plan the side file is appended once the plan passed its checks and before it is replaced (so a
 * refused plan adds no check-in, a failed plan write never loses one, and the next run finds
 * nothing new to add).
 */
export async function writeWithHistory(
  file: PlanFile,
  edits: readonly CellEdit[],
  records: readonly CheckIn[],
  owned: readonly { key: OwnedKey; col: number }[] = [],
): Promise<WriteResult> {
  if (file.kind === 'csv') {
    return writeCells(file, edits, owned, undefined, {
      first: () => appendCsvHistory(sideFile(file), records),
    });
  }
  if (records.length === 0) return writeCells(file, edits, owned);
  return writeCells(file, edits, owned, { also: (pkg) => appendXlsxHistoryTo(pkg, records) });
}
