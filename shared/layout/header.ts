// Which row of a sheet is the plan's header: one answer for the command and the add-on.
import { headerKeyOf, normaliseHeader } from '../columns.js';
import { levelFromText } from '../frameworks.js';
import type { CellValue, ColumnMapping } from '../types.js';

/** How many non-empty rows at the top may sit above the header (a title, a note). */
export const HEADER_SCAN_ROWS = 10;

function isBlank(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/**
 * A row that reads as a plan's header: a column for the rows' titles (Title, Name, Description…)
 * or a column named for a level (Objective, Key Result, Milestone…), and at least one other known
 * column. With a mapping, the row that holds every header the mapping names.
 */
export function looksLikeHeader(cells: readonly CellValue[], mapping?: ColumnMapping): boolean {
  const texts = cells
    .filter((cell): cell is string => typeof cell === 'string' && cell.trim() !== '')
    .map(normaliseHeader);
  const wanted = Object.values(mapping ?? {}).filter(
    (text): text is string => typeof text === 'string' && text.trim() !== '',
  );
  if (wanted.length > 0) return wanted.every((text) => texts.includes(normaliseHeader(text)));
  let titles = 0;
  let known = 0;
  for (const cell of cells) {
    if (typeof cell !== 'string') continue;
    const found = headerKeyOf(cell);
    const level = found === null ? levelFromText(cell) : null;
    if (found?.key === 'title' || level !== null) titles++;
    if (found !== null || level !== null) known++;
  }
  return titles > 0 && known >= 2;
}

/**
 * 0-based index of the header row among the first HEADER_SCAN_ROWS non-empty rows, or -1: the
 * first row with the template's own headers (ID, Level, Title), else the first that reads as a
 * header (see looksLikeHeader).
 */
export function findHeaderRow(rows: readonly (readonly CellValue[] | undefined)[], mapping?: ColumnMapping): number {
  let first = -1;
  let seen = 0;
  for (let i = 0; i < rows.length && seen < HEADER_SCAN_ROWS; i++) {
    const row = rows[i];
    if (!row || row.every(isBlank)) continue;
    seen++;
    if (hasTemplateHeaders(row) && (mapping === undefined || looksLikeHeader(row, mapping))) return i;
    if (first < 0 && looksLikeHeader(row, mapping)) first = i;
  }
  return first;
}

function hasTemplateHeaders(row: readonly CellValue[]): boolean {
  const keys = new Set(row.map((cell) => headerKeyOf(cell)?.key));
  return keys.has('id') && keys.has('level') && keys.has('title');
}
