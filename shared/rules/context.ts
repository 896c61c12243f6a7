// What every rule may look at, computed once per check so that no rule scans the whole plan.
import { levelRank } from '../frameworks.js';
import { hasNumber } from '../numbers.js';
import { computeProgressDetails, measuredText } from '../progress.js';
import { rowNamed } from '../tree.js';
import type { ColumnKey, Day, Finding, Framework, LevelName, Plan, PlanItem, PlanTree, Severity } from '../types.js';
import { severityFor, type RuleMeta } from './meta.js';
import type { RuleId } from './index.js';
import { header } from './text.js';
import { article } from '../format.js';

export interface RuleContext {
  plan: Plan;
  framework: Framework;
  items: readonly PlanItem[];
  tree: PlanTree;
  today: Day;
  /** Level rank in the framework per item; -1 when the level is blank or not the framework's. */
  rank: Int16Array;
  /** The row its Parent names (first row with that ID), -1 when blank, missing or itself. */
  parentIndex: Int32Array;
  /** 1 when Parent is filled in but names no row. */
  missingParent: Uint8Array;
  /** 1 when the row's link upwards is broken: Parent names no row, or the row is in a cycle. */
  brokenParent: Uint8Array;
  /** 1 when the row's ID repeats an earlier row's (children attach to the earlier row). */
  duplicate: Uint8Array;
  /** 1 when the Due date the row has or would inherit is an unreadable cell (bad-date reports it). */
  dueUnreadable: Uint8Array;
  /** Progress per item (the core's roll-up, computed once), null where there is none. */
  progress: (number | null)[];
  /** For a roll-up whose children are partly unmeasured: "2 of 6 key results measured"; else null. */
  progressNote(index: number): string | null;
  /** Whether the title carries a number (hasNumber, asked at most once per row). */
  titleHasNumber(item: PlanItem): boolean;
  /** Latest check-in day per idKey(ID) from the history (CheckOptions.lastCheckIns), if given. */
  lastCheckIns?: ReadonlyMap<string, Day>;
}

export function buildContext(plan: Plan, today: Day, lastCheckIns?: ReadonlyMap<string, Day>): RuleContext {
  const { items, tree, framework } = plan;
  const n = items.length;
  const rank = new Int16Array(n);
  const parentIndex = new Int32Array(n);
  const missingParent = new Uint8Array(n);
  const brokenParent = new Uint8Array(n);
  const duplicate = new Uint8Array(n);
  for (const index of tree.duplicateIds) if (items[index].id !== '') duplicate[index] = 1;
  for (let i = 0; i < n; i++) {
    const item = items[i];
    rank[i] = levelRank(framework, item.level);
    // The tree found each row's parent already; only a row on a cycle (its link cut there) is looked up again.
    let parent = tree.parent[i];
    if (tree.inCycle[i] === 1) {
      brokenParent[i] = 1;
      parent = rowNamed(tree.byId, item.parentId);
      if (parent === i) parent = -1;
    } else if (parent < 0 && item.parentId !== '') missingParent[i] = brokenParent[i] = 1;
    parentIndex[i] = parent;
  }
  const dueUnreadable = new Uint8Array(n);
  for (const i of tree.topDown) {
    const due = items[i].dueDate.state;
    if (due === 'invalid') dueUnreadable[i] = 1;
    else if (due === 'blank' && tree.parent[i] >= 0) dueUnreadable[i] = dueUnreadable[tree.parent[i]];
  }
  const numberInTitle = new Int8Array(n).fill(-1);
  const titleHasNumber = (item: PlanItem): boolean => {
    if (numberInTitle[item.index] < 0) numberInTitle[item.index] = hasNumber(item.title) ? 1 : 0;
    return numberInTitle[item.index] === 1;
  };
  const details = computeProgressDetails(plan);
  const progress = details.values;
  const progressNote = (index: number): string | null => measuredText(plan, index, details.measured[index]);
  return {
    plan,
    framework,
    items,
    tree,
    today,
    rank,
    parentIndex,
    missingParent,
    brokenParent,
    duplicate,
    dueUnreadable,
    progress,
    progressNote,
    titleHasNumber,
    lastCheckIns,
  };
}

/** "Measured levels": Key Result everywhere, Objective in project, Milestone (binary), Subgoal. */
export function isMeasuredLevel(framework: Framework, level: LevelName | null): boolean {
  return (
    level === 'Key Result' ||
    level === 'Milestone' ||
    level === 'Subgoal' ||
    (level === 'Objective' && framework.id === 'project')
  );
}

/** The level right below, or null at the bottom. */
export function nextLevel(framework: Framework, rank: number): LevelName | null {
  return rank >= 0 && rank + 1 < framework.levels.length ? framework.levels[rank + 1] : null;
}

/** What one plan-wide finding gathers from the rows: its rows and the texts they hold. */
interface PlanWideEntry {
  rule: RuleMeta<RuleId>;
  column: ColumnKey;
  severity: Severity;
  hint: string;
  rows: number[];
  texts: string[];
  message: (rows: readonly number[], texts: readonly string[]) => string;
}

function flatten(text: string): void {
  text.charCodeAt(0);
}

/** How many rows a plan-wide message lists before "…". */
const ROWS_LISTED = 8;

/** "rows 2–5, 9, 12" (consecutive rows joined), cut after a few runs. */
export function rowList(rows: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < rows.length && runs.length <= ROWS_LISTED; i++) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    runs.push(j > i ? `${rows[i]}–${rows[j]}` : `${rows[i]}`);
    i = j;
  }
  const more = runs.length > ROWS_LISTED ? ', …' : '';
  return `${rows.length === 1 ? 'row' : 'rows'} ${runs.slice(0, ROWS_LISTED).join(', ')}${more}`;
}

/**
 * Collects one row's findings, errors before warnings, each in the order the rules run; and the
 * plan-wide findings, one per rule and column, gathered over all rows: a column the plan lacks is
 * said once ("No Owner column: no owner on 12 rows"), not on every row.
 */
export class RowFindings {
  item!: PlanItem;
  readonly errors: Finding[] = [];
  readonly warnings: Finding[] = [];
  private readonly planWide = new Map<string, PlanWideEntry>();

  constructor(private readonly ctx: RuleContext) {}

  start(item: PlanItem): void {
    this.item = item;
    if (this.errors.length > 0) this.errors.length = 0;
    if (this.warnings.length > 0) this.warnings.length = 0;
  }

  /** A finding of `rule` on the current row, with the rule's severity for the row's level. */
  add(rule: RuleMeta<RuleId>, message: string, hint: string, column?: ColumnKey): void {
    const severity = severityFor(rule, this.item.level);
    if (column !== undefined && this.ctx.plan.columns[column] === undefined) {
      this.addForColumn(
        rule,
        column,
        hint,
        '',
        (rows) => `No ${header(column)} column: ${rule.label} on ${rowList(rows)}.`,
        severity,
      );
      return;
    }
    // A message is a chain of the pieces it was made of until something reads it; reading a
    // character flattens it into one string now, half the memory a kept finding holds and the
    // garbage collector copies (the report reads every message anyway).
    flatten(message);
    // Made whole at once: a field added afterwards would give each finding a second, growable store.
    const { row, id } = this.item;
    const finding: Finding =
      column === undefined
        ? { row, id, rule: rule.id, severity, message, hint }
        : { row, id, rule: rule.id, severity, message, hint, column };
    (severity === 'error' ? this.errors : this.warnings).push(finding);
  }

  /**
   * Notes the current row under one plan-wide finding of `rule` about `column`; `message` is
   * composed once all rows are seen, from their row numbers and the distinct `text`s noted.
   */
  addForColumn(
    rule: RuleMeta<RuleId>,
    column: ColumnKey,
    hint: string,
    text: string,
    message: (rows: readonly number[], texts: readonly string[]) => string,
    severity: Severity = severityFor(rule, this.item.level),
  ): void {
    const key = `${rule.id}|${column}`;
    let entry = this.planWide.get(key);
    if (entry === undefined) {
      entry = { rule, column, severity, hint, rows: [], texts: [], message };
      this.planWide.set(key, entry);
    }
    if (severity === 'error') entry.severity = 'error';
    if (entry.rows[entry.rows.length - 1] !== this.item.row) entry.rows.push(this.item.row);
    if (text !== '' && entry.texts.length < 5 && !entry.texts.includes(text)) entry.texts.push(text);
  }

  /**
   * The plan-wide findings, on the header row (errors first, then in `order`): `rows` lists the
   * rows each concerns; a column the plan lacks is named by `missingColumn`, `column` being the title.
   */
  planFindings(order: (rule: RuleId) => number): Finding[] {
    const headerRow = this.ctx.plan.headerRow ?? Math.max(1, (this.ctx.items[0]?.row ?? 2) - 1);
    const findings: Finding[] = [];
    for (const entry of this.planWide.values()) {
      const missing = this.ctx.plan.columns[entry.column] === undefined;
      const rows = entry.rows.slice().sort((a, b) => a - b);
      findings.push({
        row: headerRow,
        id: '',
        rule: entry.rule.id,
        severity: entry.severity,
        message: entry.message(rows, entry.texts),
        hint: entry.hint,
        column: missing ? 'title' : entry.column,
        ...(missing ? { missingColumn: entry.column } : {}),
        rows,
      });
    }
    const rank = (f: Finding) => (f.severity === 'error' ? 0 : 1000) + order(f.rule);
    return findings.sort((a, b) => rank(a) - rank(b));
  }

  /** A hint that first asks for the column when the plan has none. */
  fill(key: ColumnKey, hint: string): string {
    const name = header(key);
    return this.ctx.plan.columns[key] === undefined ? `Add ${article(name)} "${name}" column. ${hint}` : hint;
  }
}
