import { readFile } from 'node:fs/promises';
import type { PlanFile } from '../files/read.js';
import { writeFileAtomic } from '../files/atomic.js';
import { errorReason, fileError } from '../errors.js';
import { patchWorkbook } from '../xlsx/workbook-patch.js';
import type { CellEdit } from './cell-edit.js';
import { editCsvFile } from './csv-write.js';

export interface WriteResult {
  written: number;
  keptFormulas: number;
}

/** More changes to an .xlsx package in the same write (the Check-ins sheet): the package after the cells, changed. */
export interface WorkbookAlso {
  also: (data: Buffer) => Promise<Buffer>;
}

/**
 * Writes the cells into the plan file in place, through a temporary file and one rename (not at all
 * when nothing changes). With `also`, an .xlsx package is changed further and always written.
 */
export async function writeCells(file: PlanFile, edits: readonly CellEdit[], more?: WorkbookAlso): Promise<WriteResult> {
  if (file.kind === 'csv') {
    const { data, written, keptFormulas } = await editCsvFile(file.path, edits);
    if (written > 0) await writeFileAtomic(file.path, data, { overwrite: true });
    return { written, keptFormulas };
  }
  let patched;
  try {
    patched = await patchWorkbook(await readFile(file.path), file.sheetName!, edits);
    if (more) patched = { ...patched, data: await more.also(patched.data) };
  } catch (error) {
    throw fileError(file.path, `cannot write into this workbook (${errorReason(error)}); nothing was changed.`, { sheet: file.sheetName });
  }
  if (patched.sheet.written > 0 || more) await writeFileAtomic(file.path, patched.data, { overwrite: true });
  return { written: patched.sheet.written, keptFormulas: patched.sheet.keptFormulas };
}
