// Plans for the rule tests, built the way every adapter builds them: a RawTable through readPlan.
import {
  checkPlan,
  COLUMN_BY_KEY,
  dateFromDay,
  dayFromIso,
  examplesFor,
  readPlan,
  type CellValue,
  type ColumnKey,
  type ExampleRow,
  type Finding,
  type FrameworkId,
  type Plan,
  type RuleId,
} from '../../shared/index.js';

/** The "today" of every rule test, so that dates and staleness are reproducible. */
export const TODAY_ISO = '2026-05-01';
export const TODAY = dayFromIso(TODAY_ISO);

export type Row = Partial<Record<ColumnKey, CellValue>>;

const DEFAULT_COLUMNS: readonly ColumnKey[] = [
  'id',
  'level',
  'parent',
  'title',
  'owner',
  'type',
  'start',
  'target',
  'current',
  'unit',
  'startDate',
  'dueDate',
  'review',
  'lastCheckIn',
  'status',
  'weight',
];

/** A plan from rows keyed by column; the header holds `columns` (default: every input column). */
export function planOf(rows: Row[], options: { framework?: FrameworkId; columns?: readonly ColumnKey[] } = {}): Plan {
  const columns = options.columns ?? DEFAULT_COLUMNS;
  return readPlan(
    {
      header: columns.map((key) => COLUMN_BY_KEY[key].header),
      rows: rows.map((row) => columns.map((key) => row[key] ?? null)),
    },
    { framework: options.framework },
  );
}

export function check(
  rows: Row[],
  options: { framework?: FrameworkId; columns?: readonly ColumnKey[]; today?: string } = {},
): Finding[] {
  return checkPlan(planOf(rows, options), { today: options.today === undefined ? TODAY : dayFromIso(options.today) });
}

/** The findings of one rule. */
export function only(findings: Finding[], rule: RuleId): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/** The one finding of `rule` on the row with `id`; fails the test when there is none or several. */
export function one(findings: Finding[], rule: RuleId, id: string): Finding {
  const found = findings.filter((f) => f.rule === rule && f.id === id);
  if (found.length !== 1) {
    throw new Error(`expected one ${rule} on ${id}, got ${found.length}: ${JSON.stringify(findings, null, 1)}`);
  }
  return found[0];
}

export function rulesOf(findings: Finding[], id: string): RuleId[] {
  return findings.filter((f) => f.id === id).map((f) => f.rule);
}

/** A date cell as an adapter hands it over (Date at UTC midnight). */
export function date(iso: string): Date {
  return dateFromDay(dayFromIso(iso));
}

/** The core's seed examples as a plan, dates placed around `today`. */
export function examplePlan(framework: FrameworkId, today = TODAY): Plan {
  const rows: Row[] = examplesFor(framework, today).map((example: ExampleRow) => ({
    ...example,
    parent: example.parent ?? null,
    startDate: example.startDate === undefined ? null : dateFromDay(example.startDate),
    dueDate: example.dueDate === undefined ? null : dateFromDay(example.dueDate),
    lastCheckIn: example.lastCheckIn === undefined ? null : dateFromDay(example.lastCheckIn),
  }));
  return planOf(rows, { framework });
}

/** The findings of the core's seed examples at TODAY. */
export function checkExamples(framework: FrameworkId): Finding[] {
  return checkPlan(examplePlan(framework), { today: TODAY });
}
