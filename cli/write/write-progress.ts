import type { PlanFile } from '../files/read.js';
import type { PackageEdit } from '../xlsx/package-edit.js';
import { assertReplaceable, replaceFile } from '../files/atomic.js';
import { fileError } from '../errors.js';
import { markerName, type OwnedKey } from '../files/ownership.js';
import type { CellEdit } from './cell-edit.js';
import { editCsv } from './csv-write.js';

export interface WriteResult {
  written: number;
  keptFormulas: number;
}

/** More changes to an .xlsx package in the same write (the Check-ins sheet), made to the package after the cells. */
export interface WorkbookAlso {
  also: (pkg: PackageEdit) => Promise<void>;
}

/** A file a .csv plan's write also changes (its check-ins), written once the plan's own checks pass. */
export interface CsvAlso {
  first: () => Promise<void>;
}

/**
 * Writes the cells into the plan file, against the bytes that were read (never a second read):
 * through a temporary file and one rename, after checking the file on disk is still those bytes;
 * not at all when nothing changes. With `more`, an .xlsx package is changed further in the same
 * write (and then always written); with `csvAlso`, a .csv plan's other file is written after the
 * plan passed its checks (read-only, a stopped in-place write, changed meanwhile) and before it is replaced.
 */
export async function writeCells(
  file: PlanFile,
  edits: readonly CellEdit[],
  owned: readonly { key: OwnedKey; col: number }[] = [],
  more?: WorkbookAlso,
  csvAlso?: CsvAlso,
): Promise<WriteResult> {
  if (file.kind === 'csv') {
    const { data, written, keptFormulas } = editCsv(file.csv!, edits);
    if (written > 0) await assertReplaceable(file.snapshot);
    await csvAlso?.first();
    if (written > 0) await replaceFile(file.snapshot, data);
    return { written, keptFormulas };
  }
  const { patchWorkbook } = await import('../xlsx/workbook-patch.js');
  let patched;
  try {
    const markers = owned.map(({ key, col }) => ({ name: markerName(key), col }));
    patched = await patchWorkbook(file.snapshot.bytes, file.sheetName!, edits, markers, more?.also);
  } catch {
    // The workbook was read a moment ago; a part the writer cannot follow is the only way here.
    throw fileError(
      file.path,
      'cannot write into this workbook: a part of it is laid out in a way cascade cannot edit safely; nothing was changed. Open it in a spreadsheet, save it again as .xlsx, and run the command again.',
      { sheet: file.sheetName },
    );
  }
  if (patched.sheet.written > 0 || more) await replaceFile(file.snapshot, patched.data);
  return { written: patched.sheet.written, keptFormulas: patched.sheet.keptFormulas };
}
