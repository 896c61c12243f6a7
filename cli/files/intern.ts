import type { CellValue } from '../../shared/index.js';

/** Longest text kept once unless told otherwise: longer texts seldom repeat. */
export const SHORT_TEXT = 24;
/** Most texts one interner keeps. */
export const MAX_KEPT = 65536;

export interface InternOptions {
  /** Longest text kept once (default SHORT_TEXT). */
  maxLength?: number;
  /**
   * Texts are slices of one large text (a CSV file's): keep copies, so that the cells a plan keeps
   * never hold the whole file's text alive.
   */
  detach?: boolean;
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
  const maxLength = options.maxLength ?? SHORT_TEXT;
  const own = options.detach ? detached : (text: string) => text;
  const seen = new Map<string, string>();
  return (cell) => {
    if (typeof cell !== 'string') return cell;
    if (cell.length > maxLength) return own(cell);
    const known = seen.get(cell);
    if (known !== undefined) return known;
    const kept = own(cell);
    if (seen.size < MAX_KEPT) seen.set(kept, kept);
    return kept;
  };
}
