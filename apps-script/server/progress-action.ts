import { NO_PACE, computeProgress, isoFromDay } from '../../shared/index.js';
import type { CellValue, Plan, ProgressItem, Trend } from '../../shared/index.js';
import { recordCheckIns, trendFormulas, trendView } from './checkins-action.js';
import type { ProgressResponse, ProgressView, SheetRequest } from '../protocol.js';
import { withDocumentLock } from './lock.js';
import { ownedColumn, writeColumns } from './owned-columns.js';
import type { ColumnWrite } from './owned-columns.js';
import { planNotices } from './plan-notices.js';
import { openPlan } from './open-plan.js';
import { dataRows } from './plan-sheet.js';
import { frameworkUsed, openSession } from './session.js';
import type { Session } from './session.js';

/** Top-level items and children per item sent to the sidebar at most. */
export const MAX_TOP_ITEMS = 60;
export const MAX_CHILDREN = 30;
const PERCENT_FORMAT = '0%';

/**
 * Progress, roll-ups and pace from the core, written in one batch: the Progress column (and the
 * Pace column when the plan has one; adjacent columns share one setValues). A live formula in a
 * Progress cell is kept where it already shows the core's value (measured rows of a template);
 * elsewhere (roll-ups) the value is written.
 */
export function runProgress(request: SheetRequest, session: Session = openSession()): ProgressResponse {
  return withDocumentLock(() => {
    const { planSheet, plan, mapping } = openPlan(session, request.sheet);
    const items = computeProgress(plan, { today: session.today, allowOver: session.settings.allowOver });
    const checkIns = recordCheckIns(session, planSheet, plan, items);
    const { first, count } = dataRows(planSheet);
    const read = planSheet.progress;
    const progress = ownedColumn(planSheet, plan.columns, 'progress');
    const progressValues: CellValue[] = new Array(count).fill(null);
    const paceValues: CellValue[] = new Array(count).fill('');
    for (const item of items) {
      progressValues[item.row - first] = item.progress;
      paceValues[item.row - first] = item.status ?? NO_PACE;
    }
    for (const trend of checkIns.trends)
      if (trend.pace !== null) paceValues[plan.items[trend.index].row - first] = trend.pace;
    // The cells as the sheet shows them (the table handed to the core has Cascade's own blanked).
    const shown = planSheet.values.slice(planSheet.headerRow);
    // A person's progress is theirs: written back as it is (their formula kept), never replaced.
    const persons = (offset: number) => read !== null && read.owners.get(first + offset) === 'person';
    if (read !== null)
      for (let offset = 0; offset < count; offset++)
        if (persons(offset)) progressValues[offset] = shown[offset][progress.index];
    const writes: ColumnWrite[] = [
      {
        index: progress.index,
        values: progressValues,
        formulas: read?.formulas,
        // A formula stays where it already shows what the core computes (blank where there is none),
        // or where a person wrote it.
        keepFormula:
          read !== null
            ? (offset) => persons(offset) || sameProgress(shown[offset][progress.index], progressValues[offset])
            : undefined,
        asConstant: (offset) => !persons(offset),
      },
    ];
    if (plan.columns.pace !== undefined) writes.push({ index: plan.columns.pace, values: paceValues });
    if (checkIns.lastCheckIn) writes.push(checkIns.lastCheckIn);
    const { keptFormulas, keptEdits } = writeColumns(planSheet, session.calendar, writes, read?.block ?? null);
    const trend = trendFormulas(planSheet, plan);
    if (trend && count > 0) planSheet.sheet.getRange(first, trend.index + 1, count, 1).setFormulas(trend.formulas);
    if (progress.created && count > 0)
      planSheet.sheet.getRange(first, progress.index + 1, count, 1).setNumberFormat(PERCENT_FORMAT);
    return {
      sheet: planSheet.name,
      framework: frameworkUsed(plan),
      today: isoFromDay(session.today),
      rows: plan.items.length,
      written: { progress: items.length, keptFormulas, pace: plan.columns.pace !== undefined },
      keptEdits,
      checkIns: { added: checkIns.added, who: checkIns.who },
      ...overview(plan, items, checkIns.trends),
      notices: planNotices(plan, planSheet.table.header, mapping !== undefined),
    };
  });
}

/** A cell's shown value against the core's progress: equal numbers, or blank where there is none. */
function sameProgress(shown: CellValue | undefined, computed: CellValue): boolean {
  if (computed === null) return shown === '' || shown === null || shown === undefined;
  return typeof shown === 'number' && typeof computed === 'number' && Math.abs(shown - computed) < 1e-9;
}

/** The plan at a glance: each top-level item (a row without a parent) with its children. */
function overview(
  plan: Plan,
  items: readonly ProgressItem[],
  trends: readonly Trend[] = [],
): Pick<ProgressResponse, 'items' | 'omittedItems'> {
  const view = (i: number, children: ProgressView[], omittedChildren: number): ProgressView => {
    const item = plan.items[i];
    const p = items[i];
    return {
      row: item.row,
      id: item.id,
      title: item.title,
      level: item.level ?? item.levelText,
      progress: p.progress,
      expected: p.expected,
      status: p.status,
      children,
      omittedChildren,
      ...(trends[i] ? { trend: trendView(plan, trends[i]) } : {}),
    };
  };
  const roots: number[] = [];
  for (let i = 0; i < plan.items.length; i++) if (plan.tree.parent[i] < 0) roots.push(i);
  const shown = roots.slice(0, MAX_TOP_ITEMS).map((i) => {
    const kids = plan.tree.children[i];
    return view(
      i,
      kids.slice(0, MAX_CHILDREN).map((k) => view(k, [], 0)),
      Math.max(0, kids.length - MAX_CHILDREN),
    );
  });
  return { items: shown, omittedItems: Math.max(0, roots.length - MAX_TOP_ITEMS) };
}
