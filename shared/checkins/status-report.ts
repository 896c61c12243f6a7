// What a status report says, as plain data (the command renders it as HTML): each top-level item
// with its progress, pace and trend, the items below it, what needs attention, and what changed
// at the last check-in. Linear in rows + check-ins.
import { computeProgress } from '../progress.js';
import type { Day, Plan, PlanItem, ProgressItem } from '../types.js';
import { computeTrends } from './forecast.js';
import { recordsById } from './history.js';
import type { History, Trend, TrendPace } from './types.js';

export interface ReportRow {
  index: number;
  id: string;
  title: string;
  owner: string;
  level: string;
  progress: number | null;
  expected: number | null;
  pace: TrendPace | null;
  start: Day | null;
  due: Day | null;
  trend: Trend;
}

export interface ReportGroup extends ReportRow {
  children: ReportRow[];
  /** Children not listed (past the limit). */
  moreChildren: number;
}

export interface ReportChange {
  row: ReportRow;
  progressBefore: number | null;
  progressAfter: number | null;
  statusBefore: string;
  statusAfter: string;
  /** Whether this is the row's first check-in. */
  first: boolean;
  note: string;
  who: string;
}

export interface StatusReport {
  today: Day;
  rows: number;
  groups: ReportGroup[];
  moreGroups: number;
  /** Overdue, off track and trending off track rows, worst first (overdue, off track, trending), then by due date. */
  attention: ReportRow[];
  moreAttention: number;
  /** The latest check-in day of the history and the day before it (null: no history). */
  lastCheckIn: Day | null;
  previousCheckIn: Day | null;
  changes: ReportChange[];
  moreChanges: number;
  /** Rows per pace word (null: no pace). */
  paceCounts: Map<TrendPace | null, number>;
  checkIns: number;
}

export interface ReportLimits {
  groups?: number;
  children?: number;
  attention?: number;
  changes?: number;
}

const ATTENTION_ORDER: Partial<Record<TrendPace, number>> = { overdue: 0, 'off track': 1, 'trending off track': 2 };

export function statusReport(plan: Plan, history: History, today: Day, limits: ReportLimits = {}): StatusReport {
  const progress = computeProgress(plan, { today });
  const trends = computeTrends(plan, progress, history, today);
  const rowOf = (i: number): ReportRow => reportRow(plan, plan.items[i], progress[i], trends[i]);

  const roots: number[] = [];
  for (let i = 0; i < plan.items.length; i++) if (plan.tree.parent[i] < 0) roots.push(i);
  const maxGroups = limits.groups ?? 40;
  const maxChildren = limits.children ?? 12;
  const groups = roots.slice(0, maxGroups).map((i): ReportGroup => {
    const kids = plan.tree.children[i];
    return {
      ...rowOf(i),
      children: kids.slice(0, maxChildren).map(rowOf),
      moreChildren: Math.max(0, kids.length - maxChildren),
    };
  });

  const attentionAll: ReportRow[] = [];
  const paceCounts = new Map<TrendPace | null, number>();
  for (let i = 0; i < plan.items.length; i++) {
    const pace = trends[i].pace;
    paceCounts.set(pace, (paceCounts.get(pace) ?? 0) + 1);
    if (pace !== null && ATTENTION_ORDER[pace] !== undefined && plan.items[i].status !== 'Dropped')
      attentionAll.push(rowOf(i));
  }
  attentionAll.sort(
    (a, b) =>
      ATTENTION_ORDER[a.pace!]! - ATTENTION_ORDER[b.pace!]! ||
      (a.due ?? Infinity) - (b.due ?? Infinity) ||
      a.index - b.index,
  );
  const maxAttention = limits.attention ?? 30;

  const { lastCheckIn, previousCheckIn, changes } = lastChanges(plan, history, rowOf);
  const maxChanges = limits.changes ?? 30;
  return {
    today,
    rows: plan.items.length,
    groups,
    moreGroups: Math.max(0, roots.length - maxGroups),
    attention: attentionAll.slice(0, maxAttention),
    moreAttention: Math.max(0, attentionAll.length - maxAttention),
    lastCheckIn,
    previousCheckIn,
    changes: changes.slice(0, maxChanges),
    moreChanges: Math.max(0, changes.length - maxChanges),
    paceCounts,
    checkIns: history.records.length,
  };
}

function reportRow(plan: Plan, item: PlanItem, p: ProgressItem, trend: Trend): ReportRow {
  return {
    index: item.index,
    id: item.id,
    title: item.title,
    owner: item.owner,
    level: item.level ?? item.levelText,
    progress: p.progress,
    expected: p.expected,
    pace: trend.pace,
    start: plan.tree.startDate[item.index],
    due: plan.tree.dueDate[item.index],
    trend,
  };
}

/** The check-ins of the history's latest check-in day, each against the row's record before it. */
function lastChanges(
  plan: Plan,
  history: History,
  rowOf: (i: number) => ReportRow,
): { lastCheckIn: Day | null; previousCheckIn: Day | null; changes: ReportChange[] } {
  let lastCheckIn: Day | null = null;
  for (const record of history.records)
    if (record.change === '' && (lastCheckIn === null || record.date > lastCheckIn)) lastCheckIn = record.date;
  if (lastCheckIn === null) return { lastCheckIn, previousCheckIn: null, changes: [] };
  let previousCheckIn: Day | null = null;
  for (const record of history.records)
    if (
      record.change === '' &&
      record.date < lastCheckIn &&
      (previousCheckIn === null || record.date > previousCheckIn)
    )
      previousCheckIn = record.date;
  const changes: ReportChange[] = [];
  for (const [key, records] of recordsById(history)) {
    const index = plan.tree.byId.get(key);
    if (index === undefined) continue;
    const checkIns = records.filter((r) => r.change === '');
    const k = checkIns.findIndex((r) => r.date === lastCheckIn);
    if (k < 0) continue;
    let m = k;
    while (m + 1 < checkIns.length && checkIns[m + 1].date === lastCheckIn) m++;
    const now = checkIns[m];
    const before = k > 0 ? checkIns[k - 1] : null;
    changes.push({
      row: rowOf(index),
      progressBefore: before?.progress ?? null,
      progressAfter: now.progress,
      statusBefore: before?.status ?? '',
      statusAfter: now.status,
      first: before === null,
      note: now.note,
      who: now.who,
    });
  }
  changes.sort((a, b) => a.row.index - b.row.index);
  return { lastCheckIn, previousCheckIn, changes };
}
