// Trend and forecast from the check-ins (progress.md, "Trend and forecast"): a least-squares line
// through a row's check-ins, read at its due date. Today's pace (shared/progress.ts) is unchanged;
// this adds `trending off track` on top of it.
import { parseNumber } from '../numbers.js';
import { effectiveType } from '../progress.js';
import { idKey } from '../tree.js';
import type { Day, Plan, PlanItem, ProgressItem } from '../types.js';
import { sameState, stateOf } from './diff.js';
import { recordsById } from './history.js';
import type { CheckIn, History, Trend, TrendPace } from './types.js';

/** A straight line y = intercept + slope · x. */
export interface Line {
  slope: number;
  intercept: number;
}

/** The least-squares line through the points; null for fewer than two distinct x. */
export function leastSquares(points: readonly { x: number; y: number }[]): Line | null {
  const n = points.length;
  if (n < 2) return null;
  let sx = 0;
  let sy = 0;
  for (const p of points) {
    sx += p.x;
    sy += p.y;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - mx) * (p.x - mx);
    sxy += (p.x - mx) * (p.y - my);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/** A linear measure's Start and Target, when progress is (Current − Start) / (Target − Start). */
function linearScale(item: PlanItem): { start: number; target: number } | null {
  const type = effectiveType({
    type: item.type,
    start: item.start,
    target: item.target,
    milestoneLevel: item.level === 'Milestone',
  });
  if ((type !== 'increase' && type !== 'decrease') || item.target.state !== 'ok' || item.start.state === 'invalid')
    return null;
  if (type === 'decrease' && item.start.state === 'blank') return null;
  const start = item.start.state === 'ok' ? item.start.value : 0;
  return start === item.target.value ? null : { start, target: item.target.value };
}

/**
 * A record's progress for the trend: for a linear measure, from its Current against today's
 * Start and Target, not clamped (so a row ahead keeps its slope); otherwise its Progress.
 */
function pointProgress(
  record: Pick<CheckIn, 'current' | 'progress'>,
  scale: { start: number; target: number } | null,
): number | null {
  if (scale) {
    if (record.current === null) return 0;
    const current = parseNumber(record.current);
    if (current.state === 'ok') return (current.value - scale.start) / (scale.target - scale.start);
  }
  return record.progress;
}

const NO_RECORDS: readonly CheckIn[] = [];

/**
 * Trend of every row (index = PlanItem.index): its check-ins (one point per day, the last of the
 * day; today's values count as today's point when they differ from the last check-in), the forecast progress at its due date, and the
 * pace with `trending off track` and `paused`. Linear in rows + records.
 */
export function computeTrends(plan: Plan, progress: readonly ProgressItem[], history: History, today: Day): Trend[] {
  const byId = recordsById(history);
  return plan.items.map((item, index) =>
    trendOf(plan, item, progress[index], byId.get(idKey(item.id)) ?? NO_RECORDS, today),
  );
}

function trendOf(plan: Plan, item: PlanItem, now: ProgressItem, records: readonly CheckIn[], today: Day): Trend {
  const scale = linearScale(item);
  const byDay = new Map<Day, number>();
  for (const record of records) {
    if (record.date > today) continue;
    const p = pointProgress(record, scale);
    if (p !== null) byDay.set(record.date, p);
  }
  // Today's values are a point only when they are news (what the next check-in will record).
  const state = stateOf(item, now.progress);
  const last = records[records.length - 1];
  const todays = pointProgress(state, scale);
  if (todays !== null && (!last || !sameState(last, state))) byDay.set(today, todays);
  const points = [...byDay].sort((a, b) => a[0] - b[0]).map(([day, p]) => ({ day, progress: p }));

  const due = plan.tree.dueDate[item.index];
  const line =
    points.length >= 2 && due !== null ? leastSquares(points.map((p) => ({ x: p.day, y: p.progress }))) : null;
  const forecast = line && due !== null ? line.intercept + line.slope * due : null;
  const forecastValue = forecast !== null && scale ? scale.start + forecast * (scale.target - scale.start) : null;
  return { index: item.index, points, forecast, forecastValue, pace: trendPace(item, now, forecast) };
}

/** Today's pace, `paused` for a Paused row, `trending off track` when on track or at risk today but the forecast falls short. */
export function trendPace(
  item: Pick<PlanItem, 'status'>,
  now: Pick<ProgressItem, 'status'>,
  forecast: number | null,
): TrendPace | null {
  if (item.status === 'Paused') return 'paused';
  if (forecast !== null && forecast < 1 - 1e-9 && (now.status === 'on track' || now.status === 'at risk'))
    return 'trending off track';
  return now.status;
}
