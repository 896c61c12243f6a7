import { isDateValue } from './dates.js';
import type { Cadence, CellValue, Parsed } from './types.js';

// Review cadences as people write them. A month counts 30 days, a quarter 91, a year 365: a
// cadence is a period for "is the last check-in too old?", not a calendar rule.

const BLANK: Parsed<never> = { state: 'blank' };
/** Cadence texts repeat on every row; parsed values are shared (never change them). */
const CACHE = new Map<string, Parsed<Cadence>>();

const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30, quarter: 91, year: 365, sprint: 14 };

const NAMED: Record<string, number> = {
  daily: 1,
  'every day': 1,
  'each day': 1,
  'twice a week': 3.5,
  'twice weekly': 3.5,
  weekly: 7,
  'every week': 7,
  'each week': 7,
  'once a week': 7,
  'per week': 7,
  biweekly: 14,
  fortnightly: 14,
  'every other week': 14,
  'every fortnight': 14,
  'twice a month': 15,
  'twice monthly': 15,
  semimonthly: 15,
  monthly: 30,
  'every month': 30,
  'each month': 30,
  'once a month': 30,
  'per month': 30,
  // "bi-" reads as "every two" here, as in biweekly: bimonthly is every two months.
  bimonthly: 60,
  'every other month': 60,
  quarterly: 91,
  'every quarter': 91,
  'each quarter': 91,
  'once a quarter': 91,
  'per quarter': 91,
  semiannually: 182,
  semiannual: 182,
  biannually: 182,
  biannual: 182,
  'half yearly': 182,
  'twice a year': 182,
  yearly: 365,
  annually: 365,
  annual: 365,
  'every year': 365,
  'once a year': 365,
  'per year': 365,
  'every sprint': 14,
  'each sprint': 14,
};

const SHORT_UNIT: Record<string, string> = {
  d: 'day',
  w: 'week',
  wk: 'week',
  m: 'month',
  mo: 'month',
  q: 'quarter',
  y: 'year',
  yr: 'year',
};
const EVERY_N =
  /^(?:every|each)?\s*(\d+(?:\.\d+)?|other|two|three|four|six)\s*(days?|weeks?|wks?|months?|mos?|quarters?|years?|yrs?|sprints?|[dwmqy])$/;
const WORD_COUNT: Record<string, number> = { other: 2, two: 2, three: 3, four: 4, six: 6 };

function normalise(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/([a-z])[-_]([a-z])/g, '$1 $2')
    .replace(/\s+/g, ' ')
    .replace(/^bi weekly$/, 'biweekly')
    .replace(/^bi monthly$/, 'bimonthly')
    .replace(/^semi (annual|annually|monthly)$/, 'semi$1')
    .replace(/^bi (annual|annually)$/, 'bi$1');
}

/** Days in one period of a cadence text, or null when it names no cadence. */
function cadenceDays(text: string): number | null {
  const key = normalise(text);
  const named = NAMED[key];
  if (named !== undefined) return named;
  const m = EVERY_N.exec(key);
  if (!m) return null;
  const count = WORD_COUNT[m[1]] ?? Number(m[1]);
  let unit = m[2].replace(/s$/, '');
  unit = SHORT_UNIT[unit] ?? unit;
  const days = UNIT_DAYS[unit];
  if (days === undefined || !(count > 0)) return null;
  return count * days;
}

/**
 * A Review cell: `daily`, `weekly`, `biweekly`/`bi-weekly`, `fortnightly`, `every 2 weeks`,
 * `2 weeks`, `monthly`, `bimonthly` (every two months), `quarterly`, `semiannually`,
 * `yearly`/`annually`, `every N days/weeks/months/quarters/years`, `2w`; a plain positive number
 * is a number of days. Anything else is 'invalid'.
 */
export function parseCadence(cell: CellValue): Parsed<Cadence> {
  if (cell === null || cell === undefined) return BLANK;
  if (typeof cell === 'number') {
    return Number.isFinite(cell) && cell > 0
      ? { state: 'ok', value: { days: cell, text: String(cell) } }
      : { state: 'invalid', text: String(cell) };
  }
  if (typeof cell !== 'string') return { state: 'invalid', text: isDateValue(cell) ? 'a date' : String(cell) };
  const text = cell.trim();
  if (text === '') return BLANK;
  let parsed = CACHE.get(text);
  if (parsed === undefined) {
    const days = cadenceDays(text);
    parsed = days === null ? { state: 'invalid', text } : { state: 'ok', value: { days, text } };
    if (CACHE.size < 10_000) CACHE.set(text, parsed);
  }
  return parsed;
}

/** The cadences templates offer in the Review dropdown (any other readable cadence is fine too). */
export const REVIEW_CHOICES: readonly string[] = [
  'weekly',
  'biweekly',
  'monthly',
  'quarterly',
  'every 2 weeks',
  'daily',
  'yearly',
];
