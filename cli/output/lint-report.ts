import type { CheckOptions, Finding, Plan, PlanItem } from '../../shared/index.js';
import {
  COLUMN_BY_KEY,
  checkPlan,
  columnLetter,
  itemsInRowOrder,
  readingJson,
  rowChecker,
  type Day,
  type Severity,
} from '../../shared/index.js';
import { indentedJson, jsonWithList } from './chunks.js';
import { reportHeading } from './plan-heading.js';
import { truncate, type Colors } from './terminal.js';
import { plural } from '../../shared/format.js';
import { memoise } from '../../shared/memo.js';

export interface LintCounts {
  error: number;
  warning: number;
}

/**
 * What the check found, as a report reads it: the plan-wide findings (they come first), then
 * the rows' findings in row order, made again each time they are read, so that a plan of a
 * million rows never holds them all.
 */
export interface LintFindings {
  planWide: readonly Finding[];
  rows: () => Iterable<readonly Finding[]>;
  counts: LintCounts;
}

/**
 * Up to this many items and findings, the first pass keeps the rows' findings for the report (a
 * 100,000-row plan has about 55,000, some 20 MB): the check runs once. A larger plan's findings are
 * made again as the report is written, so that memory follows the plan, never its findings.
 */
export const KEEP_FINDINGS_UP_TO = 250_000;

/**
 * The check for a report. The plan-wide findings are known only once every row is seen, and are
 * reported first: so a first pass finds them and counts every finding, keeping the rows' findings
 * when there are few enough (`keepUpTo`); else they are made again, row by row, as the report is
 * written (the check costs twice, the findings' memory never).
 */
export function lintFindings(plan: Plan, options: CheckOptions, keepUpTo = KEEP_FINDINGS_UP_TO): LintFindings {
  const counts = { error: 0, warning: 0 };
  if (!itemsInRowOrder(plan)) {
    // Rows out of sheet order (no file reader does this): checkPlan sorts all findings by row.
    const all = checkPlan(plan, options);
    for (const finding of all) counts[finding.severity]++;
    const planWide = all.filter((f) => f.rows !== undefined);
    const rows = all.filter((f) => f.rows === undefined);
    return { planWide, rows: () => [rows], counts };
  }
  const checkRows = rowChecker(plan, options);
  let kept: (readonly Finding[])[] | null = plan.items.length <= keepUpTo ? [] : null;
  let keptCount = 0;
  const pass = checkRows();
  let next = pass.next();
  for (; !next.done; next = pass.next()) {
    for (const finding of next.value) counts[finding.severity]++;
    if (kept === null) continue;
    keptCount += next.value.length;
    if (keptCount <= keepUpTo) kept.push(next.value);
    else kept = null;
  }
  const planWide = next.value;
  for (const finding of planWide) counts[finding.severity]++;
  const rows = kept;
  return { planWide, rows: rows === null ? checkRows : () => rows, counts };
}

/** Every finding: the plan-wide ones, then the rows'. */
function* allFindings(found: LintFindings): Generator<Finding> {
  yield* found.planWide;
  for (const findings of found.rows()) yield* findings;
}

const findingJson = (f: Finding) => ({
  row: f.row,
  id: f.id,
  rule: f.rule,
  severity: f.severity,
  message: f.message,
  hint: f.hint,
  ...(f.rows ? { rows: f.rows } : {}),
});

/**
 * A finding as JSON.stringify(findingJson(f), null, 2) writes it in the findings list. A row's
 * finding (the many) is written directly, a plan-wide one (with its rows) by JSON.stringify.
 */
function findingText(f: Finding): string {
  if (f.rows !== undefined || typeof f.hint !== 'string' || !Number.isSafeInteger(f.row))
    return indentedJson(findingJson(f), 2);
  const s = JSON.stringify;
  return `{\n      "row": ${f.row},\n      "id": ${s(f.id)}${ruleLines(f.rule)[f.severity]}${s(f.message)}${hintLines(f.hint)}`;
}

// Rules, severities and hints are a few dozen texts over thousands of findings: the lines they
// fill are written once each, not pieced together again for every finding.
const severityLines = (rule: string, severity: Severity) =>
  `,\n      "rule": ${JSON.stringify(rule)},\n      "severity": ${JSON.stringify(severity)},\n      "message": `;
const ruleLines = memoise((rule: string) => ({
  error: severityLines(rule, 'error'),
  warning: severityLines(rule, 'warning'),
}));
const hintLines = memoise((hint: string) => `,\n      "hint": ${JSON.stringify(hint)}\n    }`);

/** `lint --format json`, exactly as cli.md documents it (as JSON.stringify(…, null, 2) writes it), made finding by finding. */
export function* lintJson(file: string, plan: Plan, found: LintFindings): Generator<string> {
  const head = { file, framework: plan.framework.id, rows: plan.items.length, reading: readingJson(plan.reading) };
  yield* jsonWithList(head, 'findings', allFindings(found), () => ({ counts: found.counts }), findingText);
  yield '\n';
}

interface Group {
  row: number;
  item: PlanItem | undefined;
  findings: Finding[];
}

/**
 * The check for a person: findings grouped under their row (row number, ID, title), errors
 * first within a row, each with its hint, and a summary line. Made row by row: the findings
 * arrive in row order, so each row's groups are complete when the next row's findings start.
 */
export function* lintText(
  file: string,
  plan: Plan,
  found: LintFindings,
  today: Day,
  c: Colors,
  width: number,
): Generator<string> {
  const heading = reportHeading(file, plan, today, c);
  yield heading.join('\n');
  if (plan.items.length === 0) {
    yield '\n';
    return;
  }
  // Findings group under their item: a side-by-side row holds an objective and its first key result.
  // A row's findings arrive together, so its groups are a short list, looked through, not a map.
  // The text is gathered and handed over in chunks: one string per group would be 50,000 strings.
  const itemOf = findingItems(plan);
  const cell = cellNames(plan);
  const lines = findingLines(c);
  let rowGroups = 0;
  let groups: Group[] = [];
  let groupsRow = -Infinity;
  let text = '';
  const flush = () => {
    if (groups.length > 1) groups.sort((a, b) => (a.item?.index ?? 0) - (b.item?.index ?? 0));
    for (const group of groups) {
      if (group.findings[0].rows === undefined) rowGroups++;
      text += groupText(group, c, lines, width, cell);
    }
    groups = [];
  };
  const add = (findings: readonly Finding[]) => {
    for (const finding of findings) {
      if (finding.row !== groupsRow) {
        if (groups.length > 0) flush();
        groupsRow = finding.row;
      }
      const item = itemOf(finding);
      const index = item?.index;
      let group: Group | undefined;
      for (const g of groups) {
        if (g.item?.index === index) {
          group = g;
          break;
        }
      }
      if (group === undefined) groups.push((group = { row: finding.row, item, findings: [] }));
      group.findings.push(finding);
    }
  };
  add(found.planWide);
  for (const findings of found.rows()) {
    add(findings);
    if (text.length >= TEXT_CHUNK) {
      yield text;
      text = '';
    }
  }
  flush();
  yield `${text}\n\n${summaryLine(found.counts, rowGroups, plan.items.length, c)}\n`;
}

/** About how much report text is gathered before it is handed to the writer. */
const TEXT_CHUNK = 16 * 1024;

function groupText(
  { row, item, findings: found }: Group,
  c: Colors,
  lines: FindingLines,
  width: number,
  cell: (finding: Finding, item?: PlanItem) => string,
): string {
  // Plan-wide findings (a column the plan lacks, placeholders in a column) sit on the header row.
  const head =
    found[0].rows !== undefined
      ? `The whole plan (header, row ${row})`
      : `Row ${row} · ${found[0].id || item?.id || '(no ID)'}`;
  const title = item?.title ? ` ${truncate(item.title, Math.max(20, width - head.length - 3))}` : '';
  let text = `\n\n${c.bold(head)}${title}`;
  // Errors first, then warnings, each in the order found.
  for (const severity of SEVERITIES)
    for (const finding of found) {
      if (finding.severity !== severity) continue;
      const where = cell(finding, item);
      const tag = finding.rule ? (where ? `${finding.rule} · ${where}` : finding.rule) : where;
      text += `${lines.mark[severity]}${finding.message} ${c.dim(tag)}`;
      if (finding.hint) text += lines.hint(finding.hint);
    }
  return text;
}

const SEVERITIES = ['error', 'warning'] as const;

/** What repeats in a finding's lines, coloured once per report: the marks, and each hint's line (a few dozen hints). */
interface FindingLines {
  mark: Record<Severity, string>;
  hint: (hint: string) => string;
}

function findingLines(c: Colors): FindingLines {
  return {
    mark: { error: `\n  ${c.red('error  ')}  `, warning: `\n  ${c.yellow('warning')}  ` },
    hint: memoise((hint: string) => `\n           ${c.dim('→')} ${hint}`),
  };
}

/**
 * The item a finding is about: by row and ID (two items share a side-by-side row), else the row's
 * own item. Findings come in row order; when the items do too (as every reader hands them over),
 * a row's items are found by walking the items alongside, without a map of every row.
 */
function findingItems(plan: Plan): (finding: Finding) => PlanItem | undefined {
  const pick = (finding: Finding, items: readonly PlanItem[]) => {
    if (items.length === 1) return items[0]; // the usual row: one item
    for (const item of items) if (item.id === finding.id) return item;
    for (const item of items) if (!item.sharedRow) return item;
    return items[0];
  };
  if (!itemsInRowOrder(plan)) {
    const byRow = new Map<number, PlanItem[]>();
    for (const item of plan.items) (byRow.get(item.row) ?? byRow.set(item.row, []).get(item.row)!).push(item);
    return (finding) => pick(finding, byRow.get(finding.row) ?? []);
  }
  const items = plan.items;
  let at = 0;
  let row = -Infinity;
  let onRow: PlanItem[] = [];
  return (finding) => {
    if (finding.row !== row) {
      if (finding.row < row) at = 0; // a row above the last one asked: never, in row order
      row = finding.row;
      while (at < items.length && items[at].row < row) at++;
      let end = at;
      while (end < items.length && items[end].row === row) end++;
      onRow = end === at + 1 ? [items[at]] : items.slice(at, end);
    }
    return pick(finding, onRow);
  };
}

/**
 * "cell L7 (Due date)" for a finding about one cell, so it can be found in the sheet; "no Review
 * column" for one about a column the plan does not have; for an objective written beside its
 * first key result, the cell it is written in (the row's other cells are the key result's).
 * A column's letter and header are found once per report, not once per finding.
 */
function cellNames(plan: Plan): (finding: Finding, item?: PlanItem) => string {
  const columnOf = memoise((col: number) => ({ letter: columnLetter(col), header: plan.header[col] }));
  return (finding, item) => {
    if (finding.missingColumn !== undefined) return `no ${COLUMN_BY_KEY[finding.missingColumn].header} column`;
    if (item?.sharedRow) {
      const tier = plan.reading?.levelColumns.find((c) => c.level === item.level);
      return tier ? `written in cell ${columnLetter(tier.index)}${finding.row} (${tier.header})` : '';
    }
    const index = finding.column === undefined ? undefined : plan.columns[finding.column];
    if (index === undefined) return '';
    const col = columnOf(index);
    return `cell ${col.letter}${finding.row} (${col.header})`;
  };
}

function summaryLine({ error, warning }: LintCounts, rowsWithFindings: number, rows: number, c: Colors): string {
  if (error === 0 && warning === 0) return c.green(`✓ No problems found in ${plural(rows, 'row')}.`);
  const parts = [];
  if (error > 0) parts.push(c.red(plural(error, 'error')));
  if (warning > 0) parts.push(c.yellow(plural(warning, 'warning')));
  const mark = error > 0 ? c.red('✖') : c.yellow('!');
  return `${mark} ${parts.join(', ')} in ${rowsWithFindings} of ${plural(rows, 'row')}.`;
}
