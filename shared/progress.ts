import { parseNumber } from './numbers.js';
import { cellText, measureTypeFromText, normaliseText } from './plan.js';
import { statusFromText } from './statuses.js';
import { pluralLevel } from './frameworks.js';
import type {
  CellValue,
  Day,
  LevelName,
  MeasureType,
  PaceStatus,
  Parsed,
  Plan,
  PlanItem,
  ProgressItem,
  ProgressOptions,
} from './types.js';

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
export function effectiveType(
  input: Pick<MeasureInput, 'type' | 'start' | 'target' | 'milestoneLevel'>,
): MeasureType | null {
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
 * A measured row whose Current is still blank (no check-in, 0 % by its measure) but whose plan
 * states how far it is (a typed Progress, a percent after the Status word): that is its progress.
 */
export function manualBeforeCheckIn(item: PlanItem): boolean {
  return item.current.state === 'blank' && item.manualProgress.state === 'ok';
}

/** Levels whose progress without a measure is their Status: done (100 %) or not (0 %). */
const DONE_OR_NOT: ReadonlySet<LevelName | null> = new Set<LevelName | null>(['Task', 'Tactic']);

/** Where a row's progress comes from (progress.md): null when it is unknown. */
export type ProgressSource = 'done' | 'measure' | 'manual' | 'children' | 'task' | null;

/** Progress of every row, with where it comes from and, for a roll-up, how many children are measured. */
export interface ProgressValues {
  /** Fraction per item (index = PlanItem.index), null where unknown. */
  values: (number | null)[];
  source: ProgressSource[];
  /** For a row with children and no measure of its own: counted children, and those with a progress. */
  measured: ({ count: number; of: number } | null)[];
}

/**
 * A Milestone row measured as one only by its level (no Target, no Type milestone), not reached,
 * with a progress a person typed: the typed progress says more than "not done" (a milestone list
 * with its own progress column).
 */
function manualOverMilestone(item: PlanItem, input: MeasureInput): boolean {
  return (
    item.manualProgress.state === 'ok' &&
    input.type !== 'milestone' &&
    input.target.state === 'blank' &&
    !isMilestoneReached(input.currentText)
  );
}

/**
 * Progress of every row (index = PlanItem.index), children before parents:
 * Status Done → 1; the row's own measure (Target, milestone), unless its Current is blank and
 * it has a *manual progress* (a goals export gives Target and Progress %, no Current), or it is a
 * Milestone row by level only, not reached, with a typed progress; else its manual progress (the
 * Progress a person typed, or a percent after the Status word); else, with children, the
 * weighted mean of the children's (Dropped and weight 0 left out, each capped at 1) — but
 * unknown (null) when some of them have no progress; else a Task or Tactic is 0 (not done);
 * anything else (a Key Result without Target, a childless Objective) is unknown (null).
 */
export function computeProgressDetails(plan: Plan, allowOver = false): ProgressValues {
  const { items, tree } = plan;
  const n = items.length;
  const values: (number | null)[] = new Array(n).fill(null);
  const source: ProgressSource[] = new Array(n).fill(null);
  const measured: ({ count: number; of: number } | null)[] = new Array(n).fill(null);
  const sum = new Float64Array(n);
  const weights = new Float64Array(n);
  const counted = new Int32Array(n);
  const known = new Int32Array(n);
  for (let k = tree.topDown.length - 1; k >= 0; k--) {
    const i = tree.topDown[k];
    const item = items[i];
    const input = measureInputOf(item);
    let value: number | null = null;
    if (input.done) {
      value = 1;
      source[i] = 'done';
    } else if (isMeasured(input) && !manualBeforeCheckIn(item) && !manualOverMilestone(item, input)) {
      value = measure(input, allowOver);
      if (value !== null) source[i] = 'measure';
    } else if (item.manualProgress.state === 'ok') {
      value = allowOver ? item.manualProgress.value : Math.min(1, item.manualProgress.value);
      source[i] = 'manual';
    } else if (tree.children[i].length > 0) {
      if (counted[i] > 0) measured[i] = { count: known[i], of: counted[i] };
      if (counted[i] > 0 && known[i] === counted[i] && weights[i] > 0) {
        value = sum[i] / weights[i];
        source[i] = 'children';
      }
    } else if (DONE_OR_NOT.has(item.level)) {
      value = 0;
      source[i] = 'task';
    }
    values[i] = value;
    const p = tree.parent[i];
    if (p >= 0 && item.status !== 'Dropped') {
      const w = rollupWeight(item);
      if (w > 0) {
        counted[p]++;
        if (value !== null) {
          known[p]++;
          sum[p] += w * Math.min(1, value);
          weights[p] += w;
        }
      }
    }
  }
  return { values, source, measured };
}

/** Progress of every row as numbers (see computeProgressDetails). */
export function computeProgressValues(plan: Plan, allowOver = false): (number | null)[] {
  return computeProgressDetails(plan, allowOver).values;
}

/** "2 of 6 key results measured", for a roll-up whose children are partly unmeasured; null otherwise. */
export function measuredText(plan: Plan, index: number, measured: { count: number; of: number } | null): string | null {
  if (measured === null || measured.count === measured.of) return null;
  const levels = new Set(plan.tree.children[index].map((child) => plan.items[child].level));
  const [only] = levels;
  const noun =
    levels.size === 1 && only !== null
      ? (measured.of === 1 ? only : pluralLevel(only)).toLowerCase()
      : measured.of === 1
        ? 'row below'
        : 'rows below';
  return `${measured.count} of ${measured.of} ${noun} measured`;
}

/** Progress, roll-ups and pace of every row, in plan order (progress.md). */
export function computeProgress(plan: Plan, options: ProgressOptions): ProgressItem[] {
  const { values, source, measured } = computeProgressDetails(plan, options.allowOver ?? false);
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
      source: source[i],
      ...(measured[i] !== null && measured[i]!.count < measured[i]!.of
        ? { measured: measured[i]!, note: measuredText(plan, i, measured[i]) ?? undefined }
        : {}),
    };
  }
  return out;
}
