import { parseNumber } from './numbers.js';
import { cellText, measureTypeFromText, normaliseText } from './plan.js';
import { statusFromText } from './statuses.js';
import type { CellValue, Day, MeasureType, PaceStatus, Parsed, Plan, PlanItem, ProgressItem, ProgressOptions } from './types.js';

// Progress per progress.md. One definition for every runtime: the live formula of formulas.ts
// is generated to compute the same values as measure() below, and tests compare the two.

/** What a milestone's Current says when it is reached (case-insensitive, trimmed). */
export const MILESTONE_DONE_TEXTS: readonly string[] = ['done', 'yes', 'y', 'true', '1', '✓', '✔', '☑', 'x'];
const MILESTONE_DONE = new Set(MILESTONE_DONE_TEXTS);

/** Pace thresholds: on track within 10 points of the expected progress, at risk within 25. */
export const ON_TRACK_SLACK = 0.1;
export const AT_RISK_SLACK = 0.25;

/** The Pace cell of a row without any date, which has no pace status (ProgressItem.status null). */
/**
 * A fraction for output (JSON, Notion): rounded to 12 decimals, so floating-point noise such as
 * 0.49999999999999994 reads 0.5. The sheet keeps the exact value.
 */
export function roundFraction(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1e12) / 1e12;
}

export const NO_PACE = '—';

/** The inputs of one measured value, already read. */
export interface MeasureInput {
  type: MeasureType | null;
  start: Parsed<number>;
  target: Parsed<number>;
  current: Parsed<number>;
  /** Current as typed, for milestones. */
  currentText: string;
  /** Status is Done. */
  done: boolean;
  /** The row's Level is Milestone: without a Target it is measured as a milestone. */
  milestoneLevel?: boolean;
}

/** The type a measured row counts by: Type, else milestone for a Milestone without Target, else inferred. */
export function effectiveType(input: Pick<MeasureInput, 'type' | 'start' | 'target' | 'milestoneLevel'>): MeasureType | null {
  if (input.type === 'milestone') return 'milestone';
  if (input.target.state === 'blank') return input.milestoneLevel ? 'milestone' : null;
  if (input.type !== null) return input.type;
  const { start, target } = input;
  return start.state === 'ok' && target.state === 'ok' && target.value < start.value ? 'decrease' : 'increase';
}

/** True when the row carries its own measure (a Target, Type milestone, or a Milestone without Target). */
export function isMeasured(input: Pick<MeasureInput, 'type' | 'start' | 'target' | 'milestoneLevel'>): boolean {
  return effectiveType(input) !== null;
}

export function isMilestoneReached(currentText: string): boolean {
  return MILESTONE_DONE.has(normaliseText(currentText));
}

/**
 * The progress of a measured row: 1 when Done; a milestone 1/0; a linear type
 * (Current − Start) / (Target − Start), clamped to 0..1 (only the lower bound with allowOver);
 * `at least`/`at most` 1/0. null when the row has no measure or its numbers cannot give one
 * (a present non-number, Start equal to Target, a decrease without Start).
 */
export function measure(input: MeasureInput, allowOver = false): number | null {
  if (input.done) return 1;
  const type = effectiveType(input);
  if (type === null) return null;
  if (type === 'milestone') return isMilestoneReached(input.currentText) ? 1 : 0;
  const { start, target, current } = input;
  if (start.state === 'invalid' || target.state !== 'ok' || current.state === 'invalid') return null;
  if (type === 'at least') return current.state === 'ok' && current.value >= target.value ? 1 : 0;
  if (type === 'at most') return current.state === 'ok' && current.value <= target.value ? 1 : 0;
  if (type === 'decrease' && start.state === 'blank') return null;
  const s = start.state === 'ok' ? start.value : 0;
  const t = target.value;
  if (t === s) return null;
  const c = current.state === 'ok' ? current.value : s;
  const p = (c - s) / (t - s);
  return allowOver ? Math.max(0, p) : Math.max(0, Math.min(1, p));
}

function measureInputOf(item: PlanItem): MeasureInput {
  return {
    type: item.type,
    start: item.start,
    target: item.target,
    current: item.current,
    currentText: item.currentText,
    done: item.status === 'Done',
    milestoneLevel: item.level === 'Milestone',
  };
}

/**
 * The progress of one measured value (the custom function CASCADE_PROGRESS and the live
 * formula's reference): null when it cannot be computed. Clamped to 0..1 unless allowOver.
 * `status` (a Status cell) makes a Done row 1.
 */
export function measureProgress(
  start: CellValue,
  target: CellValue,
  current: CellValue,
  type?: CellValue,
  options: { allowOver?: boolean; status?: CellValue; level?: CellValue } = {},
): number | null {
  const typeText = cellText(type ?? null);
  return measure(
    {
      type: typeText === '' ? null : measureTypeFromText(typeText),
      start: parseNumber(start ?? null),
      target: parseNumber(target ?? null),
      current: parseNumber(current ?? null),
      currentText: cellText(current ?? null),
      done: statusFromText(cellText(options.status ?? null)) === 'Done',
      milestoneLevel: normaliseText(cellText(options.level ?? null)) === 'milestone',
    },
    options.allowOver ?? false,
  );
}

/** The weight of a row in its parent's roll-up: blank 1, a number as is, unreadable text 1. */
export function rollupWeight(item: PlanItem): number {
  return item.weight.state === 'ok' ? item.weight.value : 1;
}

/** Expected progress at `today`: the elapsed fraction of start → due, clamped; null without both. */
export function expectedProgress(start: Day | null, due: Day | null, today: Day): number | null {
  if (start === null || due === null || start > due) return null;
  if (due === start) return today >= due ? 1 : 0;
  return Math.max(0, Math.min(1, (today - start) / (due - start)));
}

/**
 * Pace status, first match wins: done, overdue, not started, on track, at risk, off track.
 * null without any date. With only a due date, or only a start date, the statuses that need
 * an expected progress do not apply: the row is done, overdue or not started, or has no status.
 */
export function paceStatus(
  progress: number | null,
  expected: number | null,
  start: Day | null,
  due: Day | null,
  today: Day,
): PaceStatus | null {
  if (start === null && due === null) return null;
  if (progress !== null && progress >= 1) return 'done';
  if (due !== null && today > due) return 'overdue';
  if (start !== null && today < start) return 'not started';
  if (progress === null || expected === null) return null;
  if (progress >= expected - ON_TRACK_SLACK - 1e-9) return 'on track';
  if (progress >= expected - AT_RISK_SLACK - 1e-9) return 'at risk';
  return 'off track';
}

/**
 * Progress of every row as numbers (index = PlanItem.index): own measure, else the weighted mean
 * of the children's (Dropped, weight 0 and children without progress left out, each capped at 1),
 * else a leaf's Done → 1, else 0. Status Done gives 1 everywhere. Children before parents.
 */
export function computeProgressValues(plan: Plan, allowOver = false): (number | null)[] {
  const { items, tree } = plan;
  const values: (number | null)[] = new Array(items.length).fill(null);
  const sum = new Float64Array(items.length);
  const weights = new Float64Array(items.length);
  for (let k = tree.topDown.length - 1; k >= 0; k--) {
    const i = tree.topDown[k];
    const item = items[i];
    const input = measureInputOf(item);
    let value: number | null;
    if (input.done) value = 1;
    else if (isMeasured(input)) value = measure(input, allowOver);
    else if (tree.children[i].length > 0) value = weights[i] > 0 ? sum[i] / weights[i] : null;
    else value = 0;
    values[i] = value;
    const p = tree.parent[i];
    if (p >= 0 && value !== null && item.status !== 'Dropped') {
      const w = rollupWeight(item);
      if (w > 0) {
        sum[p] += w * Math.min(1, value);
        weights[p] += w;
      }
    }
  }
  return values;
}

/** Progress, roll-ups and pace of every row, in plan order (progress.md). */
export function computeProgress(plan: Plan, options: ProgressOptions): ProgressItem[] {
  const values = computeProgressValues(plan, options.allowOver ?? false);
  const { items, tree } = plan;
  const out: ProgressItem[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const start = tree.startDate[i];
    const due = tree.dueDate[i];
    const expected = expectedProgress(start, due, options.today);
    out[i] = {
      row: item.row,
      id: item.id,
      level: item.level,
      progress: values[i],
      expected,
      status: paceStatus(values[i], expected, start, due, options.today),
    };
  }
  return out;
}
