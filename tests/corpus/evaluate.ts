// Reads a real table the way the `cascade` command does (its file reader, then the core's
// readPlan / checkPlan / computeProgress) and compares the result with what a manager should get.
// Shared by tests/corpus/real-plans.test.ts and bench/corpus.ts, so both judge the same way.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import {
  checkPlan,
  computeProgress,
  dayFromIso,
  isoFromDay,
  readPlan,
  type Finding,
  type Plan,
  type PlanItem,
  type RuleId,
} from '../../shared/index.js';
import { readPlanFile } from '../../cli/files/read.js';
import type { ItemExpectation, TableExpectation } from './expectations.js';

export const REAL_DIR = fileURLToPath(new URL('../fixtures/real/', import.meta.url));

/** One thing a manager expects, checked: `id` is stable (known-gaps.ts names it). */
export interface Check {
  id: string;
  /** Counts towards "items with the right level and parent". */
  structural: boolean;
  ok: boolean;
  /** What Cascade gave, for the failure message. */
  got: string;
}

export interface TableResult {
  file: string;
  /** Data rows in the file (blank lines not counted). */
  rows: number;
  loaded: boolean;
  /** The error when it did not load, first line. */
  error: string | null;
  checks: Check[];
  /** Errors that are not true defects of the plan (or beyond how many a manager accepts). */
  falseErrors: Finding[];
}

export async function evaluateTable(expectation: TableExpectation): Promise<TableResult> {
  const path = REAL_DIR + expectation.file;
  const rows = dataRows(await readFile(path, 'utf8'));
  let plan: Plan | null = null;
  let error: string | null = null;
  try {
    const file = await readPlanFile(path);
    plan = readPlan(file.table);
  } catch (e) {
    error = (e instanceof Error ? e.message : String(e)).split('\n')[0].replace(`${path}: `, '');
  }
  const checks: Check[] = [];
  checks.push({
    id: 'loads',
    structural: false,
    ok: (plan !== null) === expectation.loads,
    got: plan ? `loaded, ${plan.items.length} items` : `did not load: ${error}`,
  });
  if (!plan) {
    for (const text of expectation.errorMentions ?? []) {
      checks.push({
        id: `error mentions ${text}`,
        structural: false,
        ok: (error ?? '').includes(text),
        got: error ?? '',
      });
    }
    // Every item a manager expected is missing too: listed, so nothing is hidden behind "did not load".
    if (expectation.items !== undefined)
      checks.push({ id: 'item count', structural: false, ok: false, got: 'not loaded' });
    for (const item of expectation.expect) checks.push(...itemChecks(null, item, []));
    if (expectation.loads) checks.push({ id: 'no false errors', structural: false, ok: false, got: 'not loaded' });
    return { file: expectation.file, rows, loaded: false, error, checks, falseErrors: [] };
  }
  const today = dayFromIso(expectation.today);
  if (expectation.items !== undefined) {
    checks.push({
      id: 'item count',
      structural: false,
      ok: plan.items.length === expectation.items,
      got: String(plan.items.length),
    });
  }
  const progress = computeProgress(plan, { today });
  for (const item of expectation.expect)
    checks.push(
      ...itemChecks(
        plan,
        item,
        progress.map((p) => p.progress),
      ),
    );
  const falseErrors = falseErrorsOf(checkPlan(plan, { today }), expectation.trueErrors);
  checks.push({
    id: 'no false errors',
    structural: false,
    ok: falseErrors.length === 0,
    got: falseErrors.map((f) => `row ${f.row} ${f.rule}: ${f.message}`).join(' | '),
  });
  return { file: expectation.file, rows, loaded: true, error: null, checks, falseErrors };
}

function findItem(plan: Plan, title: string): PlanItem | undefined {
  const wanted = title.toLowerCase();
  return (
    plan.items.find((i) => i.title.toLowerCase() === wanted) ??
    plan.items.find((i) => i.title.toLowerCase().includes(wanted))
  );
}

function itemChecks(plan: Plan | null, e: ItemExpectation, progress: (number | null)[]): Check[] {
  const item = plan ? findItem(plan, e.title) : undefined;
  const name = e.title;
  if (!item) {
    const wanted = (['level', 'parent', 'done', 'status', 'progress', 'due', 'owner'] as const).filter(
      (k) => e[k] !== undefined,
    );
    const got = plan ? `no such item (${readingOf(plan)})` : 'not loaded';
    return wanted.map((k) => ({ id: `${name} → ${k}`, structural: k === 'level' || k === 'parent', ok: false, got }));
  }
  if (!plan) return [];
  const checks: Check[] = [];
  const add = (key: string, structural: boolean, ok: boolean, got: string) =>
    checks.push({ id: `${name} → ${key}`, structural, ok, got });
  if (e.level !== undefined)
    add('level', true, item.level === e.level, `${item.level ?? 'none'} (typed "${item.levelText}")`);
  if (e.parent !== undefined) {
    const p = plan.tree.parent[item.index];
    const parent = p >= 0 ? plan.items[p] : null;
    const ok =
      e.parent === null
        ? parent === null
        : parent !== null && parent.title.toLowerCase().includes(e.parent.toLowerCase());
    add('parent', true, ok, parent ? `"${parent.title}"` : 'top level');
  }
  if (e.done !== undefined)
    add(
      'done',
      false,
      (item.status === 'Done') === e.done,
      `${item.status ?? 'no status'} (typed "${item.statusText}")`,
    );
  if (e.status !== undefined)
    add('status', false, item.status === e.status, `${item.status ?? 'no status'} (typed "${item.statusText}")`);
  if (e.progress !== undefined) {
    const got = progress[item.index];
    const ok = e.progress === null ? got === null : got !== null && Math.abs(got - e.progress) < 1e-9;
    add('progress', false, ok, String(got));
  }
  if (e.due !== undefined) {
    const due = plan.tree.dueDate[item.index];
    add('due', false, due !== null && isoFromDay(due) === e.due, due === null ? 'none' : isoFromDay(due));
  }
  if (e.owner !== undefined) add('owner', false, item.owner === e.owner, `"${item.owner}"`);
  return checks;
}

/** How the plan was read, in the reader's own words ("Title from What, …"): why an item is missing. */
function readingOf(plan: Plan): string {
  return plan.reading?.summary.join(', ') ?? 'read as a canonical plan';
}

/** Errors beyond the plan's true defects: rules not listed, and findings past each rule's count. */
export function falseErrorsOf(findings: readonly Finding[], trueErrors: Partial<Record<RuleId, number>>): Finding[] {
  const seen = new Map<RuleId, number>();
  const wrong: Finding[] = [];
  for (const f of findings) {
    if (f.severity !== 'error') continue;
    const n = (seen.get(f.rule) ?? 0) + 1;
    seen.set(f.rule, n);
    if (n > (trueErrors[f.rule] ?? 0)) wrong.push(f);
  }
  return wrong;
}

/** Records under the header that hold something (what "per 100 rows" counts), read as plain CSV. */
function dataRows(text: string): number {
  const records = parse(text.replace(/^\uFEFF/, ''), {
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  }) as string[][];
  return records.slice(1).filter((r) => r.some((c) => c.trim() !== '')).length;
}
