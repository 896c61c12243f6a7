// checkRows: the check one item at a time (for reports that never hold every finding), giving
// exactly what checkPlan gives.
import { describe, expect, it } from 'vitest';
import { checkPlan, checkRows, itemsInRowOrder, rowChecker, type Finding } from '../../shared/index.js';
import { day, planOf } from './helpers.js';

const TODAY = day('2026-05-01');

function rowsAndPlanWide(generator: Generator<Finding[], Finding[]>): { rows: Finding[][]; planWide: Finding[] } {
  const rows: Finding[][] = [];
  let next = generator.next();
  for (; !next.done; next = generator.next()) rows.push(next.value);
  return { rows, planWide: next.value };
}

describe('checkRows', () => {
  // No Owner column (a plan-wide finding), a missing parent, a bad date, a clean row.
  const plan = planOf([
    { ID: 'O1', Level: 'Objective', Title: 'Delight SMB customers', 'Due date': '2026-06-30', Review: 'weekly' },
    {
      ID: 'KR1',
      Level: 'Key Result',
      Parent: 'O1',
      Title: 'Reach 80 NPS',
      Start: 60,
      Target: 80,
      'Due date': '2026-06-30',
      Review: 'weekly',
    },
    { ID: 'KR2', Level: 'Key Result', Parent: 'O9', Title: 'Grow revenue', 'Due date': 'someday', Review: 'weekly' },
  ]);

  it('yields each item’s findings in row order and returns the plan-wide ones: together, checkPlan’s', () => {
    const { rows, planWide } = rowsAndPlanWide(checkRows(plan, { today: TODAY }));
    expect(planWide.length).toBeGreaterThan(0);
    expect(planWide.every((f) => f.rows !== undefined)).toBe(true);
    expect(rows.every((found) => found.length > 0 && found.every((f) => f.row === found[0].row))).toBe(true);
    expect(rows.map((found) => found[0].row)).toEqual(
      [...new Set(rows.map((found) => found[0].row))].sort((a, b) => a - b),
    );
    expect([...planWide, ...rows.flat()]).toEqual(checkPlan(plan, { today: TODAY }));
  });

  it('yields a fresh list for each item, so a consumer may keep it', () => {
    const { rows } = rowsAndPlanWide(checkRows(plan, { today: TODAY }));
    expect(new Set(rows).size).toBe(rows.length);
    const kr2 = rows.find((found) => found[0].id === 'KR2')!;
    expect(kr2.map((f) => f.rule)).toEqual(expect.arrayContaining(['structure/missing-parent', 'time-bound/bad-date']));
  });

  it('rowChecker runs the check again and again on one context, each run the same (plan-wide findings not doubled)', () => {
    const run = rowChecker(plan, { today: TODAY });
    const first = rowsAndPlanWide(run());
    const second = rowsAndPlanWide(run());
    expect(second).toEqual(first);
    expect([...first.planWide, ...first.rows.flat()]).toEqual(checkPlan(plan, { today: TODAY }));
  });

  it('itemsInRowOrder: true for a plan as read, false when an adapter hands rows over out of order', () => {
    expect(itemsInRowOrder(plan)).toBe(true);
    const shuffled = { ...plan, items: [plan.items[2], plan.items[0], plan.items[1]] };
    expect(itemsInRowOrder(shuffled)).toBe(false);
  });
});
