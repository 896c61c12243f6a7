import type { CellValue, Day, Parsed } from './types.js';

/** STUB: implemented by the core work. */
export function dayFromIso(iso: string): Day { throw new Error('not implemented'); }
/** Day → "YYYY-MM-DD". */
export function isoFromDay(day: Day): string { throw new Error('not implemented'); }
/** A Date's calendar day by its UTC fields (exceljs and adapters hand dates over at UTC midnight). */
export function dayFromDate(date: Date): Day { throw new Error('not implemented'); }
/** Day → Date at UTC midnight (for writing cells). */
export function dateFromDay(day: Day): Date { throw new Error('not implemented'); }
/** Today on the machine's local calendar. */
export function todayDay(now?: Date): Day { throw new Error('not implemented'); }
/**
 * A date cell: native Date, a spreadsheet serial number, ISO `2026-05-01`, and the common written
 * forms (`May 1, 2026`, `1 May 2026`, `5/1/2026`, `2026/05/01`, `01.05.2026`). Anything else: 'invalid'.
 */
export function parseDay(cell: CellValue): Parsed<Day> { throw new Error('not implemented'); }
