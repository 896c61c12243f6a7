// Update progress keeps the history: the rows whose Current, Status or Progress changed since their
// last check-in are appended to the Check-ins sheet (one setValues), Last check-in is set from it,
// and the trends give the Pace column `trending off track` and `paused`.
import {
  CHECKINS_SHEET,
  checkInsFor,
  columnLetter,
  computeTrends,
  dayFromDate,
  lastCheckInEdits,
  serialFromDay,
} from '../../shared/index.js';
import type { CellValue, Plan, ProgressItem, Trend } from '../../shared/index.js';
import type { TrendView } from '../protocol.js';
import { activeUserEmail, appendHistory, readHistorySheet } from './checkins-sheet.js';
import type { ColumnWrite } from './owned-columns.js';
import { dataRows } from './plan-sheet.js';
import type { PlanSheet } from './plan-sheet.js';
import type { Session } from './session.js';

/** Points a sparkline shows at most. */
const MAX_POINTS = 24;

export interface CheckInRun {
  added: number;
  who: string;
  trends: Trend[];
  /** The Last check-in column to write (every plan row; a day as its date serial, which the column's date format shows), or null. */
  lastCheckIn: ColumnWrite | null;
}

export function recordCheckIns(
  session: Session,
  planSheet: PlanSheet,
  plan: Plan,
  items: readonly ProgressItem[],
): CheckInRun {
  const target = readHistorySheet(session.spreadsheet, session.calendar);
  const before = target.history;
  const records = checkInsFor(plan, items, before, { today: session.today });
  // Whose check-ins they are is asked only when there are some (one service call fewer otherwise).
  const who = records.length > 0 ? activeUserEmail() : '';
  for (const record of records) record.who = who;
  const added = appendHistory(session.spreadsheet, target, records, planSheet.sheet);
  const trends = computeTrends(plan, items, target.history, session.today);
  return { added, who, trends, lastCheckIn: lastCheckInWrite(planSheet, plan, before, records) };
}

function lastCheckInWrite(
  planSheet: PlanSheet,
  plan: Plan,
  history: Parameters<typeof lastCheckInEdits>[1],
  added: Parameters<typeof lastCheckInEdits>[2],
): ColumnWrite | null {
  const col = plan.columns.lastCheckIn;
  const edits = lastCheckInEdits(plan, history, added);
  if (col === undefined || edits.length === 0) return null;
  const { first, count } = dataRows(planSheet);
  const values: CellValue[] = new Array(count);
  for (let r = 0; r < count; r++) values[r] = shownText(planSheet.table.rows[r]?.[col] ?? null);
  for (const edit of edits) values[edit.row - first] = serialFromDay(edit.day);
  // A formula in the column is kept; the other cells get back what they show, a date as its day.
  return { index: col, values, keepFormula: () => true };
}

function shownText(cell: CellValue): CellValue {
  if (cell instanceof Date) return serialFromDay(dayFromDate(cell));
  return cell;
}

export function trendView(plan: Plan, trend: Trend): TrendView {
  return {
    pace: trend.pace,
    forecast: trend.forecast,
    points: trend.points.slice(-MAX_POINTS),
    start: plan.tree.startDate[trend.index],
    due: plan.tree.dueDate[trend.index],
  };
}

/** The optional column a manager adds (header "Trend") to see each row's check-ins as a SPARKLINE. */
export const TREND_HEADER = 'trend';

/**
 * The Trend column's formulas, one per plan row: a SPARKLINE of the row's Progress in the
 * Check-ins sheet (Google Sheets only), blank for a row without an ID; null when the plan has no
 * Trend column. Written with one setFormulas().
 */
export function trendFormulas(planSheet: PlanSheet, plan: Plan): { index: number; formulas: string[][] } | null {
  const index = planSheet.table.header.findIndex(
    (cell) => typeof cell === 'string' && cell.trim().toLowerCase() === TREND_HEADER,
  );
  const idCol = plan.columns.id;
  if (index < 0 || idCol === undefined) return null;
  const { first, count } = dataRows(planSheet);
  const formulas: string[][] = [];
  const history = `'${CHECKINS_SHEET}'`;
  for (let r = 0; r < count; r++) {
    const row = first + r;
    const hasId = String(planSheet.table.rows[r]?.[idCol] ?? '').trim() !== '';
    const id = `$${columnLetter(idCol)}${row}`;
    formulas.push([hasId ? `=IFERROR(SPARKLINE(FILTER(${history}!$D:$D,${history}!$B:$B=${id})),"")` : '']);
  }
  return { index, formulas };
}
