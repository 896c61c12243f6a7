import type { CellValue, DateOrder, Day, Parsed } from './types.js';

// Plans speak in calendar days. A Day is the number of whole days since 1970-01-01, so a deadline
// never moves with a time zone and date arithmetic is integer arithmetic.

const MS_PER_DAY = 86_400_000;
const BLANK: Parsed<never> = { state: 'blank' };
/** Day of the spreadsheet epoch 1899-12-30 (serial 0 in Excel and Google Sheets). */
const SERIAL_EPOCH_DAY = -25_569;
/** Serial numbers read as dates: 1900-03-01 … 2199-12-31 (below March 1900 Excel's calendar is off). */
const MIN_SERIAL = 61;
const MAX_SERIAL = 109_574;
/** Years accepted in written dates. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** True for a Date, also one from another realm (a vm context, a host's Date objects). */
export function isDateValue(value: unknown): value is Date {
  return value instanceof Date || Object.prototype.toString.call(value) === '[object Date]';
}

/** The Day of a calendar date, or null when there is no such date (Feb 30, month 13). */
export function dayFromParts(year: number, month: number, day: number): Day | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** "2026-05-01" → Day. Throws a RangeError for anything that is not a real ISO calendar date. */
export function dayFromIso(iso: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  const day = m ? dayFromParts(+m[1], +m[2], +m[3]) : null;
  if (day === null) throw new RangeError(`"${iso}" is not a date in the form YYYY-MM-DD.`);
  return day;
}

/** Day → "YYYY-MM-DD". */
export function isoFromDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A Date's calendar day by its UTC fields (exceljs and adapters hand dates over at UTC midnight). */
export function dayFromDate(date: Date): Day {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

/**
 * A Date's calendar day by its local fields: for runtimes that hand over dates at local midnight
 * (Apps Script's getValues() gives date cells at midnight in the script's time zone).
 */
export function dayFromLocalDate(date: Date): Day {
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / MS_PER_DAY);
}

/** Day → Date at UTC midnight (for writing cells). */
export function dateFromDay(day: Day): Date {
  return new Date(day * MS_PER_DAY);
}

/** Today on the machine's local calendar. */
export function todayDay(now: Date = new Date()): Day {
  return dayFromLocalDate(now);
}

/** Day → spreadsheet serial number (Excel/Sheets epoch 1899-12-30). */
export function serialFromDay(day: Day): number {
  return day - SERIAL_EPOCH_DAY;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return to - from;
}

const MONTH_NUMBER: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const TIME = '(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d+)?)?';
const ISO = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:(?:T|\\s+)${TIME}\\s*(?:Z|[+-]\\d{2}:?\\d{2})?)?$`, 'i');
const YMD = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const SLASH = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/;
const DOT = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH_FIRST = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
const DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{2}|\d{4})$/i;
const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;
/** A trailing time on a written date: "5/1/2026 14:30", "May 1, 2026 9:00 AM". */
const TRAILING_TIME = new RegExp(`\\s+${TIME}\\s*(?:[ap]\\.?m\\.?)?$`, 'i');

/** Two-digit years as spreadsheets read them: 00–29 → 20xx, 30–99 → 19xx. */
function fullYear(text: string): number {
  const y = +text;
  if (text.length === 4) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

function dayFromText(raw: string, order: DateOrder): Day | null {
  let m = ISO.exec(raw);
  if (m) return dayFromParts(+m[1], +m[2], +m[3]);
  const text = raw.replace(WEEKDAY, '').replace(TRAILING_TIME, '').trim();
  if ((m = YMD.exec(text))) return dayFromParts(+m[1], +m[2], +m[3]);
  if ((m = SLASH.exec(text))) {
    // In the order asked for (month first, as US Google Sheets reads it, by default), unless a
    // part cannot be a month.
    const a = +m[1];
    const b = +m[2];
    const dayFirst = a > 12 || (order === 'day first' && b <= 12);
    return dayFirst ? dayFromParts(fullYear(m[3]), b, a) : dayFromParts(fullYear(m[3]), a, b);
  }
  if ((m = DOT.exec(text))) return dayFromParts(fullYear(m[3]), +m[2], +m[1]);
  if ((m = COMPACT.exec(text))) return dayFromParts(+m[1], +m[2], +m[3]);
  if ((m = MONTH_FIRST.exec(text))) {
    const month = MONTH_NUMBER[m[1].toLowerCase()];
    return month ? dayFromParts(+m[3], month, +m[2]) : null;
  }
  if ((m = DAY_FIRST.exec(text))) {
    const month = MONTH_NUMBER[m[2].toLowerCase()];
    return month ? dayFromParts(fullYear(m[3]), month, +m[1]) : null;
  }
  return null;
}

/**
 * A date cell: native Date, a spreadsheet serial number, ISO `2026-05-01` (a time part is
 * ignored), and the common written forms (`May 1, 2026`, `1 May 2026`, `Jan 5 2026`,
 * `5/1/2026` month first — or day first when `order` says so — unless a part is above 12,
 * `2026/05/01`, `01.05.2026` day first, `20260501`). Anything else, and dates that do not exist
 * (Feb 30), are 'invalid'.
 */
export function parseDay(cell: CellValue, order: DateOrder = 'month first'): Parsed<Day> {
  if (cell === null || cell === undefined) return BLANK;
  if (typeof cell === 'object' && isDateValue(cell)) {
    const time = cell.getTime();
    return Number.isNaN(time) ? { state: 'invalid', text: 'Invalid Date' } : { state: 'ok', value: dayFromDate(cell) };
  }
  if (typeof cell === 'number') {
    if (Number.isFinite(cell) && cell >= MIN_SERIAL && cell < MAX_SERIAL + 1) {
      return { state: 'ok', value: Math.floor(cell) + SERIAL_EPOCH_DAY };
    }
    return { state: 'invalid', text: String(cell) };
  }
  if (typeof cell === 'boolean') return { state: 'invalid', text: cell ? 'TRUE' : 'FALSE' };
  const text = String(cell).trim();
  if (text === '') return BLANK;
  const day = dayFromText(text, order);
  return day === null ? { state: 'invalid', text } : { state: 'ok', value: day };
}

/**
 * What a written date like `30/06/2026` says about the order of day and month: 'day first' or
 * 'month first' when only one reading is a date, 'either' when both are (`06/07/2026`), null for
 * anything else (another form, a date cell, `05/05/2026` which reads the same both ways).
 */
export function slashDateOrder(cell: CellValue): DateOrder | 'either' | null {
  if (typeof cell !== 'string') return null;
  const m = SLASH.exec(cell.trim().replace(WEEKDAY, '').replace(TRAILING_TIME, '').trim());
  if (!m) return null;
  const a = +m[1];
  const b = +m[2];
  if (a === b || a < 1 || b < 1) return null;
  if (a > 12) return b > 12 ? null : 'day first';
  if (b > 12) return 'month first';
  return 'either';
}

const QUARTER = /^(?:Q([1-4])\s*[/-]?\s*(\d{4})|(\d{4})\s*[/-]?\s*Q([1-4]))$/i;
const MONTH_YEAR = /^([a-z]+)\.?,?\s+(\d{4})$/i;

/**
 * The days of a period written where a date belongs: `Q3 2026`, `2026-Q3`, `June 2026`; null for
 * anything else. Not a date itself (which day is meant depends on the column), but a hint can offer one.
 */
export function periodFromText(text: string): { first: Day; last: Day } | null {
  const t = text.trim();
  let year: number;
  let firstMonth: number;
  let months: number;
  let m = QUARTER.exec(t);
  if (m) {
    year = +(m[2] ?? m[3]);
    firstMonth = 3 * (+(m[1] ?? m[4]) - 1) + 1;
    months = 3;
  } else if ((m = MONTH_YEAR.exec(t)) && MONTH_NUMBER[m[1].toLowerCase()]) {
    year = +m[2];
    firstMonth = MONTH_NUMBER[m[1].toLowerCase()];
    months = 1;
  } else {
    return null;
  }
  const lastMonth = firstMonth + months - 1;
  const first = dayFromParts(year, firstMonth, 1);
  const last = dayFromParts(year, lastMonth, daysInMonth(year, lastMonth));
  return first === null || last === null ? null : { first, last };
}
