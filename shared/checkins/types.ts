// The check-in history's data: one record per check-in or replanning choice, as the `Check-ins`
// sheet (or NAME.checkins.csv) holds it. Exported from shared/index.ts with the other types.
import type { Day, PaceStatus } from '../types.js';

/** What a history row records: a check-in (blank Change), a replanning choice, or its undoing. */
export type ChangeKind = 'shrink' | 'drop' | 'extend' | 'pause' | 'undo';

/** One row of the history. */
export interface CheckIn {
  date: Day;
  /** The plan row's ID, as written in the plan. */
  id: string;
  /** Current after the check-in: a number, a text (a milestone's "done"), or null when blank. */
  current: number | string | null;
  /** Progress after the check-in, a fraction (null: the row has none). */
  progress: number | null;
  /** Status as written in the plan ('' when blank). */
  status: string;
  note: string;
  /** Who checked in: an email in Sheets where Apps Script gives it, a name from the command. */
  who: string;
  /** '' for a check-in. */
  change: ChangeKind | '';
  /** The cells a replanning choice changed, before and after (empty for a check-in). */
  before: CellChange[];
  after: CellChange[];
}

/** One cell a replanning choice changes: the row (by ID), the column and its value as text. */
export interface CellChange {
  id: string;
  column: ReplanColumn;
  /** As shown and written back: a number as text, a date as YYYY-MM-DD, a status word. */
  text: string;
}

export type ReplanColumn = 'target' | 'dueDate' | 'status';

/** The history as read: records in date order (stable), and rows that could not be read. */
export interface History {
  records: CheckIn[];
  /** Rows skipped, in the user's words ("row 7: Date "soon" is not a date"). */
  problems: string[];
}

/**
 * Pace with the history taken into account: today's pace words, plus `trending off track` (the
 * forecast misses the target while today's pace is on track or at risk) and `paused` (Status
 * Paused: no pace until resumed).
 */
export type TrendPace = PaceStatus | 'trending off track' | 'paused';

/** The pace words in the order a report counts them: done first, then from best to worst. */
export const TREND_PACE_ORDER: readonly TrendPace[] = [
  'done',
  'on track',
  'at risk',
  'trending off track',
  'off track',
  'overdue',
  'not started',
  'paused',
];

/** Rows a replanning choice is offered for: overdue, off track, or trending off track. */
export const REPLAN_PACES: readonly TrendPace[] = ['overdue', 'off track', 'trending off track'];

/** A row's trend from its check-ins (null fields: fewer than two check-ins on different days). */
export interface Trend {
  index: number;
  /** Check-ins used (one per day, today's state included). */
  points: { day: Day; progress: number }[];
  /** Forecast progress at the due date (unclamped), or null. */
  forecast: number | null;
  /** Forecast value of Current at the due date for a linear measure, or null. */
  forecastValue: number | null;
  pace: TrendPace | null;
}
