import type { CellValue } from '../../shared/index.js';
import { isDate } from './time-zone.js';
import type { ZoneCalendar } from './time-zone.js';

// The document lock keeps out other scripts, not people: a person may edit a cell between the
// add-on's read and its write. Writes read their cells again just before writing and give a cell
// that no longer holds what was read back what it holds now.

/**
 * Whether a cell read again just before writing (`now`, as getValues() gives it) still holds what
 * was read (`read`, dates already made calendar days): blanks alike, dates by their day, anything
 * else equal.
 */
export function stillAsRead(now: CellValue | undefined, read: CellValue | undefined, calendar: ZoneCalendar): boolean {
  const blank = (v: CellValue | undefined) => v === '' || v === null || v === undefined;
  if (blank(now) || blank(read)) return blank(now) && blank(read);
  if (isDate(now)) return isDate(read) && calendar.utcMidnight(now).getTime() === read.getTime();
  return now === read;
}
