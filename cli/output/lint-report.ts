import type { Finding, Plan, PlanItem } from '../../shared/index.js';
import { COLUMN_BY_KEY, columnLetter, type Day } from '../../shared/index.js';
import { reportHeading } from './plan-heading.js';
import { plural, truncate, type Colors } from './terminal.js';

export interface LintCounts {
  error: number;
  warning: number;
}

export function countFindings(findings: readonly Finding[]): LintCounts {
  const counts = { error: 0, warning: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** `lint --format json`, exactly as cli.md documents it. */
export function lintJson(file: string, plan: Plan, findings: readonly Finding[]) {
  return {
    file,
    framework: plan.framework.id,
    rows: plan.items.length,
    findings: findings.map((f) => ({ row: f.row, id: f.id, rule: f.rule, severity: f.severity, message: f.message, hint: f.hint, ...(f.rows ? { rows: f.rows } : {}) })),
    counts: countFindings(findings),
  };
}

/**
 * The check for a person: findings grouped under their row (row number, ID, title), errors
 * first within a row, each with its hint, and a summary line.
 */
export function lintText(file: string, plan: Plan, findings: readonly Finding[], today: Day, c: Colors, width: number): string {
  const lines = reportHeading(file, plan, today, c);
  if (plan.items.length === 0) return lines.join('\n') + '\n';

  const itemByRow = new Map<number, PlanItem>(plan.items.map((item) => [item.row, item]));
  const groups = new Map<number, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.row) ?? groups.set(finding.row, []).get(finding.row)!;
    group.push(finding);
  }
  const rows = [...groups.keys()].sort((a, b) => a - b);
  const rank = (f: Finding) => (f.severity === 'error' ? 0 : 1);
  for (const row of rows) {
    const group = groups.get(row)!.slice().sort((a, b) => rank(a) - rank(b));
    const item = itemByRow.get(row);
    // Plan-wide findings (a column the plan lacks, placeholders in a column) sit on the header row.
    const label = group[0].rows !== undefined ? [`The whole plan (header, row ${row})`] : [`Row ${row}`, group[0].id || item?.id || '(no ID)'];
    const head = label.join(' · ');
    const title = item?.title ? ` ${truncate(item.title, Math.max(20, width - head.length - 3))}` : '';
    lines.push('', c.bold(head) + title);
    for (const finding of group) {
      const severity = finding.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      const tag = [finding.rule, cellName(plan, finding)].filter(Boolean).join(' · ');
      lines.push(`  ${severity}  ${finding.message} ${c.dim(tag)}`);
      if (finding.hint) lines.push(`           ${c.dim('→')} ${finding.hint}`);
    }
  }
  const rowGroups = [...groups.values()].filter((group) => group[0].rows === undefined).length;
  lines.push('', summaryLine(findings, rowGroups, plan.items.length, c));
  return lines.join('\n') + '\n';
}

/**
 * "cell L7 (Due date)" for a finding about one cell, so it can be found in the sheet; "no Review
 * column" for one about a column the plan does not have.
 */
function cellName(plan: Plan, finding: Finding): string {
  if (finding.missingColumn !== undefined) return `no ${COLUMN_BY_KEY[finding.missingColumn].header} column`;
  const col = finding.column === undefined ? undefined : plan.columns[finding.column];
  return col === undefined ? '' : `cell ${columnLetter(col)}${finding.row} (${plan.header[col]})`;
}

function summaryLine(findings: readonly Finding[], rowsWithFindings: number, rows: number, c: Colors): string {
  const { error, warning } = countFindings(findings);
  if (error === 0 && warning === 0) return c.green(`✓ No problems found in ${plural(rows, 'row')}.`);
  const parts = [];
  if (error > 0) parts.push(c.red(plural(error, 'error')));
  if (warning > 0) parts.push(c.yellow(plural(warning, 'warning')));
  const mark = error > 0 ? c.red('✖') : c.yellow('!');
  return `${mark} ${parts.join(', ')} in ${rowsWithFindings} of ${plural(rows, 'row')}.`;
}
