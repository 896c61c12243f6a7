import type { CellValue } from '../../shared/index.js';

// How values go into setValues(): Sheets reads a string there as if it were typed, so "1.10"
// becomes the number 1.1, "2026-05-01" a date and "=…" a formula. Text that could be read that way
// gets a leading apostrophe, which Sheets drops and which keeps the text exactly as it is.

const READ_AS_NON_TEXT = /^(?:[=+\-'@.$€£¥(0-9]|(?:true|false)$)/i;

/** The string to hand setValues() so that the cell holds exactly `text`. */
export function textCell(text: string): string {
  return text !== '' && READ_AS_NON_TEXT.test(text) ? `'${text}` : text;
}

/** A value for an owned cell: numbers and booleans as they are, text kept as text, null blank. */
export function ownedCell(value: CellValue | undefined): CellValue {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? textCell(value) : value;
}
