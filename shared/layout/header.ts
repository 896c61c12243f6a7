// Which row of a sheet is the plan's header: one answer for the command and the add-on.
import { headerKeyOf, normaliseHeader } from '../columns.js';
import { levelFromText } from '../frameworks.js';
import type { CellValue, ColumnMapping } from '../types.js';
import { isBlankCell, readPlan } from '../plan.js';
import { PlanFormatError } from '../types.js';
import { TITLE_SAMPLE_ROWS } from './title-guess.js';

/** How many non-empty rows at the top may sit above the header (a title, a note). */
export const HEADER_SCAN_ROWS = 10;
/**
 * The rows at the top of a sheet the header is decided from: the scan above, and the rows under a
 * header whose titles are guessed from the cells (as many as readPlan's guess looks at). An adapter
 * that reads only the top of a sheet reads this many rows and gets the answer a whole read gets.
 */
export const HEADER_READ_ROWS = HEADER_SCAN_ROWS + TITLE_SAMPLE_ROWS;

function filledCells(row: readonly CellValue[]): number {
  let count = 0;
  for (const cell of row) if (!isBlankCell(cell)) count++;
  return count;
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
 * 0-based index of the row whose headers say it is the header, among the first HEADER_SCAN_ROWS
 * non-empty rows, or -1: the first row with the template's own headers (ID, Level, Title), else the
 * first that reads as a header (see looksLikeHeader).
 */
export function findNamedHeaderRow(
  rows: readonly (readonly CellValue[] | undefined)[],
  mapping?: ColumnMapping,
): number {
  let first = -1;
  for (const i of scannedRows(rows)) {
    const row = rows[i]!;
    if (hasTemplateHeaders(row) && (mapping === undefined || looksLikeHeader(row, mapping))) return i;
    if (first < 0 && looksLikeHeader(row, mapping)) first = i;
  }
  return first;
}

/** Indexes of the first HEADER_SCAN_ROWS non-empty rows: where a header may be. */
function scannedRows(rows: readonly (readonly CellValue[] | undefined)[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < rows.length && out.length < HEADER_SCAN_ROWS; i++) {
    const row = rows[i];
    if (row && !row.every(isBlankCell)) out.push(i);
  }
  return out;
}

/**
 * The row taken for the header when no row's headers say so: the first non-empty row with two
 * cells or more (a title line above a table is not its header), else the first non-empty row; -1
 * for an empty sheet. The command reads it (and says what it lacks); the add-on offers Use this sheet.
 */
export function headerCandidateRow(rows: readonly (readonly CellValue[] | undefined)[]): number {
  return candidateRows(rows)[0] ?? -1;
}

/** The candidate rows, best first: the first with two cells or more, then the first non-empty row. */
function candidateRows(rows: readonly (readonly CellValue[] | undefined)[]): number[] {
  const scanned = scannedRows(rows);
  if (scanned.length === 0) return [];
  const wide = scanned.find((i) => filledCells(rows[i]!) >= 2);
  return wide === undefined || wide === scanned[0] ? [scanned[0]] : [wide, scanned[0]];
}

/**
 * The plan's header row, the one rule for the command and the add-on: the row whose headers say so
 * (findNamedHeaderRow), else — without a mapping — a candidate row (headerCandidateRow) that the
 * plan reads from as readPlan reads it (the command reads that row and nothing else): a Title
 * column named or guessed from the cells under it ("Date, Label"), levels that can be told.
 * Decided from the first HEADER_READ_ROWS rows.
 * 0-based, or -1.
 */
export function findHeaderRow(rows: readonly (readonly CellValue[] | undefined)[], mapping?: ColumnMapping): number {
  const named = findNamedHeaderRow(rows, mapping);
  if (named >= 0 || hasWanted(mapping)) return named;
  return candidateRows(rows).find((candidate) => readsAsHeader(rows, candidate)) ?? -1;
}

/** The plan reads from this row as readPlan reads it: its titles found, named or guessed, and its levels. */
function readsAsHeader(rows: readonly (readonly CellValue[] | undefined)[], candidate: number): boolean {
  // readPlan writes into its rows only when asked to release them: these are read, never changed.
  const below = rows.slice(candidate + 1, HEADER_READ_ROWS).map((row) => row ?? []) as CellValue[][];
  try {
    readPlan({ header: [...(rows[candidate] ?? [])], rows: below, headerRow: candidate + 1 });
    return true;
  } catch (error) {
    if (error instanceof PlanFormatError) return false;
    throw error;
  }
}

function hasWanted(mapping: ColumnMapping | undefined): boolean {
  return Object.values(mapping ?? {}).some((text) => typeof text === 'string' && text.trim() !== '');
}

function hasTemplateHeaders(row: readonly CellValue[]): boolean {
  const keys = new Set(row.map((cell) => headerKeyOf(cell)?.key));
  return keys.has('id') && keys.has('level') && keys.has('title');
}
