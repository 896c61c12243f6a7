import { COLUMN_BY_KEY, checkPlan, checkSummaries, findingsByRow, isoFromDay } from '../../shared/index.js';
import type { CellValue, Finding, Plan } from '../../shared/index.js';
import type { CheckResponse, FindingGroup, SheetRequest } from '../protocol.js';
import { withDocumentLock } from './lock.js';
import { ownedColumn, writeColumns } from './owned-columns.js';
import { planNotices } from './plan-notices.js';
import { openPlan } from './open-plan.js';
import { dataRows } from './plan-sheet.js';
import type { PlanSheet } from './plan-sheet.js';
import { frameworkUsed, openSession } from './session.js';
import type { Session } from './session.js';

/** Groups sent to the sidebar at most; the Check column holds every row's summary. */
export const MAX_GROUPS = 200;

/**
 * The SMART check of the plan sheet: one read of the sheet, the core's checkPlan, and the Check
 * column written with one setValues (a summary per row, blank on rows that are not items).
 * `lockWaitMs`: how long to wait for another write (the default suits the sidebar's 6 minutes).
 */
export function runCheck(request: SheetRequest, lockWaitMs?: number, session: Session = openSession()): CheckResponse {
  return withDocumentLock(() => {
    const { planSheet, plan, mapping } = openPlan(session, request.sheet);
    const findings = checkPlan(plan, { today: session.today });
    const keptEdits = writeCheckColumn(planSheet, plan, findings, session);
    return {
      sheet: planSheet.name,
      framework: frameworkUsed(plan),
      today: isoFromDay(session.today),
      rows: plan.items.length,
      ...findingGroups(plan, findings),
      blankIds: plan.items.reduce((n, item) => (item.id === '' ? n + 1 : n), 0),
      keptEdits,
      notices: planNotices(plan, planSheet.table.header, mapping !== undefined),
    };
  }, lockWaitMs);
}

/**
 * The Check column: each row's summary from the core, one setValues for the whole column. It is
 * Cascade's own, but a note someone types there while the check runs is kept (writeColumns); the
 * number of such cells is returned.
 */
function writeCheckColumn(planSheet: PlanSheet, plan: Plan, findings: readonly Finding[], session: Session): number {
  const { first, count } = dataRows(planSheet);
  const summaries = checkSummaries(plan, findings);
  const values: CellValue[] = new Array(count).fill('');
  plan.items.forEach((item, i) => (values[item.row - first] = summaries[i]));
  const { index } = ownedColumn(planSheet, plan.columns, 'check');
  return writeColumns(planSheet, session.calendar, [{ index, values }]).keptEdits;
}

/** Findings grouped by row for the sidebar: rows with errors first, then the rest, each in sheet order. */
function findingGroups(
  plan: Plan,
  findings: readonly Finding[],
): Pick<CheckResponse, 'counts' | 'rowsWithFindings' | 'groups' | 'omittedGroups'> {
  const itemByRow = new Map(plan.items.map((item) => [item.row, item]));
  const groups: FindingGroup[] = [];
  const counts = { error: 0, warning: 0 };
  // checkPlan lists each row's errors before its warnings: the groups keep that order.
  for (const [row, list] of findingsByRow(findings)) {
    const item = itemByRow.get(row);
    const errors = list.filter((f) => f.severity === 'error').length;
    counts.error += errors;
    counts.warning += list.length - errors;
    groups.push({
      row,
      id: item?.id ?? '',
      title: item?.title ?? (list[0].rows !== undefined ? 'The whole plan' : ''),
      level: item ? (item.level ?? item.levelText) : '',
      errors,
      warnings: list.length - errors,
      findings: list.map((f) => {
        // A finding about a column the plan lacks names that column and has no cell to go to.
        const key = f.missingColumn ?? f.column;
        const index = f.missingColumn !== undefined || f.column === undefined ? undefined : plan.columns[f.column];
        return {
          rule: f.rule,
          severity: f.severity,
          message: f.message,
          hint: f.hint,
          column: key === undefined ? null : COLUMN_BY_KEY[key].header,
          col: index === undefined ? null : index + 1,
          missingColumn: f.missingColumn !== undefined,
        };
      }),
    });
  }
  groups.sort((a, b) => Number(b.errors > 0) - Number(a.errors > 0) || a.row - b.row);
  return {
    counts,
    rowsWithFindings: groups.length,
    groups: groups.slice(0, MAX_GROUPS),
    omittedGroups: Math.max(0, groups.length - MAX_GROUPS),
  };
}
