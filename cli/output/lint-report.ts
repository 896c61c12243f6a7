import type { Finding, Plan, PlanItem } from '../../shared/index.js';
import { COLUMN_BY_KEY, columnLetter, readingJson, type Day } from '../../shared/index.js';
import { reportHeading } from './plan-heading.js';
import { truncate, type Colors } from './terminal.js';
import { plural } from '../../shared/format.js';

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
    reading: readingJson(plan.reading),
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

  // Findings group under their item: a side-by-side row holds an objective and its first key result.
  const itemOf = findingItems(plan);
  const groups = new Map<string, { row: number; item: PlanItem | undefined; findings: Finding[] }>();
  for (const finding of findings) {
    const item = itemOf(finding);
    const key = `${finding.row}\u0000${item?.index ?? ''}`;
    const group = groups.get(key) ?? groups.set(key, { row: finding.row, item, findings: [] }).get(key)!;
    group.findings.push(finding);
  }
  const ordered = [...groups.values()].sort((a, b) => a.row - b.row || (a.item?.index ?? 0) - (b.item?.index ?? 0));
  const rank = (f: Finding) => (f.severity === 'error' ? 0 : 1);
  for (const { row, item, findings: found } of ordered) {
    const group = found.slice().sort((a, b) => rank(a) - rank(b));
    // Plan-wide findings (a column the plan lacks, placeholders in a column) sit on the header row.
    const label = group[0].rows !== undefined ? [`The whole plan (header, row ${row})`] : [`Row ${row}`, group[0].id || item?.id || '(no ID)'];
    const head = label.join(' · ');
    const title = item?.title ? ` ${truncate(item.title, Math.max(20, width - head.length - 3))}` : '';
    lines.push('', c.bold(head) + title);
    for (const finding of group) {
      const severity = finding.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      const tag = [finding.rule, cellName(plan, finding, item)].filter(Boolean).join(' · ');
      lines.push(`  ${severity}  ${finding.message} ${c.dim(tag)}`);
      if (finding.hint) lines.push(`           ${c.dim('→')} ${finding.hint}`);
    }
  }
  const rowGroups = [...groups.values()].filter((group) => group.findings[0].rows === undefined).length;
  lines.push('', summaryLine(findings, rowGroups, plan.items.length, c));
  return lines.join('\n') + '\n';
}

/** The item a finding is about: by row and ID (two items share a side-by-side row), else the row's own item. */
function findingItems(plan: Plan): (finding: Finding) => PlanItem | undefined {
  const byRow = new Map<number, PlanItem[]>();
  for (const item of plan.items) (byRow.get(item.row) ?? byRow.set(item.row, []).get(item.row)!).push(item);
  return (finding) => {
    const items = byRow.get(finding.row) ?? [];
    return items.find((item) => item.id === finding.id) ?? items.find((item) => !item.sharedRow) ?? items[0];
  };
}

/**
 * "cell L7 (Due date)" for a finding about one cell, so it can be found in the sheet; "no Review
 * column" for one about a column the plan does not have; for an objective written beside its
 * first key result, the cell it is written in (the row's other cells are the key result's).
 */
function cellName(plan: Plan, finding: Finding, item?: PlanItem): string {
  if (finding.missingColumn !== undefined) return `no ${COLUMN_BY_KEY[finding.missingColumn].header} column`;
  if (item?.sharedRow) {
    const tier = plan.reading?.levelColumns.find((c) => c.level === item.level);
    return tier ? `written in cell ${columnLetter(tier.index)}${finding.row} (${tier.header})` : '';
  }
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
