// Honest progress (issue 8, item 5) and manual progress (item 1, the reading side).
import { describe, expect, it } from 'vitest';
import { checkPlan, computeProgress, readPlan } from '../../shared/index.js';
import { day, planOf, tableOf, type RowSpec } from './helpers.js';

const TODAY = day('2026-05-01');
/** A plan whose adapter says its Progress column holds people's values only (Cascade's own blanked). */
const peoplesPlan = (rows: RowSpec[]) => readPlan({ ...tableOf(rows), manualProgress: true });
const progressOf = (rows: RowSpec[]) =>
  Object.fromEntries(computeProgress(peoplesPlan(rows), { today: TODAY }).map((i) => [i.id, i]));

describe('unknown progress', () => {
  it('is null for a key result without a Target, a childless objective and a row of unknown level, never 0 %', () => {
    const p = progressOf([
      { ID: 'O1', Level: 'Objective', Title: 'o' },
      { ID: 'KR1', Level: 'Key Result', Parent: 'O1', Title: 'Sign 50 new accounts' },
      { ID: 'O2', Level: 'Objective', Title: 'nothing under it' },
      { ID: 'X', Level: 'Epic', Title: 'x' },
      { ID: 'T1', Level: 'Task', Parent: 'KR1', Title: 'call' },
    ]);
    expect(p.O2).toMatchObject({ progress: null, source: null });
    expect(p.X).toMatchObject({ progress: null, source: null });
    // Without a Target of its own, a key result with tasks rolls them up (a task not Done is 0 %).
    expect(p.T1).toMatchObject({ progress: 0, source: 'task' });
    expect(p.KR1).toMatchObject({ progress: 0, source: 'children' });
  });

  it("keeps today's math where every child is measured", () => {
    const p = progressOf([
      { ID: 'O1', Level: 'Objective', Title: 'o' },
      { ID: 'KR1', Level: 'Key Result', Parent: 'O1', Title: 'a', Target: 100, Current: 50, Weight: 2 },
      { ID: 'KR2', Level: 'Key Result', Parent: 'O1', Title: 'b', Target: 10, Current: 10 },
    ]);
    expect(p.O1.progress).toBeCloseTo(2 / 3, 12);
    expect(p.O1.source).toBe('children');
    expect(p.O1.measured).toBeUndefined();
  });
});

describe('manual progress', () => {
  const rows = (progress: RowSpec['Progress'], extra: RowSpec = {}): RowSpec[] => [
    { ID: 'O1', Level: 'Objective', Title: 'o', 'Due date': '2026-04-15', ...extra },
    { ID: 'KR1', Level: 'Key Result', Parent: 'O1', Title: 'Launch in Spain', Progress: progress },
    { ID: 'KR2', Level: 'Key Result', Parent: 'O1', Title: 'NPS 45', Target: 45, Current: 45, Progress: 0.1 },
  ];

  it.each([
    [60, 0.6],
    ['60%', 0.6],
    [0.6, 0.6],
    ['🟡 58%', 0.58],
  ] as const)("reads %j typed in Progress as the row's progress when it has no Target", (typed, value) => {
    const p = progressOf(rows(typed));
    expect(p.KR1).toMatchObject({ progress: value, source: 'manual' });
    // A row with a Target keeps its own measure: Progress there is Cascade's.
    expect(p.KR2).toMatchObject({ progress: 1, source: 'measure' });
    expect(p.O1.progress).toBeCloseTo((value + 1) / 2, 12);
  });

  it('is not read from a Progress column the adapter has not cleaned: values Cascade wrote would freeze the roll-up', () => {
    const rows: RowSpec[] = [
      { ID: 'O1', Level: 'Objective', Title: 'o', Progress: '50%' },
      { ID: 'KR1', Level: 'Key Result', Parent: 'O1', Title: 'k', Target: 10, Current: 10, Progress: '50%' },
    ];
    const items = computeProgress(planOf(rows), { today: TODAY });
    expect(items[0]).toMatchObject({ progress: 1, source: 'children' });
  });

  it('reads a percent after the Status word when Progress is blank', () => {
    expect(
      progressOf([{ ID: 'KR1', Level: 'Key Result', Title: 'Launch in Spain', Status: '🟡 58%' }]).KR1,
    ).toMatchObject({ progress: 0.58, source: 'manual' });
  });

  it("on a parent with children, is the parent's progress: the plan shows it, the roll-up is not used", () => {
    const p = progressOf(rows(60, { Progress: '40%' }));
    expect(p.O1).toMatchObject({ progress: 0.4, source: 'manual' });
  });

  it('is what an overdue message quotes', () => {
    const plan = planOf([
      {
        ID: 'KR1',
        Level: 'Key Result',
        Title: 'Launch in Spain',
        Owner: 'Ana',
        Status: '🟡 58%',
        'Due date': '2026-04-15',
      },
    ]);
    const overdue = checkPlan(plan, { today: TODAY }).find((f) => f.rule === 'progress/overdue')!;
    expect(overdue.message).toBe('Key Result "Launch in Spain" was due on 2026-04-15, 16 days ago, and is at 58%.');
  });

  it('an overdue roll-up with unmeasured children says so instead of a percent', () => {
    const plan = planOf([
      { ID: 'O1', Level: 'Objective', Title: 'Grow in Spain', 'Due date': '2026-04-15' },
      { ID: 'KR1', Level: 'Key Result', Parent: 'O1', Title: 'a', Target: 10, Current: 10 },
      { ID: 'KR2', Level: 'Key Result', Parent: 'O1', Title: 'b' },
    ]);
    const overdue = checkPlan(plan, { today: TODAY }).filter((f) => f.rule === 'progress/overdue');
    expect(overdue.find((f) => f.id === 'O1')!.message).toBe(
      'Objective "Grow in Spain" was due on 2026-04-15, 16 days ago, and its progress is unknown (1 of 2 key results measured).',
    );
  });
});
