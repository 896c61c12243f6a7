// Which rows get a check-in: those whose Current, Status or Progress differ from their last
// history record (every row with an ID the first time), so a second update with no change adds nothing.
import { parseNumber } from '../numbers.js';
import { normaliseText } from '../plan.js';
import { roundFraction } from '../progress.js';
import { idKey } from '../tree.js';
import type { Day, Plan, PlanItem, ProgressItem } from '../types.js';
import { lastCheckInDays, recordsById } from './history.js';
import type { CheckIn, History } from './types.js';

export interface CheckInOptions {
  today: Day;
  /** Who checks in ('' when unknown). */
  who?: string;
  /** A note for every new check-in, or per ID (by the plan's ID as written). */
  note?: string | ((id: string) => string);
  /**
   * Check-ins made elsewhere (in Notion), by ID key: such a row gets a check-in with their date, who
   * and note even when its state did not change (a note, or a new date, is a check-in too), unless
   * its last record already says the same (state, note and date: recorded by an earlier run).
   */
  sources?: ReadonlyMap<string, CheckInSource>;
}

/** Who made a check-in elsewhere, when, and what they wrote. */
export interface CheckInSource {
  date: Day;
  who: string;
  note: string;
}

/** A row's state as the history records it. */
export function stateOf(item: PlanItem, progress: number | null): Pick<CheckIn, 'current' | 'progress' | 'status'> {
  const current = item.current.state === 'ok' ? item.current.value : item.currentText === '' ? null : item.currentText;
  return { current, progress: roundFraction(progress), status: item.statusText };
}

/**
 * The new check-ins: one per row (with an ID, first of its ID) whose state differs from its last
 * record. The ID is the progress item's, so IDs filled in by the same run count.
 */
export function checkInsFor(
  plan: Plan,
  progress: readonly ProgressItem[],
  history: History,
  options: CheckInOptions,
): CheckIn[] {
  const last = latestRecords(history);
  const seen = new Set<string>();
  const out: CheckIn[] = [];
  for (const item of plan.items) {
    const id = progress[item.index].id || item.id;
    const key = idKey(id);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    const state = stateOf(item, progress[item.index].progress);
    const previous = last.get(key);
    const source = options.sources?.get(key);
    if (source) {
      if (previous && sameState(previous, state) && previous.note === source.note && previous.date === source.date)
        continue;
      out.push({ ...source, id, ...state, change: '', before: [], after: [] });
      continue;
    }
    if (previous && sameState(previous, state)) continue;
    const note = typeof options.note === 'function' ? options.note(id) : (options.note ?? '');
    out.push({ date: options.today, id, ...state, note, who: options.who ?? '', change: '', before: [], after: [] });
  }
  return out;
}

function latestRecords(history: History): Map<string, CheckIn> {
  const last = new Map<string, CheckIn>();
  for (const [key, list] of recordsById(history)) last.set(key, list[list.length - 1]);
  return last;
}

export function sameState(
  a: Pick<CheckIn, 'current' | 'progress' | 'status'>,
  b: Pick<CheckIn, 'current' | 'progress' | 'status'>,
): boolean {
  return (
    currentKey(a.current) === currentKey(b.current) &&
    sameProgress(a.progress, b.progress) &&
    normaliseText(a.status) === normaliseText(b.status)
  );
}

/** Current compared as a number where it reads as one ("60", 60 and "60.0" are the same), else as text. */
function currentKey(value: number | string | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return `#${value}`;
  const parsed = parseNumber(value);
  return parsed.state === 'ok' ? `#${parsed.value}` : normaliseText(value);
}

function sameProgress(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) < 1e-9;
}

/**
 * Last check-in cells to set: rows whose latest history day (the new check-ins included) is later
 * than the cell, or the cell is blank. A cell holding a later day, or text that is not a date, is left.
 */
export function lastCheckInEdits(
  plan: Plan,
  history: History,
  added: readonly CheckIn[] = [],
  /** The rows' IDs when a run fills blank ones (progress items), else the plan's. */
  ids?: readonly { id: string }[],
): { index: number; row: number; day: Day }[] {
  if (plan.columns.lastCheckIn === undefined) return [];
  // A row's first record is its baseline (the state when the history began), not a check-in: it
  // does not move Last check-in, or starting the history would overwrite the dates people typed
  // and silence every review/stale warning at once.
  const firstSeen = new Set<string>();
  const checkIns = [...history.records, ...added].filter((record) => {
    const key = idKey(record.id);
    if (firstSeen.has(key)) return true;
    firstSeen.add(key);
    return false;
  });
  const last = lastCheckInDays(checkIns);
  const edits: { index: number; row: number; day: Day }[] = [];
  for (const item of plan.items) {
    const day = last.get(idKey(ids?.[item.index].id || item.id));
    if (day === undefined || item.lastCheckIn.state === 'invalid') continue;
    if (item.lastCheckIn.state === 'ok' && item.lastCheckIn.value >= day) continue;
    edits.push({ index: item.index, row: item.row, day });
  }
  return edits;
}
