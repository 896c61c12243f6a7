// The Check cell: one short line per row, shared by the add-on, the command and the Notion mirror.
import { RULE_BY_ID } from './rules/index.js';
import { plural } from './format.js';
import type { Finding, Plan, Severity } from './types.js';

export const CHECK_OK = '✓ OK';
/** Longer summaries are cut with "…": a cell, a Notion property and a table column stay readable. */
const SUMMARY_MAX = 90;

/** "✓ OK" when clean, else e.g. "2 errors, 1 warning: no owner; no due date; vague title". */
export function checkSummary(findings: readonly Finding[]): string {
  if (findings.length === 0) return CHECK_OK;
  const { error, warning } = countFindings(findings);
  const counts = [error > 0 ? plural(error, 'error') : '', warning > 0 ? plural(warning, 'warning') : '']
    .filter((part) => part !== '')
    .join(', ');
  const labels: string[] = [];
  for (const severity of ['error', 'warning'] as Severity[]) {
    for (const finding of findings) {
      const label = RULE_BY_ID[finding.rule].label;
      if (finding.severity === severity && !labels.includes(label)) labels.push(label);
    }
  }
  let text = `${counts}: ${labels[0]}`;
  for (let i = 1; i < labels.length; i++) {
    const next = `${text}; ${labels[i]}`;
    if (next.length > SUMMARY_MAX - 3) return `${text}; …`;
    text = next;
  }
  return text;
}

/** The Check cell of every row of the plan, in plan order. */
export function checkSummaries(plan: Plan, findings: readonly Finding[]): string[] {
  const out: string[] = new Array(plan.items.length);
  // checkPlan's findings come in row order, like the items: walk both together.
  let k = 0;
  while (k < findings.length && findings[k].rows !== undefined) k++; // plan-wide: no row's own
  let inStep = true;
  for (let i = 0; i < plan.items.length && inStep; i++) {
    const row = plan.items[i].row;
    const first = k;
    while (k < findings.length && findings[k].row === row) k++;
    out[i] = first === k ? CHECK_OK : checkSummary(findings.slice(first, k));
    if (k < findings.length && findings[k].row < row) inStep = false;
  }
  if (inStep && k === findings.length) return out;
  return summariesByRow(plan, findings);
}

function summariesByRow(plan: Plan, findings: readonly Finding[]): string[] {
  const byRow = findingsByRow(findings.filter((finding) => finding.rows === undefined));
  return plan.items.map((item) => checkSummary(byRow.get(item.row) ?? []));
}

/** Findings by the row they are about, each row's in the order given (plan-wide ones under their row too). */
export function findingsByRow(findings: readonly Finding[]): Map<number, Finding[]> {
  const byRow = new Map<number, Finding[]>();
  for (const finding of findings) {
    const list = byRow.get(finding.row);
    if (list === undefined) byRow.set(finding.row, [finding]);
    else list.push(finding);
  }
  return byRow;
}

export function countFindings(findings: readonly Finding[]): Record<Severity, number> {
  let error = 0;
  for (const finding of findings) if (finding.severity === 'error') error++;
  return { error, warning: findings.length - error };
}
