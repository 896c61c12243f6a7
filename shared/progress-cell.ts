// Manual progress: what a person typed in the Progress column, read as a fraction of done.
import { countFromText, statusCount } from './counts.js';
import { parseNumber, type NumberOptions } from './numbers.js';
import { statusPercent } from './statuses.js';
import { LEADING_SYMBOLS } from './symbols.js';
import type { CellValue, Parsed } from './types.js';

const BLANK: Parsed<never> = { state: 'blank' };

/**
 * A Progress cell as people fill it: `60%` and `0.6` are 60 %, and so is `60` (a number above 1
 * is a percent: nobody types 60 meaning 6000 %); a traffic-light emoji before it is dropped
 * (`🟡 58%`); a count is done ÷ total (`3/5`, `3 of 5`). Without one, a percent or a count after
 * the Status word (`🟡 58%`, `At risk (40%)`, `🟡 2/28 ✅`, `In progress 3/5`).
 * Unreadable text is 'invalid'.
 */
export function readManualProgress(cell: CellValue, statusText: string, numbers: NumberOptions = {}): Parsed<number> {
  let read =
    typeof cell === 'string' ? parseNumber(cell.replace(LEADING_SYMBOLS, ''), numbers) : parseNumber(cell, numbers);
  if (read.state === 'invalid' && typeof cell === 'string') {
    // A count ("3/5", "3 of 5") is done ÷ total. Only a text: a cell a spreadsheet made a date stays one.
    const count = countFromText(cell);
    if (count !== null) return { state: 'ok', value: count.done / count.of };
    read = { state: 'invalid', text: cell.trim() };
  }
  if (read.state === 'ok') {
    const percentTyped = typeof cell === 'string' && cell.includes('%');
    const value = !percentTyped && read.value > 1 ? read.value / 100 : read.value;
    return value < 0 ? { state: 'invalid', text: String(cell) } : { state: 'ok', value };
  }
  if (read.state === 'blank' && statusText !== '') {
    const percent = statusPercent(statusText);
    if (percent !== null) return { state: 'ok', value: percent };
    const count = statusCount(statusText);
    if (count !== null) return { state: 'ok', value: count.done / count.of };
  }
  return read.state === 'blank' ? BLANK : read;
}
