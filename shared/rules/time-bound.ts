// time-bound/*: dates that can be read, a deadline on every item that needs one, children due in time.
import { isoFromDay, periodFromText } from '../dates.js';
import type { LevelName, PlanItem } from '../types.js';
import type { RuleContext, RowFindings } from './context.js';
import { brokenFormulaHint, dayText, header, isSpreadsheetError, itemLabel, parentLabel, quote, withArticle } from './text.js';

const DATE_COLUMNS = ['startDate', 'dueDate', 'lastCheckIn'] as const;
/** Levels that must carry their own Due date; Key Result and Task may inherit one. */
const OWN_DUE_DATE: ReadonlySet<LevelName> = new Set<LevelName>(['Goal', 'Objective', 'Milestone', 'Subgoal']);
const INHERITED_DUE_DATE: ReadonlySet<LevelName> = new Set<LevelName>(['Key Result', 'Task']);

/** time-bound/bad-date: on every row, whatever its level. */
export function checkDates(_ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  for (const key of DATE_COLUMNS) {
    const cell = item[key];
    if (cell.state === 'invalid' && isSpreadsheetError(cell.text)) {
      const message = `${header(key)} ${quote(cell.text)} is a spreadsheet error, not a date.`;
      out.add('time-bound/bad-date', 'error', message, brokenFormulaHint(cell.text, 'type the date as YYYY-MM-DD'), key);
    } else if (cell.state === 'invalid') {
      out.add('time-bound/bad-date', 'error', `${header(key)} ${quote(cell.text)} is not a date.`, badDateHint(key, cell.text), key);
    }
  }
  if (item.startDate.state === 'ok' && item.dueDate.state === 'ok' && item.dueDate.value < item.startDate.value) {
    out.add(
      'time-bound/bad-date',
      'error',
      `Due date ${dayText(item.dueDate.value)} is before Start date ${dayText(item.startDate.value)}.`,
      'Correct whichever date is wrong: the work must start before it is due.',
      'dueDate',
    );
  }
}

/** time-bound/no-due-date and time-bound/after-parent. */
export function checkDeadlines(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  const i = item.index;
  if (ctx.rank[i] < 0 || item.level === null) return;
  const parent = ctx.parentIndex[i];

  if (item.dueDate.state === 'blank') {
    if (OWN_DUE_DATE.has(item.level)) {
      out.add(
        'time-bound/no-due-date',
        'error',
        `${itemLabel(item)} has no Due date.`,
        out.fill('dueDate', `Set a Due date: ${withArticle(item.level)} needs a deadline of its own.`),
        'dueDate',
      );
    } else if (
      INHERITED_DUE_DATE.has(item.level) &&
      ctx.tree.dueDate[i] === null &&
      ctx.brokenParent[i] === 0 && // fix the Parent first: the row may inherit then
      ctx.dueUnreadable[i] === 0 // an ancestor's Due date is there but unreadable: bad-date says it
    ) {
      const severity = item.level === 'Task' ? 'warning' : 'error';
      const message =
        parent < 0
          ? `${itemLabel(item)} has no Due date, and no Parent to take one from.`
          : `${itemLabel(item)} has no Due date, and neither has its ${parentLabel(ctx.items[parent])} or anything above it.`;
      const where = parent < 0 ? '' : `, or on its ${ctx.items[parent].level ?? 'parent'} so that the rows under it inherit it`;
      out.add('time-bound/no-due-date', severity, message, out.fill('dueDate', `Set a Due date on this row${where}.`), 'dueDate');
    }
  }

  if (item.dueDate.state === 'ok' && parent >= 0 && ctx.brokenParent[i] === 0) {
    const parentDue = ctx.tree.dueDate[parent];
    if (parentDue !== null && item.dueDate.value > parentDue) {
      const parentItem = ctx.items[parent];
      out.add(
        'time-bound/after-parent',
        'warning',
        `Due date ${dayText(item.dueDate.value)} is after its ${parentLabel(parentItem)} is due (${dayText(parentDue)}).`,
        `Bring the Due date forward to ${dayText(parentDue)} or earlier, or move the ${parentItem.level ?? 'parent'}'s ` +
          'deadline if the plan has changed: a late child puts its parent at risk.',
        'dueDate',
      );
    }
  }
}

/** For a quarter or a month where a date belongs, the day it most likely means (Due: the last). */
function badDateHint(key: (typeof DATE_COLUMNS)[number], text: string): string {
  const period = key === 'lastCheckIn' ? null : periodFromText(text);
  if (period === null) return 'Type the date as YYYY-MM-DD (e.g. 2026-06-30) or as "June 30, 2026", or use a date cell.';
  const [day, which] = key === 'dueDate' ? [period.last, 'last'] : [period.first, 'first'];
  return `Type the date as YYYY-MM-DD: ${isoFromDay(day)} is the ${which} day of ${text.trim()}.`;
}
