// The Title column of a table whose headers name none ("Label", "Metric", "Checkpoint"), guessed
// from its cells: the column a person reads each row by is the leftmost one holding mostly
// distinct short texts that are not dates, numbers, statuses, people or IDs.
import { isGroupHeader } from '../columns.js';
import { parseDay } from '../dates.js';
import { statusFromText } from '../statuses.js';
import type { CellValue } from '../types.js';
import { outlineDepth, prefixedId } from './prefixes.js';

/** Cells looked at per column: enough to tell, few enough to stay fast. */
export const TITLE_SAMPLE_ROWS = 200;
/** Share of the rows (or texts) that must pass a test for the column to count as holding them. */
const MOSTLY = 0.8;
/** Longer on average than this, a column reads as notes: a title only when nothing shorter fits. */
const NOTES_LENGTH = 80;

/** What a title is not: a number or a count ("10/10", "42 %"), an ID ("KR-12", "1.2"), a person's address. */
function notTitleText(text: string): boolean {
  if (!/\p{L}/u.test(text)) return true;
  if (/^[\p{Sc}~<>≤≥]?\s*[\d.,]+\s*[%\p{Sc}kKmM]?$/u.test(text)) return true;
  if (/^[A-Za-z]{1,6}[-_#]?\d+[A-Za-z]?$/.test(text) || prefixedId(text) !== null || outlineDepth(text) !== null)
    return true;
  if (/^\S+@\S+\.\S+$/.test(text) || /^@\w/.test(text) || /^https?:\/\//i.test(text)) return true;
  if (statusFromText(text) !== null) return true;
  return parseDay(text, { year: 2000, end: 'last' }).state === 'ok';
}

interface Candidate {
  index: number;
  notes: boolean;
}

/** A column that reads as the rows' titles; null when its cells are something else. */
function judge(rows: readonly (readonly CellValue[])[], index: number): Candidate | null {
  const texts: string[] = [];
  let filledRows = 0;
  for (let r = 0; r < rows.length && filledRows < TITLE_SAMPLE_ROWS; r++) {
    const row = rows[r];
    if (!row || !row.some((cell) => cell !== null && cell !== undefined && String(cell).trim() !== '')) continue;
    filledRows++;
    const cell = row[index];
    if (typeof cell === 'string' && cell.trim() !== '') texts.push(cell.trim());
  }
  // A title is on most rows; a column filled on a few (a group written once, a remark) is not.
  if (texts.length === 0 || texts.length < filledRows * MOSTLY) return null;
  if (new Set(texts).size < texts.length * MOSTLY) return null;
  let plain = 0;
  let length = 0;
  for (const text of texts) {
    if (!notTitleText(text)) plain++;
    length += text.length;
  }
  if (plain < texts.length * MOSTLY) return null;
  return { index, notes: length / texts.length > NOTES_LENGTH };
}

/**
 * The leftmost free column whose cells read as titles, preferring one that reads neither as notes
 * (long prose) nor as groups (a header such as Theme or Category); null when none does.
 * `free(index)`: the column is no other field's.
 */
export function guessTitleColumn(
  header: readonly CellValue[],
  rows: readonly (readonly CellValue[])[],
  free: (index: number) => boolean,
): number | null {
  const width = Math.max(header.length, rows[0]?.length ?? 0);
  let second: number | null = null;
  for (let index = 0; index < width; index++) {
    if (!free(index)) continue;
    const found = judge(rows, index);
    if (found === null) continue;
    const cell = header[index];
    if (!found.notes && !(typeof cell === 'string' && isGroupHeader(cell))) return index;
    second ??= index;
  }
  return second;
}
