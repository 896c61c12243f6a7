import type { Cell, CellValue as ExcelValue } from 'exceljs';
import type { CellValue } from '../../shared/index.js';

/**
 * An exceljs cell reduced to the plain value the core reads: a formula gives its last computed
 * result, rich text and hyperlinks their text, an error cell its text ("#REF!") so that the check
 * can report it. The hidden cells of a merged range are blank, as in every spreadsheet.
 */
export function plainCellValue(cell: Cell): CellValue {
  if (cell.isMerged && cell.master !== cell) return null;
  return plainValue(cell.value);
}

export function plainValue(value: ExcelValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('error' in value) return value.error;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return plainValue(value.result);
  if ('hyperlink' in value) return plainValue(value.text as ExcelValue);
  return null;
}

/** A formula cell saved without its computed value (by a program that does not calculate). */
export function isUncomputedFormula(cell: Cell): boolean {
  const value = cell.value;
  return typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value) && value.result === undefined;
}
