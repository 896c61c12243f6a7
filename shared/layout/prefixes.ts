// IDs and titles that carry the row's level and number: "O1", "KR1.2", "O1: Grow revenue",
// "Objective 2 – …", and outline numbers ("1", "1.2", "1.2.3").
import { LEVEL_TEXTS, levelFromText } from '../frameworks.js';
import { ID_PREFIX } from '../ids.js';
import type { LevelName } from '../types.js';

/** "KR" → Key Result, "O" → Objective, … the prefixes of generated IDs, and a few more people write. */
const LEVEL_BY_PREFIX = new Map<string, LevelName>([
  ...Object.entries(ID_PREFIX).map(([level, prefix]): [string, LevelName] => [
    prefix.toLowerCase(),
    level as LevelName,
  ]),
  ['k', 'Key Result'],
  ['obj', 'Objective'],
  // "OKR 1: Grow revenue" heads an objective and its key results: the objective's row.
  ['okr', 'Objective'],
  ['ms', 'Milestone'],
]);

/** A level word or prefix, then a number path: "KR1.2", "O 1", "Objective 2", "kr-3". */
const PREFIXED = /^([a-z\u00c0-\u024f][a-z\u00c0-\u024f -]*?)\s*[-#]?\s*(\d+(?:\.\d+)*)$/i;
/** The same at the start of a title, then a separator and the text: "O1: Grow", "KR 1.2 - Sign". */
const PREFIXED_TITLE =
  /^([a-z\u00c0-\u024f][a-z\u00c0-\u024f -]*?)\s*[-#]?\s*(\d+(?:\.\d+)*)\s*(?:[:.)]|\s[-–—]|[-–—]\s)\s*(\S.*)$/is;
const OUTLINE = /^\d+(?:\.\d+)*\.?$/;

export interface Prefixed {
  level: LevelName;
  /** The ID as written, without spaces ("KR1.2"). */
  id: string;
  /** "1.2" */
  path: string;
  /** The rest of a title cell ('' for an ID cell). */
  rest: string;
}

function levelOfPrefix(word: string): LevelName | null {
  const key = word.trim().toLowerCase();
  return LEVEL_BY_PREFIX.get(key) ?? levelFromText(key);
}

/** An ID cell like "KR1.2" or "Objective 2"; null when it carries no level. */
export function prefixedId(text: string): Prefixed | null {
  const m = PREFIXED.exec(text.trim());
  if (!m) return null;
  const level = levelOfPrefix(m[1]);
  return level === null ? null : { level, id: text.trim().replace(/\s+/g, ''), path: m[2], rest: '' };
}

/**
 * An ID whose prefix extends the prefix of one of the levels the table's other IDs use ("Mx01"
 * beside M01…M06: an extra milestone): that level; null when none or more than one fits.
 */
export function extendedPrefixLevel(text: string, used: ReadonlySet<LevelName>): LevelName | null {
  const m = PREFIXED.exec(text.trim());
  if (!m || prefixedId(text) !== null) return null;
  const word = m[1].trim().toLowerCase();
  const fits = new Set<LevelName>();
  for (const [prefix, level] of LEVEL_BY_PREFIX)
    if (used.has(level) && prefix.length < word.length && word.startsWith(prefix)) fits.add(level);
  return fits.size === 1 ? [...fits][0] : null;
}

/** The first word of a title, up to a space, dash or digit. */
const FIRST_WORD = /^[a-z\u00c0-\u024f]+/i;

/** The first words of every level name and prefix ("key" of "key result", "kr", "o"), lower case, no accents. */
const FIRST_WORDS = new Set([...LEVEL_TEXTS, ...LEVEL_BY_PREFIX.keys()].map((t) => t.split(/[\s-]/)[0]));

function firstWordKey(word: string): string {
  const lower = word.toLowerCase();
  return /^[a-z]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** A title cell like "O1: Grow revenue" or "KR 1.2 – Sign 50 accounts"; null when it starts with no level prefix. */
export function prefixedTitle(text: string): Prefixed | null {
  // Most titles start with a word that names no level ("Sign 50 accounts"): said without the
  // full pattern, which reading a side-by-side sheet would otherwise run on every title.
  const first = FIRST_WORD.exec(text.trimStart());
  if (first === null || !FIRST_WORDS.has(firstWordKey(first[0]))) return null;
  const m = PREFIXED_TITLE.exec(text.trim());
  if (!m) return null;
  const level = levelOfPrefix(m[1]);
  if (level === null) return null;
  return { level, id: `${m[1].trim().replace(/\s+/g, '')}${m[2]}`, path: m[2], rest: m[3].trim() };
}

/** "1.2.3" → 3 parts; null when the text is not an outline number. */
export function outlineDepth(text: string): number | null {
  const t = text.trim();
  return OUTLINE.test(t) ? t.replace(/\.$/, '').split('.').length : null;
}

/** "1.2.3" → "1.2"; '' for a top-level number. */
export function outlineParent(text: string): string {
  const parts = text.trim().replace(/\.$/, '').split('.');
  return parts.slice(0, -1).join('.');
}
