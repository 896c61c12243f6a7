// What a rule is, for people and for the check: every rule module exports `meta` (this) and `check`.
import type { LevelName, PlanItem, Severity } from '../types.js';
import type { RowFindings, RuleContext } from './context.js';

export interface RuleMeta<Id extends string = string> {
  /** `family/name`, stable across versions: the family is the SMART letter or concern. */
  id: Id;
  /** The severity of every finding of the rule, but on the levels of `severityByLevel`. */
  severity: Severity;
  /** Levels on which the rule speaks more softly ("error (Task: warning)"). */
  severityByLevel?: Partial<Record<LevelName, Severity>>;
  /** A few words for the row's Check cell ("no owner"). */
  label: string;
  /** One line on when it fires, for the README's rule table. */
  description: string;
  /** Which rows it looks at, for the docs. */
  appliesTo: string;
  /** The fix in one sentence. */
  fix: string;
  /** The rule's section in docs/rules.md (markdown, after the Severity line). */
  docs: string;
  /** Also checked on Dropped rows (broken structure and unreadable cells). */
  onDroppedRows?: boolean;
}

export type RuleCheck = (ctx: RuleContext, item: PlanItem, out: RowFindings) => void;

/** A rule module's exports: `import * as rule from './family/name.js'`. */
export interface RuleModule<Id extends string = string> {
  meta: RuleMeta<Id>;
  check: RuleCheck;
}

/** Keeps the id's literal type, so the RuleId union is derived from the modules. */
export function defineMeta<const Id extends string>(meta: RuleMeta<Id>): RuleMeta<Id> {
  return meta;
}

export function severityFor(meta: RuleMeta, level: LevelName | null): Severity {
  return (level !== null && meta.severityByLevel?.[level]) || meta.severity;
}

/** "error", "error (Task, Tactic: warning)". */
export function severityText(meta: RuleMeta): string {
  const byLevel = Object.entries(meta.severityByLevel ?? {});
  if (byLevel.length === 0) return meta.severity;
  const other = byLevel[0][1];
  return `${meta.severity} (${byLevel.map(([level]) => level).join(', ')}: ${other})`;
}

/** "structure" of "structure/cycle". */
export function ruleFamily(meta: RuleMeta): string {
  return meta.id.slice(0, meta.id.indexOf('/'));
}
