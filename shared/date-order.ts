import { columnLetter } from './columns.js';
import { dateSpanFromText, isoFromDay, parseDay, slashDateOrder, todayDay, yearOfDay, type DateEnd } from './dates.js';
import type { CellValue, DateCellRef, DateOrder, DateOrderReading, Day, Plan, PlanItem } from './types.js';

// A plan typed in a day-first country has 30/06/2026 beside 06/07/2026. Reading each cell on
// its own would make the first June 30 and the second June 7; a plan is read in one order.

export type DateKey = 'startDate' | 'dueDate' | 'lastCheckIn';
export const DATE_KEYS: readonly DateKey[] = ['startDate', 'dueDate', 'lastCheckIn'];

interface DateCell {
  item: PlanItem;
  key: DateKey;
  text: string;
}

/** The day of a period or range each date column means: a Start date its first, a Due date its last. */
export const DATE_END: Readonly<Record<DateKey, DateEnd | undefined>> = {
  startDate: 'first',
  dueDate: 'last',
  lastCheckIn: undefined,
};

/** An ISO date (the usual case in a big plan) needs no second look. */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Gathers, cell by cell, what a plan's written dates say: the order of day and month, the year
 * of dates written without one, and ranges that give a row both its Start date and Due date.
 */
export class DateOrderEvidence {
  private readonly firstOf: Partial<Record<DateOrder, DateCellRef>> = {};
  private readonly ambiguous: DateCell[] = [];
  /** Cells to read again once the plan's year is known: no year written, or a range. */
  private readonly spans: DateCell[] = [];
  private yearless = 0;
  /** How many date cells (with a year) fall on each day: the plan's year comes from them. */
  private readonly days = new Map<Day, number>();
  /** The first and last day the plan's dates with a year cover (a range's both ends). */
  private earliest = Infinity;
  private latest = -Infinity;

  private count(day: Day, last: Day = day): void {
    this.days.set(day, (this.days.get(day) ?? 0) + 1);
    if (day < this.earliest) this.earliest = day;
    if (last > this.latest) this.latest = last;
  }

  /** Notes a date cell of a row already read (month first, this year where none is written). */
  add(item: PlanItem, key: DateKey, cell: CellValue): void {
    const read = item[key];
    if (typeof cell !== 'string' || ISO_DAY.test(cell)) {
      if (read.state === 'ok') this.count(read.value);
      return;
    }
    const text = cell.trim();
    const order = slashDateOrder(text);
    if (order === 'either') this.ambiguous.push({ item, key, text });
    else if (order !== null) this.firstOf[order] ??= { row: item.row, column: key, text };
    const span = order === null && read.state !== 'blank' ? dateSpanFromText(text, 'month first', 2000) : null;
    if (span !== null && (span.yearless || span.range)) {
      this.spans.push({ item, key, text });
      if (span.yearless) this.yearless++;
      else if (read.state === 'ok') {
        this.count(read.value);
        const named = dateSpanFromText(text, 'month first', yearOfDay(read.value));
        if (named !== null) this.count(named.first, named.last);
      }
    } else if (read.state === 'ok') {
      this.count(read.value);
    }
  }

  /**
   * Decides the order and the year, re-reads the cells that depend on them, fills the other end
   * of a range where that column is blank, and says how the order was decided.
   */
  settle(today: Day = todayDay()): DateOrderReading {
    const dayFirst = this.firstOf['day first'];
    const monthFirst = this.firstOf['month first'];
    const order: DateOrder = dayFirst && !monthFirst ? 'day first' : 'month first';
    if (order === 'day first')
      for (const a of this.ambiguous) a.item[a.key] = parseDay(a.text, { order, end: DATE_END[a.key] });
    const planYear = this.yearless > 0 ? this.planYear(today) : 0;
    for (const { item, key, text } of this.spans) {
      const year = this.yearWithin(text, order) ?? planYear;
      const span = dateSpanFromText(text, order, year);
      if (span === null) continue;
      item[key] = parseDay(text, { order, end: DATE_END[key], year });
      if (!span.range) continue;
      if (key === 'dueDate' && item.startDate.state === 'blank') item.startDate = { state: 'ok', value: span.first };
      if (key === 'startDate' && item.dueDate.state === 'blank') item.dueDate = { state: 'ok', value: span.last };
    }
    const evidence = dayFirst && monthFirst ? undefined : (dayFirst ?? monthFirst);
    const first = this.ambiguous[0];
    return {
      order,
      basis: dayFirst && monthFirst ? 'mixed' : evidence ? 'plan' : 'default',
      ambiguous: this.ambiguous.length,
      ...(first ? { example: { row: first.item.row, column: first.key, text: first.text } } : {}),
      ...(evidence ? { evidence } : {}),
    };
  }

  /**
   * For a date without a year, the first year that puts it within the days the plan's other
   * dates cover ("Oct 15" in a plan of Q4 2025 – Q1 2026 is in 2025); null when none does.
   */
  private yearWithin(text: string, order: DateOrder): number | null {
    if (this.earliest > this.latest) return null;
    const probe = dateSpanFromText(text, order, 2000);
    if (probe === null || !probe.yearless) return null;
    for (let year = yearOfDay(this.earliest); year <= yearOfDay(this.latest); year++) {
      const span = dateSpanFromText(text, order, year);
      if (span !== null && span.first >= this.earliest && span.last <= this.latest) return year;
    }
    return null;
  }

  /** The year most of the plan's dates that name one fall in (the later on a tie), else today's. */
  private planYear(today: Day): number {
    const byYear = new Map<number, number>();
    for (const [day, count] of this.days) {
      const year = yearOfDay(day);
      byYear.set(year, (byYear.get(year) ?? 0) + count);
    }
    let best = yearOfDay(today);
    let most = 0;
    for (const [year, count] of byYear) {
      if (count > most || (count === most && year > best)) [best, most] = [year, count];
    }
    return best;
  }
}

/**
 * One line on how the plan's ambiguous dates were read, or null when none read two ways or the
 * plan's other dates confirm the usual month-first reading: a 'note' when they made it day
 * first, a 'warning' when nothing decided or they disagree.
 */
export function dateOrderNotice(plan: Plan): { level: 'note' | 'warning'; text: string } | null {
  const reading = plan.dates;
  if (!reading || reading.ambiguous === 0 || !reading.example) return null;
  const cell = (ref: DateCellRef) => {
    const col = plan.columns[ref.column];
    return col === undefined ? `row ${ref.row}` : `cell ${columnLetter(col)}${ref.row}`;
  };
  const example = reading.example;
  const read = parseDay(example.text, reading.order);
  const as = read.state === 'ok' ? ` (${isoFromDay(read.value)})` : '';
  const dates =
    reading.ambiguous === 1
      ? `the date ${example.text} in ${cell(example)}`
      : `${reading.ambiguous} dates such as ${example.text} in ${cell(example)}`;
  const sure = 'Type dates as YYYY-MM-DD to be sure.';
  if (reading.basis === 'plan' && reading.order === 'month first') return null; // as always: nothing to say
  if (reading.basis === 'plan' && reading.evidence) {
    const evidence = reading.evidence;
    return {
      level: 'note',
      text: `read ${dates} ${reading.order}${as}, like ${evidence.text} in ${cell(evidence)}. ${sure}`,
    };
  }
  if (reading.basis === 'mixed') {
    return {
      level: 'warning',
      text: `the plan has both day-first and month-first dates; read ${dates} month first${as}. ${sure}`,
    };
  }
  return {
    level: 'warning',
    text: `${dates} can be read day first or month first; read month first${as}, as US spreadsheets do. ${sure}`,
  };
}
