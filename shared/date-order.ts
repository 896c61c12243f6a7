import { columnLetter } from './columns.js';
import { isoFromDay, parseDay, slashDateOrder } from './dates.js';
import type { CellValue, DateCellRef, DateOrder, DateOrderReading, Plan, PlanItem } from './types.js';

// A plan typed in a day-first country has 30/06/2026 beside 06/07/2026. Reading each cell on
// its own would make the first June 30 and the second June 7; a plan is read in one order.

export type DateKey = 'startDate' | 'dueDate' | 'lastCheckIn';
export const DATE_KEYS: readonly DateKey[] = ['startDate', 'dueDate', 'lastCheckIn'];

interface AmbiguousCell {
  item: PlanItem;
  key: DateKey;
  text: string;
}

/** Gathers, cell by cell, what a plan's written dates say about the order of day and month. */
export class DateOrderEvidence {
  private readonly firstOf: Partial<Record<DateOrder, DateCellRef>> = {};
  private readonly ambiguous: AmbiguousCell[] = [];

  /** Notes a date cell of a row already read month first (the default order). */
  add(item: PlanItem, key: DateKey, cell: CellValue): void {
    const order = slashDateOrder(cell);
    if (order === null) return;
    const text = String(cell).trim();
    if (order === 'either') this.ambiguous.push({ item, key, text });
    else this.firstOf[order] ??= { row: item.row, column: key, text };
  }

  /** Decides the order, re-reads the ambiguous cells in it, and says how. */
  settle(): DateOrderReading {
    const dayFirst = this.firstOf['day first'];
    const monthFirst = this.firstOf['month first'];
    const order: DateOrder = dayFirst && !monthFirst ? 'day first' : 'month first';
    if (order === 'day first') for (const a of this.ambiguous) a.item[a.key] = parseDay(a.text, 'day first');
    const evidence = dayFirst && monthFirst ? undefined : dayFirst ?? monthFirst;
    const first = this.ambiguous[0];
    return {
      order,
      basis: dayFirst && monthFirst ? 'mixed' : evidence ? 'plan' : 'default',
      ambiguous: this.ambiguous.length,
      ...(first ? { example: { row: first.item.row, column: first.key, text: first.text } } : {}),
      ...(evidence ? { evidence } : {}),
    };
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
  const dates = reading.ambiguous === 1 ? `the date ${example.text} in ${cell(example)}` : `${reading.ambiguous} dates such as ${example.text} in ${cell(example)}`;
  const sure = 'Type dates as YYYY-MM-DD to be sure.';
  if (reading.basis === 'plan' && reading.order === 'month first') return null; // as always: nothing to say
  if (reading.basis === 'plan' && reading.evidence) {
    const evidence = reading.evidence;
    return { level: 'note', text: `read ${dates} ${reading.order}${as}, like ${evidence.text} in ${cell(evidence)}. ${sure}` };
  }
  if (reading.basis === 'mixed') {
    return { level: 'warning', text: `the plan has both day-first and month-first dates; read ${dates} month first${as}. ${sure}` };
  }
  return { level: 'warning', text: `${dates} can be read day first or month first; read month first${as}, as US spreadsheets do. ${sure}` };
}
