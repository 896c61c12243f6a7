// progress/*: numbers that progress can be computed from, and deadlines that have passed.
import { effectiveType } from '../progress.js';
import type { PlanItem } from '../types.js';
import { isMeasuredLevel, type RuleContext, type RowFindings } from './context.js';
import { brokenFormulaHint, dayText, header, isSpreadsheetError, itemLabel, percentText, plural, quote } from './text.js';

const NUMBER_HINT = 'Type a plain number, as in 1,000 · $120M · 45% · 1.5k · (12) for a negative.';
const TYPES = 'increase, decrease, at least, at most, milestone';
const WEIGHT_HINT = "Type a number of 0 or more: 1 is the default, 2 counts double in the parent's roll-up, 0 leaves the row out.";
/** The replanning choices of seed 004, for a goal that slips. */
export const REPLAN_HINT =
  'Replan it: keep the goal and shrink the next action, reduce the scope, extend the deadline (Due date), ' +
  'or pause it (Status Paused).';

/** progress/bad-number: numbers and types that progress cannot be computed from. */
export function checkNumbers(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  if (item.weight.state === 'invalid') {
    const message = `Weight ${quote(item.weight.text)} is not a number, so the roll-up counts this row as 1.`;
    out.add('progress/bad-number', 'error', message, WEIGHT_HINT, 'weight');
  } else if (item.weight.state === 'ok' && item.weight.value < 0) {
    const message = `Weight ${item.weight.value} is negative, so the roll-up leaves this row out.`;
    out.add('progress/bad-number', 'error', message, WEIGHT_HINT, 'weight');
  }

  const measured = isMeasuredLevel(ctx.framework, item.level) || item.target.state !== 'blank';
  if (!measured) return;

  if (item.typeText !== '' && item.type === null) {
    out.add(
      'progress/bad-number',
      'error',
      `Type ${quote(item.typeText)} is not one of ${TYPES}.`,
      'Pick a Type from the list, or leave it blank: Target below Start then means decrease, else increase.',
      'type',
    );
  }
  const type = effectiveType({ type: item.type, start: item.start, target: item.target, milestoneLevel: item.level === 'Milestone' });
  // A milestone's Current is a word ("done", "yes", "✓"), not a number.
  const cells = type === 'milestone' ? (['start', 'target'] as const) : (['start', 'target', 'current'] as const);
  for (const key of cells) {
    const cell = item[key];
    if (cell.state === 'invalid' && isSpreadsheetError(cell.text)) {
      const message = `${header(key)} ${quote(cell.text)} is a spreadsheet error, not a number.`;
      out.add('progress/bad-number', 'error', message, brokenFormulaHint(cell.text, 'type the value'), key);
    } else if (cell.state === 'invalid') {
      out.add('progress/bad-number', 'error', `${header(key)} ${quote(cell.text)} is not a number.`, NUMBER_HINT, key);
    }
  }
  if (type !== 'increase' && type !== 'decrease') return;

  const { start, target } = item;
  if (start.state === 'ok' && target.state === 'ok' && start.value === target.value) {
    out.add(
      'progress/bad-number',
      'error',
      `Start and Target are both ${start.value}, so there is no distance to measure progress on.`,
      'Set Start to the value at the beginning and Target to the value to reach; to hold a level, set Type to "at least" or "at most".',
      'target',
    );
  } else if (type === 'increase' && start.state === 'blank' && target.state === 'ok' && target.value === 0) {
    out.add(
      'progress/bad-number',
      'error',
      'Target is 0 and Start is blank (counted as 0), so there is no distance to measure progress on.',
      'Put the value it starts from in Start (Target below Start counts down), or set Type to "at most".',
      'start',
    );
  } else if (type === 'decrease' && start.state === 'blank' && target.state === 'ok') {
    out.add(
      'progress/bad-number',
      'error',
      'Type is "decrease" but Start is blank, so progress has no value to count down from.',
      out.fill('start', 'Put the value it starts from in Start.'),
      'start',
    );
  }
}

/** progress/overdue: the deadline has passed and the work is not done (seed 004's replanning). */
export function checkOverdue(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  const i = item.index;
  if (ctx.rank[i] < 0) return;
  if (item.status === 'Done' || item.status === 'Dropped' || item.status === 'Paused') return;
  const due = ctx.tree.dueDate[i];
  if (due === null || ctx.today <= due) return;
  const progress = ctx.progress[i];
  if (progress !== null && progress >= 1) return;
  const inherited = item.dueDate.state === 'ok' ? '' : ' (inherited from above)';
  const where = progress === null ? 'is not done' : `is at ${percentText(progress)}`;
  out.add(
    'progress/overdue',
    'warning',
    `${itemLabel(item)} was due on ${dayText(due)}${inherited}, ${plural(ctx.today - due, 'day')} ago, and ${where}.`,
    REPLAN_HINT,
    'dueDate',
  );
}
