// Replanning a row that slips (progress.md, "Replanning"): keep and shrink (a lower Target),
// reduce scope (children Dropped), extend (a later Due date, within the parent's), pause (Status
// Paused). Each choice gives the cells to write, a history record holding the old values, and its
// effect in words, computed before anything is written. undoReplan restores the old values.
import { COLUMN_BY_KEY } from '../columns.js';
import { isoFromDay, parseDay } from '../dates.js';
import { percentText } from '../format.js';
import { parseNumber } from '../numbers.js';
import { normaliseText, statusFromText } from '../plan.js';
import { computeProgress } from '../progress.js';
import { buildTree, idKey } from '../tree.js';
import type { Day, Plan, PlanItem, ProgressItem } from '../types.js';
import { stateOf } from './diff.js';
import { recordsById } from './history.js';
import type { CellChange, ChangeKind, CheckIn, History, ReplanColumn } from './types.js';

export type ReplanChoice =
  | { kind: 'shrink'; target: number }
  | { kind: 'drop'; children: readonly string[] }
  | { kind: 'extend'; due: Day }
  | { kind: 'pause' };

/** A plan cell a replanning choice writes: a number, a text, a day (date true), or null to empty it. */
export interface ReplanEdit {
  index: number;
  row: number;
  column: ReplanColumn;
  value: number | string | null;
  date?: boolean;
}

export interface ReplanResult {
  id: string;
  kind: ChangeKind;
  edits: ReplanEdit[];
  /** The history record: the row's state after the change, the old and new cell values. */
  record: CheckIn;
  /** What the change does, one line each ("Target 120 → 100", "Progress 50% → 60%"). */
  effect: string[];
}

export interface ReplanOptions {
  today: Day;
  who?: string;
  note?: string;
}

/** A choice that cannot be applied, in the user's words. */
export class ReplanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplanError';
  }
}

export function replan(plan: Plan, id: string, choice: ReplanChoice, options: ReplanOptions): ReplanResult {
  const item = itemById(plan, id);
  const changes = changesOf(plan, item, choice, options.today);
  return resultOf(plan, item, choice.kind, changes, options, options.note ?? '');
}

/** Undoes the row's latest replanning choice not yet undone, if its cells still hold what it wrote. */
export function undoReplan(plan: Plan, history: History, id: string, options: ReplanOptions): ReplanResult {
  const item = itemById(plan, id);
  const last = lastReplan(history, item.id);
  if (!last) throw new ReplanError(`${item.id} has no replanning to undo.`);
  for (const change of last.after) {
    const target = itemById(plan, change.id);
    const now = cellText(target, change.column);
    if (!sameCell(change.column, now, change.text)) {
      throw new ReplanError(
        `${change.id}'s ${COLUMN_BY_KEY[change.column].header} is now ${now === '' ? 'blank' : `"${now}"`}, not "${change.text}" as the ${last.change} of ${isoFromDay(last.date)} left it; nothing was undone.`,
      );
    }
  }
  const changes = last.after.map((after, i) => ({ after: last.before[i] ?? { ...after, text: '' }, before: after }));
  return resultOf(
    plan,
    item,
    'undo',
    changes,
    options,
    options.note ?? `Undid the ${last.change} of ${isoFromDay(last.date)}.`,
  );
}

/** The row's latest replanning record not cancelled by an undo, or null. */
export function lastReplan(history: History, id: string): CheckIn | null {
  const stack: CheckIn[] = [];
  for (const record of recordsById(history).get(idKey(id)) ?? []) {
    if (record.change === 'undo') stack.pop();
    else if (record.change !== '') stack.push(record);
  }
  return stack[stack.length - 1] ?? null;
}

function itemById(plan: Plan, id: string): PlanItem {
  const index = plan.tree.byId.get(idKey(id));
  if (index === undefined) throw new ReplanError(`No row has ID "${id}".`);
  return plan.items[index];
}

interface Change {
  before: CellChange;
  after: CellChange;
}

function changesOf(plan: Plan, item: PlanItem, choice: ReplanChoice, today: Day): Change[] {
  switch (choice.kind) {
    case 'shrink':
      return [shrinkChange(item, choice.target)];
    case 'extend':
      return [extendChange(plan, item, choice.due, today)];
    case 'pause':
      requireColumn(plan, 'status');
      if (item.status === 'Paused') throw new ReplanError(`${item.id} is already Paused.`);
      if (item.status === 'Done' || item.status === 'Dropped')
        throw new ReplanError(`${item.id} is ${item.status}; there is nothing to pause.`);
      return [change(item, 'status', 'Paused')];
    case 'drop':
      return dropChanges(plan, item, choice.children);
  }
}

function shrinkChange(item: PlanItem, target: number): Change {
  if (!Number.isFinite(target)) throw new ReplanError(`The new Target must be a number.`);
  if (item.target.state !== 'ok') throw new ReplanError(`${item.id} has no Target to shrink.`);
  const start = item.start.state === 'ok' ? item.start.value : 0;
  const old = item.target.value;
  const between = old > start ? target > start && target < old : target < start && target > old;
  if (!between) {
    throw new ReplanError(
      `A smaller Target for ${item.id} lies between its Start ${start} and its Target ${old}; ${target} is not.`,
    );
  }
  return change(item, 'target', String(target));
}

function extendChange(plan: Plan, item: PlanItem, due: Day, today: Day): Change {
  requireColumn(plan, 'dueDate');
  const current = plan.tree.dueDate[item.index];
  if (current !== null && due <= current)
    throw new ReplanError(`${isoFromDay(due)} is not later than ${item.id}'s Due date ${isoFromDay(current)}.`);
  if (due < today) throw new ReplanError(`${isoFromDay(due)} is already past (today is ${isoFromDay(today)}).`);
  const parent = plan.tree.parent[item.index];
  const parentDue = parent >= 0 ? plan.tree.dueDate[parent] : null;
  if (parentDue !== null && due > parentDue) {
    const p = plan.items[parent];
    throw new ReplanError(
      `${isoFromDay(due)} is after ${p.id}'s Due date ${isoFromDay(parentDue)}: extend ${p.id} first, or choose a date up to ${isoFromDay(parentDue)}.`,
    );
  }
  return change(item, 'dueDate', isoFromDay(due));
}

function dropChanges(plan: Plan, item: PlanItem, children: readonly string[]): Change[] {
  requireColumn(plan, 'status');
  const own = plan.tree.children[item.index];
  const open = own
    .map((i) => plan.items[i])
    .filter((c) => c.status !== 'Dropped' && c.status !== 'Done' && c.id !== '');
  if (children.length === 0) {
    throw new ReplanError(
      open.length > 0
        ? `Name the items below ${item.id} to drop: ${open.map((c) => c.id).join(', ')}.`
        : `${item.id} has no open items below it to drop.`,
    );
  }
  return children.map((childId) => {
    const index = plan.tree.byId.get(idKey(childId));
    if (index === undefined || plan.tree.parent[index] !== item.index) {
      throw new ReplanError(
        `${childId} is not an item below ${item.id}${open.length > 0 ? ` (those are ${open.map((c) => c.id).join(', ')})` : ''}.`,
      );
    }
    const child = plan.items[index];
    if (child.status === 'Dropped') throw new ReplanError(`${child.id} is already Dropped.`);
    return change(child, 'status', 'Dropped');
  });
}

function requireColumn(plan: Plan, key: 'status' | 'dueDate') {
  if (plan.columns[key] === undefined) throw new ReplanError(`The plan has no ${COLUMN_BY_KEY[key].header} column.`);
}

function change(item: PlanItem, column: ReplanColumn, text: string): Change {
  return { before: { id: item.id, column, text: cellText(item, column) }, after: { id: item.id, column, text } };
}

/** A plan cell as the history writes it: a number as written, a date as YYYY-MM-DD, a status as typed. */
function cellText(item: PlanItem, column: ReplanColumn): string {
  if (column === 'status') return item.statusText;
  const parsed = column === 'target' ? item.target : item.dueDate;
  if (parsed.state === 'blank') return '';
  if (parsed.state === 'invalid') return parsed.text;
  return column === 'dueDate' ? isoFromDay(parsed.value) : String(parsed.value);
}

function sameCell(column: ReplanColumn, a: string, b: string): boolean {
  if (column === 'status') return normaliseText(a) === normaliseText(b);
  if (column === 'dueDate') {
    const x = parseDay(a);
    const y = parseDay(b);
    return x.state === y.state && (x.state !== 'ok' || x.value === (y as { value: Day }).value);
  }
  const x = parseNumber(a);
  const y = parseNumber(b);
  return x.state === y.state && (x.state !== 'ok' || x.value === (y as { value: number }).value);
}

function resultOf(
  plan: Plan,
  item: PlanItem,
  kind: ChangeKind,
  changes: Change[],
  options: ReplanOptions,
  note: string,
): ReplanResult {
  const edits = changes.map(({ after }) => editOf(plan, after));
  const changed = applyEdits(plan, edits);
  const beforeProgress = computeProgress(plan, { today: options.today });
  const afterProgress = computeProgress(changed, { today: options.today });
  const subject = changed.items[item.index];
  const record: CheckIn = {
    date: options.today,
    id: item.id,
    ...stateOf(subject, afterProgress[item.index].progress),
    note,
    who: options.who ?? '',
    change: kind,
    before: changes.map((c) => c.before),
    after: changes.map((c) => c.after),
  };
  return {
    id: item.id,
    kind,
    edits,
    record,
    effect: effectLines(plan, item.index, changes, beforeProgress, afterProgress),
  };
}

function editOf(plan: Plan, after: CellChange): ReplanEdit {
  const item = itemById(plan, after.id);
  const base = { index: item.index, row: item.row, column: after.column };
  if (after.text === '') return { ...base, value: null };
  if (after.column === 'target') {
    const n = parseNumber(after.text);
    return { ...base, value: n.state === 'ok' ? n.value : after.text };
  }
  if (after.column === 'dueDate') {
    const d = parseDay(after.text);
    return d.state === 'ok' ? { ...base, value: d.value, date: true } : { ...base, value: after.text };
  }
  return { ...base, value: after.text };
}

/** The plan as it would read with the edits written (items copied, the tree rebuilt for inherited dates). */
export function applyEdits(plan: Plan, edits: readonly ReplanEdit[]): Plan {
  const items = plan.items.slice();
  for (const edit of edits) {
    const item = { ...items[edit.index] };
    if (edit.column === 'status') {
      item.statusText = edit.value === null ? '' : String(edit.value);
      item.status = statusFromText(item.statusText);
    } else if (edit.column === 'target') {
      item.target =
        edit.value === null
          ? { state: 'blank' }
          : typeof edit.value === 'number'
            ? { state: 'ok', value: edit.value }
            : { state: 'invalid', text: edit.value };
    } else {
      item.dueDate =
        edit.value === null
          ? { state: 'blank' }
          : edit.date
            ? { state: 'ok', value: edit.value as Day }
            : { state: 'invalid', text: String(edit.value) };
    }
    items[edit.index] = item;
  }
  return { ...plan, items, tree: buildTree(items) };
}

function effectLines(
  plan: Plan,
  index: number,
  changes: Change[],
  before: ProgressItem[],
  after: ProgressItem[],
): string[] {
  const lines = changes.map((c) => {
    const header = COLUMN_BY_KEY[c.after.column].header;
    const who = idKey(c.after.id) === idKey(plan.items[index].id) ? '' : `${c.after.id} `;
    return `${who}${header}: ${c.before.text || 'blank'} → ${c.after.text || 'blank'}`;
  });
  const shown = [index];
  for (let p = plan.tree.parent[index]; p >= 0 && shown.length < 3; p = plan.tree.parent[p]) shown.push(p);
  for (const i of shown) {
    const id = plan.items[i].id || `row ${plan.items[i].row}`;
    const b = before[i];
    const a = after[i];
    if (!sameNumber(b.progress, a.progress))
      lines.push(`${id} progress: ${percentText(b.progress)} → ${percentText(a.progress)}`);
    if (b.status !== a.status) lines.push(`${id} pace: ${b.status ?? '—'} → ${a.status ?? '—'}`);
    if (!sameNumber(b.expected, a.expected))
      lines.push(`${id} expected by today: ${percentText(b.expected)} → ${percentText(a.expected)}`);
  }
  if (changes.some((c) => c.after.text === 'Paused'))
    lines.push('A Paused row has no pace and no review reminders until it is resumed (undo the pause).');
  return lines;
}

function sameNumber(a: number | null, b: number | null): boolean {
  return a === null || b === null ? a === b : Math.abs(a - b) < 1e-9;
}
