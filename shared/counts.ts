// Counts written as progress: "3/5", "3 of 5", "🟡 2/28 ✅" (2 of 28 tasks done). Read only in the
// cells that say how far a row is (Progress, the words after a Status, Start/Target/Current),
// never in a date, ID or title cell: "10/10" or "1/2" there may be a day.
import { statusFromText } from './statuses.js';
import { withoutEdgeSymbols } from './symbols.js';

export interface Count {
  done: number;
  of: number;
}

/** Whole numbers "n/m" or "n of m" (de, sur, von, di), then at most a note that starts with a word. */
const COUNT = /^(\d{1,6})\s*(?:\/|(?<![\p{L}])(?:of|de|sur|von|di)(?![\p{L}]))\s*(\d{1,6})(?:\s+\p{L}.*)?$/iu;
/** A count at the end of a Status cell, after the status word ("In progress 3/5", "Blocked (1 of 4)"). */
const TRAILING_COUNT = /^(.*?)[\s(:–—-]+(\d{1,6}\s*(?:\/|of|de|sur|von|di)\s*\d{1,6})\)?$/iu;

/**
 * "3/5" → 3 of 5; a note may follow ("5/5 agree on value prop"); null for anything else, and for
 * a count past its total or of nothing ("7/5", "0/0"), which reads better as what it is (a day).
 */
export function countFromText(text: string): Count | null {
  const m = COUNT.exec(withoutEdgeSymbols(text));
  if (m === null) return null;
  const done = Number(m[1]);
  const of = Number(m[2]);
  return of > 0 && done <= of ? { done, of } : null;
}

/** The count a Status cell states: the whole cell ("🟡 2/28 ✅") or after its status word ("In progress 3/5"). */
export function statusCount(text: string): Count | null {
  const whole = countFromText(text);
  if (whole !== null) return whole;
  const m = TRAILING_COUNT.exec(withoutEdgeSymbols(text));
  if (m === null || statusFromText(m[1]) === null) return null;
  return countFromText(m[2]);
}
