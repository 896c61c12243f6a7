import { memoise } from './memo.js';
import { isPlaceholderText, placeholderBlank } from './numbers.js';
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

/** The calendar year of a Day. */
export function yearOfDay(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Day → "YYYY-MM-DD" (a plan names a few hundred days in thousands of findings: each is written once). */
export const isoFromDay: (day: Day) => string = memoise((day) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10));

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

/** Month names and abbreviations in English, Spanish, German and French, folded (lower case, no accents). */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['jan', 'january', 'ene', 'enero', 'januar', 'janner', 'janv', 'janvier'],
  ['feb', 'february', 'febrero', 'februar', 'fev', 'fevr', 'fevrier'],
  ['mar', 'march', 'marzo', 'marz', 'maerz', 'mrz', 'mars'],
  ['apr', 'april', 'abr', 'abril', 'avr', 'avril'],
  ['may', 'mayo', 'mai'],
  ['jun', 'june', 'junio', 'juni', 'juin'],
  ['jul', 'july', 'julio', 'juli', 'juil', 'juillet'],
  ['aug', 'august', 'ago', 'agosto', 'aout'],
  ['sep', 'sept', 'september', 'septiembre', 'setiembre', 'set', 'septembre'],
  ['oct', 'october', 'octubre', 'okt', 'oktober', 'octobre'],
  ['nov', 'november', 'noviembre', 'novembre'],
  ['dec', 'december', 'dic', 'diciembre', 'dez', 'dezember', 'decembre'],
];
const MONTH_NUMBER: Record<string, number> = {};
MONTH_NAMES.forEach((names, i) => names.forEach((name) => (MONTH_NUMBER[name] = i + 1)));

/** "Décembre" → "decembre", "März" → "marz": how month names are looked up. */
function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function monthNumber(name: string): number | undefined {
  return MONTH_NUMBER[foldName(name)];
}

const TIME = '(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d+)?)?';
const ISO = new RegExp(
  `^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:(?:T|\\s+)${TIME}\\s*(?:Z|UTC|GMT|[+-]\\d{2}:?\\d{2})?)?$`,
  'i',
);
const YMD = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const SLASH = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/;
const DOT = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH_FIRST = /^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/iu;
const DAY_FIRST =
  /^(\d{1,2})(?:st|nd|rd|th|er|\.)?(?:\s+(?:of|de))?[\s-]+(\p{L}+)\.?,?(?:\s+de)?[\s-]+(\d{2}|\d{4})$/iu;
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
    const month = monthNumber(m[1]);
    return month ? dayFromParts(+m[3], month, +m[2]) : null;
  }
  if ((m = DAY_FIRST.exec(text))) {
    const month = monthNumber(m[2]);
    return month ? dayFromParts(fullYear(m[3]), month, +m[1]) : null;
  }
  return null;
}

/** Which day of a written period a column means: a Start date its first, a Due date its last. */
export type DateEnd = 'first' | 'last';

export interface DateReadOptions {
  /** How `06/07/2026` reads. Default month first. */
  order?: DateOrder;
  /**
   * Which day a period means (`Q3 2026`, `December`, `H2 2026`, a range): its first or its last.
   * Without it, only a single day is a date (a Last check-in is one day).
   */
  end?: DateEnd;
  /** The year of a date written without one (`Oct 15`, `December`, `Q1`). Default: this year. */
  year?: number;
}

/**
 * A date cell: native Date, a spreadsheet serial number, ISO `2026-05-01` (a time part and a
 * `UTC` are ignored), and the written forms (`May 1, 2026`, `1 May 2026`, `15 de octubre de 2026`,
 * `15. Oktober 2026`, `5/1/2026` month first — or day first when `order` says so — unless a part
 * is above 12, `2026/05/01`, `01.05.2026` day first, `20260501`); a day without a year
 * (`Oct 15`) in `options.year`. With `options.end`, also a period or a range, read as its first
 * or last day (`Q3 2026`, `Q126`, `H2 2026`, `December`, `FY27`, `EOY 2026`, `Oct 1 – Nov 30`).
 * A placeholder (`TBD`, `n/a`, `—`, `?`) is blank. Anything else, and dates that do not exist
 * (Feb 30), are 'invalid'.
 */
export function parseDay(cell: CellValue, orderOrOptions: DateOrder | DateReadOptions = {}): Parsed<Day> {
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
  const options = typeof orderOrOptions === 'string' ? { order: orderOrOptions } : orderOrOptions;
  const order = options.order ?? 'month first';
  const day = dayFromText(text, order);
  if (day !== null) return { state: 'ok', value: day };
  if (isPlaceholderText(text)) return placeholderBlank(text);
  const span = dateSpanFromText(text, order, options.year ?? new Date().getUTCFullYear());
  if (span === null || (options.end === undefined && span.first !== span.last)) return { state: 'invalid', text };
  return { state: 'ok', value: options.end === 'last' ? span.last : span.first };
}

/** The days a written date, period or range covers (one day: first = last). */
export interface DateSpan {
  first: Day;
  last: Day;
  /** The text named no year: `year` was used. */
  yearless: boolean;
  /** Two dates or periods with a dash or "to" between them. */
  range: boolean;
}

const RANGE_SPLIT = /\s*(?:[–—→]|\s-\s|\s+(?:to|until|till|through|thru|bis|hasta|al|au)\s+)\s*/i;
const RANGE_LEAD = /^(?:from|between|du|del|de|desde|vom|von|entre)\s+/i;
const TIME_ZONE = /\s+(?:UTC|GMT|Z)$/i;
const QUARTER_FORM =
  /^(?:q([1-4])(?:\s*[/'’-]?\s*(?:fy\s*)?(\d{4}|\d{2}))?|(\d{4})\s*[/-]?\s*q([1-4])|([1-4])q\s*(\d{4}|\d{2})?)$/i;
const HALF_FORM = /^(?:h([12])(?:\s*[/'’-]?\s*(\d{4}|\d{2}))?|(\d{4})\s*[/-]?\s*h([12])|([12])h\s*(\d{4}|\d{2})?)$/i;
const YEAR_FORM = /^(?:(?:fy|cy|gj|year|año|ano|jahr|annee|année)\s*['’]?\s*(\d{4}|\d{2})|(\d{4}))$/i;
const END_OF = /^(?:eo|end\s+of(?:\s+the)?|by\s+(?:the\s+)?end\s+of|fin(?:al)?\s+de(?:l)?|fin\s+d['’]|ende)\s*/i;
const END_OF_YEAR =
  /^(?:eoy|end\s+of(?:\s+the)?\s+year|year[-\s]end|fin\s+de\s+año|jahresende|fin\s+d['’]année)\s*(?:(\d{4}|\d{2}))?$/i;
/** A calendar week (ISO 8601, Monday to Sunday): "KW43", "KW 43/2025", "CW43 '25", "Week 43", "W43", "semana 43". */
const WEEK_FORM = /^(?:kw|cw|wk|week|w|woche|semana|semaine)\.?\s*(\d{1,2})(?:\s*[/'’,-]?\s*(\d{4}|\d{2}))?$/i;
/** The year first: "2025-W43", "2025 KW 43". */
const YEAR_WEEK_FORM = /^(\d{4})\s*[-/]?\s*(?:kw|cw|wk|w)\s*(\d{1,2})$/i;
/** A date or period with a note in brackets: "KW43 (23.10.25)", "May 1 (tentative)". */
const BRACKETED = /^([^()]+?)\s*\(([^()]+)\)$/;
const MONTH_DAY_FORM = /^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?$/u;
const DAY_MONTH_FORM = /^(\d{1,2})(?:st|nd|rd|th|er|\.)?(?:\s+(?:of|de))?[\s-]+(\p{L}+)\.?$/iu;
const MONTH_FORM = /^(\p{L}+)\.?,?(?:\s+(?:de|del|of))?(?:\s*['’]?\s*(\d{4}|\d{2}))?$/iu;

/** A period with a qualifier: "Mid-Sep 2026", "early Oct", "late 2026", "mediados de marzo", "Anfang Mai", "début juin". */
const QUALIFIED =
  /^(early|beginning\s+of|start\s+of|principios\s+de|inicios\s+de|anfang|d[ée]but(?:\s+d['’]|\s+de)?|mid|middle\s+of|mediados\s+de|mitte|mi|late|finales\s+de)[\s-]+(?=\S)(.+)$/i;

type Qualifier = 'early' | 'mid' | 'late';

function qualifierOf(word: string): Qualifier {
  const w = word.toLowerCase();
  if (/^(mid|middle|mediados|mitte|mi$)/.test(w)) return 'mid';
  if (/^(late|finales)/.test(w)) return 'late';
  return 'early';
}

/**
 * The one day a qualified period means: of a month, early the 10th, mid the 15th, late its last
 * day; of a longer period of n months (quarter, half, year), the last day of its month ⌈n/3⌉
 * (early), ⌈n/2⌉ (mid) or n (late): early 2026 is April 30, mid 2026 June 30, late 2026 December 31.
 */
function qualifiedDay(period: DateSpan, qualifier: Qualifier): DateSpan | null {
  const first = isoFromDay(period.first);
  const y = +first.slice(0, 4);
  const month = +first.slice(5, 7);
  const lastIso = isoFromDay(period.last);
  const months = (+lastIso.slice(0, 4) - y) * 12 + +lastIso.slice(5, 7) - month + 1;
  let day: Day | null;
  if (period.first === period.last) return null; // a day cannot be qualified further
  if (months === 1) day = qualifier === 'late' ? period.last : period.first + (qualifier === 'early' ? 9 : 14);
  else {
    const k = qualifier === 'late' ? months : Math.ceil(months / (qualifier === 'early' ? 3 : 2));
    const m = month + k - 1;
    const yy = y + Math.floor((m - 1) / 12);
    const mm = ((m - 1) % 12) + 1;
    day = dayFromParts(yy, mm, daysInMonth(yy, mm));
  }
  return day === null ? null : { first: day, last: day, yearless: period.yearless, range: false };
}

function periodSpan(year: number, firstMonth: number, months: number, yearless: boolean): DateSpan | null {
  const lastMonth = firstMonth + months - 1;
  const first = dayFromParts(year, firstMonth, 1);
  const last = dayFromParts(year, lastMonth, daysInMonth(year, lastMonth));
  return first === null || last === null ? null : { first, last, yearless, range: false };
}

/** The year written as 4 or 2 digits, else `year` (and yearless). */
function yearOf(text: string | undefined, year: number): [number, boolean] {
  return text === undefined ? [year, true] : [fullYear(text), false];
}

/**
 * A date, a period or a range as people write them where a date belongs, as the days it covers;
 * `year` stands in for a missing year. null when it is none of these.
 */
export function dateSpanFromText(raw: string, order: DateOrder, year: number): DateSpan | null {
  const text = raw.trim().replace(TIME_ZONE, '');
  const parts = text.replace(RANGE_LEAD, '').split(RANGE_SPLIT);
  if (parts.length === 2 && parts[0] !== '' && parts[1] !== '') {
    let to = singleSpan(parts[1], order, year);
    if (to === null) return null;
    // "Jan – Mar 2026", "Oct 1 – Nov 30, 2026": the first part takes the second's year.
    const from = singleSpan(parts[0], order, to.yearless ? year : yearOfDay(to.last));
    if (from === null) return null;
    if (to.yearless) {
      // "Q425–Q1": the end takes the start's year; "Nov 15 – Jan 15", an end before the start, the next.
      const base = from.yearless ? year : yearOfDay(from.first);
      to = singleSpan(parts[1], order, base);
      if (to !== null && from.first > to.last) to = singleSpan(parts[1], order, base + 1);
    }
    if (to === null || from.first > to.last) return null;
    return { first: from.first, last: to.last, yearless: to.yearless && from.yearless, range: true };
  }
  return singleSpan(text, order, year);
}

/** Monday to Sunday of ISO week `week` of `year`; null when the year has no such week. */
function weekSpan(year: number, week: number, yearless: boolean): DateSpan | null {
  const jan4 = dayFromParts(year, 1, 4);
  if (jan4 === null || week < 1) return null;
  const monday = jan4 - ((jan4 + 3) % 7) + 7 * (week - 1);
  // Week 53 exists only in years whose Thursday of that week is still in the year.
  if (yearOfDay(monday + 3) !== year) return null;
  return { first: monday, last: monday + 6, yearless, range: false };
}

/**
 * A day beside a note in brackets: "KW43 (23.10.25)", "23.10.25 (KW43)" (a period that holds the
 * day: the day), "May 1, 2026 (tentative)" (a note that is no date: the day); a period with a
 * note ("Dec (2 weeks)"): the period. null when the period does not hold the day beside it.
 */
function bracketedSpan(text: string, order: DateOrder, year: number): DateSpan | null {
  const m = BRACKETED.exec(text);
  if (!m) return null;
  const sides = [m[1].trim(), m[2].trim()];
  for (const [dayText, otherText] of [sides, [sides[1], sides[0]]]) {
    const day = dayFromText(dayText, order);
    if (day === null) continue;
    const other = dateSpanFromText(otherText, order, yearOfDay(day));
    if (other !== null && (other.first > day || day > other.last)) return null;
    return { first: day, last: day, yearless: false, range: false };
  }
  // "Dec (2 weeks)": a period with a note that is no date.
  return dateSpanFromText(sides[1], order, year) === null ? dateSpanFromText(sides[0], order, year) : null;
}

function singleSpan(raw: string, order: DateOrder, year: number): DateSpan | null {
  const text = raw.trim().replace(/[,.]$/, '');
  const day = dayFromText(text, order);
  if (day !== null) return { first: day, last: day, yearless: false, range: false };
  const bracketed = bracketedSpan(text, order, year);
  if (bracketed !== null) return bracketed;
  let m = END_OF_YEAR.exec(text);
  if (m) {
    const [y, yearless] = yearOf(m[1], year);
    const last = dayFromParts(y, 12, 31);
    return last === null ? null : { first: last, last, yearless, range: false };
  }
  if ((m = QUALIFIED.exec(text))) {
    const period = singleSpan(m[2], order, year);
    return period === null ? null : qualifiedDay(period, qualifierOf(m[1]));
  }
  if ((m = END_OF.exec(text)) && m[0].length < text.length) {
    const period = singleSpan(text.slice(m[0].length), order, year);
    return period === null ? null : { ...period, first: period.last };
  }
  if ((m = QUARTER_FORM.exec(text))) {
    const quarter = +(m[1] ?? m[4] ?? m[5]);
    const [y, yearless] = yearOf(m[2] ?? m[3] ?? m[6], year);
    return periodSpan(y, 3 * (quarter - 1) + 1, 3, yearless);
  }
  if ((m = HALF_FORM.exec(text))) {
    const half = +(m[1] ?? m[4] ?? m[5]);
    const [y, yearless] = yearOf(m[2] ?? m[3] ?? m[6], year);
    return periodSpan(y, half === 1 ? 1 : 7, 6, yearless);
  }
  if ((m = YEAR_FORM.exec(text))) return periodSpan(fullYear(m[1] ?? m[2]), 1, 12, false);
  if ((m = WEEK_FORM.exec(text))) {
    const [y, yearless] = yearOf(m[2], year);
    return weekSpan(y, +m[1], yearless);
  }
  if ((m = YEAR_WEEK_FORM.exec(text))) return weekSpan(+m[1], +m[2], false);
  if ((m = MONTH_DAY_FORM.exec(text)) && monthNumber(m[1])) {
    const d = dayFromParts(year, monthNumber(m[1])!, +m[2]);
    return d === null ? null : { first: d, last: d, yearless: true, range: false };
  }
  if ((m = DAY_MONTH_FORM.exec(text)) && monthNumber(m[2])) {
    const d = dayFromParts(year, monthNumber(m[2])!, +m[1]);
    return d === null ? null : { first: d, last: d, yearless: true, range: false };
  }
  if ((m = MONTH_FORM.exec(text)) && monthNumber(m[1])) {
    const [y, yearless] = yearOf(m[2], year);
    return periodSpan(y, monthNumber(m[1])!, 1, yearless);
  }
  return null;
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
