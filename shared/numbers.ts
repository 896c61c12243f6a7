import { isDateValue } from './dates.js';
import type { CellValue, Parsed } from './types.js';

// Numbers as people type them into sheets. The spreadsheet convention wins where there is one:
// a typed `45%` is stored as 0.45, `1,000` is a thousand, `(12)` is minus twelve.

const BLANK: Parsed<never> = { state: 'blank' };

/** Currency signs and codes that may stand before a number. */
const CURRENCY_PREFIX = /^(?:[$€£¥₹]|(?:USD|EUR|GBP|CHF|JPY|CAD|AUD|INR)(?![A-Za-z]))\s*/;
/** A sign, ASCII or typographic. */
const SIGN = /^[+\-−–]\s*/;
/**
 * The digits: `1,000,000.5` (comma groups), `1.000.000,5` (dot groups with a decimal comma, or
 * two or more dot groups: `3.000.000`; a single `1.000` stays one, as a spreadsheet reads it),
 * `1 000 000` (space groups), `1000.5`, `1,5` (decimal comma), `.5`, with an optional exponent.
 */
const DIGITS =
  /^(?:(\d{1,3}(?:,\d{3})+(?:\.\d+)?)|(\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:\.\d{3}){2,}(?![\d,.]))|(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:\.\d+)?(?![\d,.]))|(\d+(?:\.\d*)?|\.\d+)(?:,(\d+))?)([eE][+-]?\d+)?/;
/**
 * Scale words and letters, also the German/Swiss abbreviations (`Tsd`, `Mio`, `Mrd`); a single
 * lower-case m/b/t only after a currency (`$120m`, not `200 m`).
 */
const SCALE =
  /^(?:(k|K|thousand|Thousand|THOUSAND|Tsd\.?)|(M|mn|Mn|MM|mm|million|Million|MILLION|Mio\.?)|(B|bn|Bn|BN|billion|Billion|BILLION|Mrd\.?)|(tn|Tn|trillion|Trillion|TRILLION))(?![A-Za-z])/;
const CURRENCY_SCALE = /^(?:(m)|(b)|(t|T))(?![A-Za-z])/;

/**
 * A number as people type it: native numbers, `1,000`, `$120M` / `$120 million` (→ 120000000),
 * `1.5k`, `€3bn`, `45%` (→ 0.45, as a spreadsheet stores a typed percent), `200 ms`,
 * `80 accounts` (a trailing unit is ignored; the Unit column names it), `(12)` and `-12` (→ -12).
 * Booleans, dates and text without a number are 'invalid'; '' and whitespace are 'blank'.
 */
export interface NumberOptions {
  /**
   * Text numbers use a decimal comma and dot groups (a CSV from a European Excel, which separates
   * fields with `;`): `1.000` is a thousand, `1,000` is one, `12,5 %` is 0.125.
   */
  decimalComma?: boolean;
}

/** What a comparison before a number says: `< 20%`, `≤ 2`, `at most 5` hold a ceiling; `>`, `≥`, `at least`, `min` a floor. */
export type Bound = 'at most' | 'at least';

/**
 * Text that holds the place of a number or a date nobody knows yet: `TBD`, `n/a`, `—`, `?`, `-`.
 * Such a cell is read as blank (the check says so once per column), never as a bad value.
 */
const PLACEHOLDER =
  /^(?:tbd|tba|tbc|tbd\.|n\/?a|n\.a\.|k\.\s?a\.|n\.?d\.|nc|-+|[—–]+|\?+|\.{3}|…|por definir|a definir|à définir|à déterminer|offen\?)$/i;

export function isPlaceholderText(text: string): boolean {
  return PLACEHOLDER.test(text);
}

/** A number (or date) cell that holds a placeholder: blank, with the text kept for the warning. */
export function placeholderBlank(text: string): Parsed<never> {
  return { state: 'blank', placeholder: text };
}

/** Before the number: an approximation (`~35%`, `about 40`) reads as the number. */
const APPROXIMATELY =
  /^(?:~|≈|∼|approx\.?|approximately|about|around|circa|ca\.|c\.|roughly|etwa|ungefähr|ungefaehr|rund|aprox\.?|aproximadamente|alrededor de|environ|env\.)\s*/i;
/** Before the number: a ceiling or a floor. */
const AT_MOST =
  /^(?:<=?|≤|=<|⩽|at most|max(?:imum|\.)?|no more than|not more than|up to|less than|under|below|höchstens|hoechstens|maximal|como máximo|como maximo|máximo|máx\.?|a lo sumo|menos de|au plus|au maximum|moins de|jusqu'à)(?![\p{L}])\s*/iu;
const AT_LEAST =
  /^(?:>=?|≥|=>|⩾|at least|min(?:imum|\.)?|no less than|not less than|more than|over|above|mindestens|minimal|al menos|como mínimo|como minimo|mínimo|mín\.?|más de|mas de|au moins|au minimum|plus de)(?![\p{L}])\s*/iu;
/** After the number and its unit: a note in brackets (`84.36% (708 tests)`). */
const TRAILING_NOTE = /\s*(?:\([^()]*\)|\[[^\]]*\])\s*$/;

/** Set by numberFromText: the comparison the last number read was written with. */
let lastBound: Bound | null = null;

/**
 * A number cell with the comparison it was written with: `< 20%` → 0.2 'at most', `≥ 99.9` →
 * 99.9 'at least'. A Target written so tells the row's Type.
 */
export function parseBoundedNumber(
  cell: CellValue,
  options: NumberOptions = {},
): { parsed: Parsed<number>; bound: Bound | null } {
  lastBound = null;
  const parsed = parseNumber(cell, options);
  return { parsed, bound: parsed.state === 'ok' ? lastBound : null };
}

export function parseNumber(cell: CellValue, options: NumberOptions = {}): Parsed<number> {
  if (cell === null || cell === undefined) return BLANK;
  if (typeof cell === 'number') {
    return Number.isFinite(cell)
      ? { state: 'ok', value: cell === 0 ? 0 : cell }
      : { state: 'invalid', text: String(cell) };
  }
  if (typeof cell === 'boolean') return { state: 'invalid', text: cell ? 'TRUE' : 'FALSE' };
  if (typeof cell === 'object' && isDateValue(cell))
    return { state: 'invalid', text: Number.isNaN(cell.getTime()) ? 'Invalid Date' : cell.toISOString().slice(0, 10) };
  const text = String(cell).trim();
  if (text === '') return BLANK;
  if (PLACEHOLDER.test(text)) return placeholderBlank(text);
  const value = numberFromText(options.decimalComma ? swapSeparators(text) : text);
  return value === null ? { state: 'invalid', text } : { state: 'ok', value };
}

/** "1.234,5" → "1,234.5": a decimal-comma number in the form the reader's default expects. */
export function swapSeparators(text: string): string {
  return text.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
}

function numberFromText(text: string): number | null {
  lastBound = null;
  let s = text;
  if (/^[^\d(+\-−–$€£¥₹.]/.test(s)) s = stripQualifiers(s);
  if (s.length > 2 && s[s.length - 1] === ')' && s[0] !== '(') s = s.replace(TRAILING_NOTE, '');
  else if (s[s.length - 1] === ']') s = s.replace(TRAILING_NOTE, '');
  let negative = false;
  if (s.length > 2 && s[0] === '(' && s[s.length - 1] === ')') {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  let currency = false;
  let signSeen = false;
  // Sign and currency in either order: `-$5`, `$-5`, `USD 5`.
  for (let guard = 0; guard < 3; guard++) {
    const sign = SIGN.exec(s);
    if (sign && !signSeen) {
      signSeen = true;
      if (s[0] !== '+') negative = !negative;
      s = s.slice(sign[0].length);
      continue;
    }
    const cur = CURRENCY_PREFIX.exec(s);
    if (cur && !currency) {
      currency = true;
      s = s.slice(cur[0].length);
      continue;
    }
    break;
  }
  const digits = DIGITS.exec(s);
  if (!digits) return null;
  let mantissa: string;
  if (digits[1] !== undefined) mantissa = digits[1].replace(/,/g, '');
  else if (digits[2] !== undefined) mantissa = digits[2].replace(/\./g, '').replace(',', '.');
  else if (digits[3] !== undefined) mantissa = digits[3].replace(/[ \u00a0\u202f]/g, '');
  else mantissa = digits[5] !== undefined ? `${digits[4]}.${digits[5]}` : digits[4];
  if (digits[5] !== undefined && digits[4].indexOf('.') >= 0) return null; // `1.5,3`
  const exponent = digits[6];
  let rest = s.slice(digits[0].length).trim();

  let shift = 0; // decimal exponent applied by a scale or a percent
  const scale = exponent ? null : (SCALE.exec(rest) ?? (currency ? CURRENCY_SCALE.exec(rest) : null));
  if (scale) {
    // Groups 1–4 of SCALE are thousand, million, billion, trillion; CURRENCY_SCALE has no thousand.
    const offset = scale.length === 5 ? 0 : 1;
    const group = scale.findIndex((g, k) => k > 0 && g !== undefined);
    shift = 3 * (group + offset);
    rest = rest.slice(scale[0].length).trim();
  }
  if (rest[0] === '%' && shift === 0) {
    shift = -2;
    rest = rest.slice(1).trim();
  }
  // Whatever is left is a unit (`ms`, `accounts`, `€`); a unit never holds digits (`3 of 5`).
  if (/\d/.test(rest)) return null;
  // Scaling through the decimal exponent keeps `1.1k` at exactly 1100.
  let value = Number(exponent ? `${mantissa}${exponent}` : mantissa);
  if (shift !== 0) value = Number(`${value}e${shift}`);
  if (!Number.isFinite(value)) return null;
  if (negative && value !== 0) value = -value;
  return value;
}

/** `~35%` → `35%`, `≤ 2 hours/week` → `2 hours/week` (and lastBound 'at most'). */
function stripQualifiers(text: string): string {
  let s = text;
  for (let guard = 0; guard < 2; guard++) {
    const approx = APPROXIMATELY.exec(s);
    if (approx !== null) {
      s = s.slice(approx[0].length);
      continue;
    }
    const most = AT_MOST.exec(s);
    const least = most === null ? AT_LEAST.exec(s) : null;
    if (most === null && least === null) break;
    lastBound = most !== null ? 'at most' : 'at least';
    s = s.slice((most ?? least)![0].length);
  }
  return s;
}

const MONTHS =
  'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december';
const MONTH_BEFORE = new RegExp(`(?:^|[^a-z])(?:${MONTHS})\\.?\\s*$`, 'i');
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?\\s*(?:of\\s+)?(?:${MONTHS})(?![a-z])`, 'i');
const YEAR_CONTEXT =
  /(?:^|[^a-z])(?:in|by|until|till|before|after|since|during|through|of|end|fy|q[1-4]|h[12])[\s,.']*$/i;
const DURATION_CONTEXT = /(?:^|[^a-z])(?:in|within|next|over)(?:\s+the\s+next)?\s+$/i;
const DURATION_UNIT = /^\s*(?:days?|weeks?|months?|quarters?|years?|sprints?)(?![a-z])/i;
const NUMBER_WORDS =
  /(?:^|[^a-z])(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|double|doubles|doubled|triple|tripled|halve|halved|half|twice|zero)(?![a-z])/gi;

/**
 * True when a title carries a measurable number: "Sign 50 new SMB accounts by Q3" (50),
 * "NPS of 80", "$120M", "45%", "three new contracts", "double the sign-ups", "cut churn in half".
 * Deadlines and names are not metrics: `Q3`, `H1`, `FY26`, `v2`, `EC2`, "April 30", "30 April",
 * `5/1/2026`, `2026-05-01`, "by 2026", "9:00", "1st", and durations like "in three months".
 */
export function hasNumber(text: string): boolean {
  if (!text) return false;
  const digitRun = new RegExp(DIGIT_RUN.source, 'g');
  for (let m = digitRun.exec(text); m !== null; m = digitRun.exec(text)) {
    if (isMetricDigits(text, m.index, m[0])) return true;
  }
  NUMBER_WORDS.lastIndex = 0;
  for (let m = NUMBER_WORDS.exec(text); m !== null; m = NUMBER_WORDS.exec(text)) {
    const start = m.index + m[0].length - m[1].length;
    const before = text.slice(Math.max(0, start - 24), start);
    const after = text.slice(start + m[1].length, start + m[1].length + 16);
    if (DURATION_CONTEXT.test(before) && DURATION_UNIT.test(after)) continue;
    return true;
  }
  return false;
}

const DIGIT_RUN = /\d+(?:[.,:]\d+)*/;

/**
 * The one number written in digits that a title measures, as written with its currency and scale
 * ("50" in "Sign 50 new SMB accounts by Q3", "$1.2M" in "Grow MRR to $1.2M by June 30"); null when
 * there is none or more than one ("from 30 to 45").
 */
export function titleNumberText(text: string): string | null {
  const digitRun = new RegExp(DIGIT_RUN.source, 'g');
  let found: string | null = null;
  for (let m = digitRun.exec(text); m !== null; m = digitRun.exec(text)) {
    if (!isMetricDigits(text, m.index, m[0])) continue;
    if (found !== null) return null;
    const currency = /[$€£¥₹]$/.exec(text.slice(0, m.index))?.[0] ?? '';
    const after = /^(?:%|[kKMB](?![A-Za-z])|bn|mn)/.exec(text.slice(m.index + m[0].length))?.[0] ?? '';
    found = currency + m[0] + after;
  }
  return found;
}

function isMetricDigits(text: string, index: number, digits: string): boolean {
  const prev = index > 0 ? text[index - 1] : '';
  const nextIndex = index + digits.length;
  const next = text.slice(nextIndex, nextIndex + 16);
  if (/[A-Za-z_]/.test(prev)) return false; // Q3, v2, FY26, EC2, B2B
  if (digits.indexOf(':') >= 0) return false; // 9:00
  if (/^\s?(?:am|pm)(?![a-z])/i.test(next)) return false; // 9am
  if (/^(?:st|nd|rd|th)(?![a-z])/i.test(next)) return false; // 1st, 30th
  if (/[/-]/.test(prev) && /\d/.test(text[index - 2] ?? '')) return false; // inside 5/1/2026 or 2026-05-01
  if (/^[/-]\d/.test(next)) return false;
  const before = text.slice(Math.max(0, index - 24), index);
  if (MONTH_BEFORE.test(before) && /^\d{1,2}$/.test(digits)) return false; // April 30
  if (MONTH_BEFORE.test(before) && /^(?:19|20)\d\d$/.test(digits)) return false; // May 2026
  if (/^\d{1,2}$/.test(digits) && MONTH_AFTER.test(next.trimStart())) return false; // 30 April
  if (/^(?:19|20)\d\d$/.test(digits) && YEAR_CONTEXT.test(before)) return false; // by 2026
  if (DURATION_CONTEXT.test(before) && DURATION_UNIT.test(next)) return false; // in 3 months
  return true;
}
