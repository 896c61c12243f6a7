import type { CellValue } from '../../shared/index.js';

export interface InternOptions {
  /** Longest text kept once (default 24). */
  maxLength?: number;
  /**
   * Texts are slices of one large text (a CSV file's): keep copies, so that the cells a plan keeps
   * never hold the whole file's text alive.
   */
  detach?: boolean;
  /**
   * After this many texts kept, stop looking texts up if fewer than half were found kept: a column
   * of unique IDs gains nothing from the lookups (for one interner per column).
   */
  giveUpAfter?: number;
}

/** JavaScript slices a long string by pointing into it: a copy stands alone. */
const SLICE_MIN = 13;

/** A copy of a text that holds nothing else alive (the engine flattens the joined text into a new one). */
export function detached(text: string): string {
  return text.length < SLICE_MIN ? text : (' ' + text).slice(1);
}

/**
 * Short texts repeat down a plan (levels, statuses, owners, dates): each is kept once, which on a
 * 1,000,000-row plan saves hundreds of megabytes of copies.
 */
export function interner(options: InternOptions = {}): (cell: CellValue) => CellValue {
  const maxLength = options.maxLength ?? 24;
  const own = options.detach ? detached : (text: string) => text;
  const giveUpAfter = options.giveUpAfter ?? Infinity;
  const seen = new Map<string, string>();
  let found = 0;
  let lookingUp = true;
  return (cell) => {
    if (typeof cell !== 'string') return cell;
    if (cell.length > maxLength || !lookingUp) return own(cell);
    const known = seen.get(cell);
    if (known !== undefined) {
      found++;
      return known;
    }
    const kept = own(cell);
    if (seen.size < 65536) seen.set(kept, kept);
    if (seen.size >= giveUpAfter && found < seen.size) {
      lookingUp = false;
      seen.clear();
    }
    return kept;
  };
}
