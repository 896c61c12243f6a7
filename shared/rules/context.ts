// What every rule may look at, computed once per check so that no rule scans the whole plan.
import { levelRank } from '../frameworks.js';
import { hasNumber } from '../numbers.js';
import { computeProgressValues } from '../progress.js';
import { idKey } from '../tree.js';
import type { ColumnKey, Day, Finding, Framework, LevelName, Plan, PlanItem, PlanTree, RuleId, Severity } from '../types.js';
import { article, header } from './text.js';

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
    let parent = -1;
    if (item.parentId !== '') {
      const found = tree.byId.get(idKey(item.parentId));
      if (found === undefined) missingParent[i] = brokenParent[i] = 1;
      else if (found !== i) parent = found;
    }
    parentIndex[i] = parent;
    if (tree.inCycle[i] === 1) brokenParent[i] = 1;
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
  const progress = computeProgressValues(plan);
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

/** Collects one row's findings, errors before warnings, each in the order the rules run. */
export class RowFindings {
  item!: PlanItem;
  readonly errors: Finding[] = [];
  readonly warnings: Finding[] = [];

  constructor(private readonly ctx: RuleContext) {}

  start(item: PlanItem): void {
    this.item = item;
    this.errors.length = 0;
    this.warnings.length = 0;
  }

  add(rule: RuleId, severity: Severity, message: string, hint: string, column?: ColumnKey): void {
    const finding: Finding = { row: this.item.row, id: this.item.id, rule, severity, message, hint };
    // A column the plan lacks cannot be selected: point at the title, which every plan has.
    if (column !== undefined && this.ctx.plan.columns[column] === undefined) {
      finding.column = 'title';
      finding.missingColumn = column;
    } else if (column !== undefined) {
      finding.column = column;
    }
    (severity === 'error' ? this.errors : this.warnings).push(finding);
  }

  /** A hint that first asks for the column when the plan has none. */
  fill(key: ColumnKey, hint: string): string {
    const name = header(key);
    return this.ctx.plan.columns[key] === undefined ? `Add ${article(name)} "${name}" column. ${hint}` : hint;
  }
}

export type ItemRule = (ctx: RuleContext, item: PlanItem, out: RowFindings) => void;
