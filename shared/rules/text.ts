// Wording helpers for findings: messages quote the user's own words, shortened to fit a cell.
import { COLUMN_BY_KEY } from '../columns.js';
import { isoFromDay } from '../dates.js';
import type { ColumnKey, Day, PlanItem } from '../types.js';
import { memoise } from '../memo.js';

const QUOTE_MAX = 60;

/**
 * `"text"` on one line (line breaks and tabs typed in a cell become spaces), cut to about 60
 * characters with "…" (never inside an emoji's surrogate pair).
 */
export function quote(raw: string): string {
  const text = /\s\s|[^\S ]/.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw;
  if (text.length <= QUOTE_MAX) return `"${text}"`;
  let cut = QUOTE_MAX - 1;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `"${text.slice(0, cut).trimEnd()}…"`;
}

/** How a message names a row: `Key Result "Raise NPS to 45"`, else its ID, else its row number. */
export function itemLabel(item: PlanItem): string {
  const level = item.level ?? (item.levelText || 'Row');
  if (item.title !== '') return `${level} ${quote(item.title)}`;
  if (item.id !== '') return `${level} ${item.id}`;
  return `${level} on row ${item.row}`;
}

/** A parent as messages name it: `Objective "Delight customers" (O1)`. */
export function parentLabel(parent: PlanItem): string {
  return parent.id === '' ? itemLabel(parent) : `${itemLabel(parent)} (${parent.id})`;
}

/** "2026-06-30". Plans repeat the same few dates on many rows, so the text is kept. */
export const dayText: (day: Day) => string = memoise(isoFromDay);

export function header(key: ColumnKey): string {
  return COLUMN_BY_KEY[key].header;
}

/** The error values a spreadsheet shows in a cell whose formula fails: `#REF!`, `#N/A`, `#DIV/0!`… */
const SPREADSHEET_ERROR =
  /^#(?:REF!|N\/A|DIV\/0!|VALUE!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

export function isSpreadsheetError(text: string): boolean {
  return SPREADSHEET_ERROR.test(text.trim());
}

/** The hint for a cell that shows a spreadsheet error, ending with what to type instead. */
export function brokenFormulaHint(text: string, instead: string): string {
  return `The cell's formula is broken (${text.trim()}): fix it, or ${instead}.`;
}
