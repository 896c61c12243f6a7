import { describe, expect, it } from 'vitest';
import {
  computeProgress,
  expectedProgress,
  measureProgress,
  paceStatus,
  roundFraction,
  type ProgressItem,
} from '../../shared/index.js';
import { day, planOf, type RowSpec } from './helpers.js';

const TODAY = day('2026-05-01');

describe('measureProgress: a measured row (progress.md)', () => {
  it.each([
    // [start, target, current, type, expected]
    [0, 100, 50, 'increase', 0.5],
    [null, 100, 25, 'increase', 0.25],
    [20, 120, 70, 'increase', 0.5],
    [0, 100, null, 'increase', 0],
    [0, 100, 150, 'increase', 1],
    [50, 100, 25, 'increase', 0],
    [100, 50, 75, 'decrease', 0.5],
    [100, 50, 40, 'decrease', 1],
    [100, 50, 120, 'decrease', 0],
    [100, 50, null, 'decrease', 0],
    [null, 50, 40, 'decrease', null],
    [null, 80, 80, 'at least', 1],
    [null, 80, 95, 'at least', 1],
    [null, 80, 79, 'at least', 0],
    [null, 80, null, 'at least', 0],
    [null, 200, 180, 'at most', 1],
    [null, 200, 200, 'at most', 1],
    [null, 200, 250, 'at most', 0],
    [null, 200, null, 'at most', 0],
    [100, 50, 75, null, 0.5], // blank Type, Target below Start: decrease
    [0, 100, 75, null, 0.75], // blank Type: increase
    [null, 10, 4, '', 0.4], // blank Start counts as 0
    [0, 100, 75, 'no such type', 0.75], // an unknown Type is inferred like a blank one
    [0, 100, 75, ' INCREASE ', 0.75],
    [50, 50, 50, 'increase', null], // Start equal to Target
    [50, 50, 50, null, null],
    [0, 0, 0, null, null], // blank-as-0 Start equal to Target
    ['abc', 100, 50, 'increase', null],
    [0, 'lots', 50, 'increase', null],
    [0, 100, 'half', 'increase', null],
    [0, '#REF!', 50, 'at least', null],
    [0, null, 50, 'increase', null], // no Target: not measured
    [null, null, 'done', null, null],
  ])('start %j, target %j, current %j, type %j → %j', (start, target, current, type, expected) => {
    const value = measureProgress(start, target, current, type);
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected, 12);
  });

  it('holds the seed examples', () => {
    expect(measureProgress(null, '$120 million', '$60 million', null)).toBe(0.5);
    expect(measureProgress(0, '$120M', '$60M', 'increase')).toBe(0.5);
    expect(measureProgress(0, 120_000_000, 60_000_000, null)).toBe(0.5);
    expect(measureProgress(null, '1,000', 700, null)).toBe(0.7);
    expect(measureProgress(0, 1000, '700 leads', 'increase')).toBe(0.7);
  });

  it('reads typed percents as spreadsheets store them', () => {
    expect(measureProgress('40%', '60%', '50%', null)).toBeCloseTo(0.5, 12);
    expect(measureProgress(0.4, '60%', 0.5, null)).toBeCloseTo(0.5, 12);
  });

  it.each(['done', 'Yes', 'TRUE', '1', '✓', '✔', 'x', ' X ', true, 1])(
    'a milestone with Current %j is reached',
    (current) => {
      expect(measureProgress(null, null, current, 'milestone')).toBe(1);
    },
  );

  it.each(['', null, 'no', 'not yet', 0, false, '0.5', 'doing'])(
    'a milestone with Current %j is not reached',
    (current) => {
      expect(measureProgress(null, null, current, 'Milestone')).toBe(0);
    },
  );

  it('makes a Milestone row without Target binary, and one with a Target linear', () => {
    expect(measureProgress(null, null, 'yes', null, { level: 'Milestone' })).toBe(1);
    expect(measureProgress(null, null, '', null, { level: 'milestone' })).toBe(0);
    expect(measureProgress(0, 10, 5, null, { level: 'Milestone' })).toBe(0.5);
    expect(measureProgress(null, null, 'yes', null, { level: 'Task' })).toBeNull();
  });

  it('gives 1 for Status Done, whatever the numbers', () => {
    expect(measureProgress(0, 100, 10, 'increase', { status: 'Done' })).toBe(1);
    expect(measureProgress('abc', 100, 10, 'increase', { status: ' done ' })).toBe(1);
    expect(measureProgress(null, null, 'no', 'milestone', { status: 'DONE' })).toBe(1);
    expect(measureProgress(0, 100, 10, 'increase', { status: 'On track' })).toBeCloseTo(0.1, 12);
  });

  it('shows over-achievement only when allowed, and never below 0', () => {
    expect(measureProgress(0, 100, 150, 'increase', { allowOver: true })).toBe(1.5);
    expect(measureProgress(100, 50, 25, 'decrease', { allowOver: true })).toBe(1.5);
    expect(measureProgress(50, 100, 25, 'increase', { allowOver: true })).toBe(0);
    expect(measureProgress(0, 100, 150, 'at least', { allowOver: true })).toBe(1);
  });
});

describe('computeProgress: roll-ups', () => {
  const progressById = (rows: RowSpec[], allowOver = false) =>
    Object.fromEntries(computeProgress(planOf(rows), { today: TODAY, allowOver }).map((p) => [p.id, p.progress]));

  const rollup: RowSpec[] = [
    { ID: 'O1', Level: 'Objective', Title: 'Win the mid-market' },
    { ID: 'KR1', Level: 'Key Result', Parent: 'O1', Title: 'a', Start: 0, Target: 100, Current: 50, Weight: 2 },
    { ID: 'KR2', Level: 'Key Result', Parent: 'O1', Title: 'b', Start: 0, Target: 100, Current: 200 },
    { ID: 'KR3', Level: 'Key Result', Parent: 'O1', Title: 'c', Start: 0, Target: 100, Current: 0, Weight: 0 },
    { ID: 'KR4', Level: 'Key Result', Parent: 'O1', Title: 'd', Start: 0, Target: 100, Current: 0, Status: 'Dropped' },
    { ID: 'KR5', Level: 'Key Result', Parent: 'O1', Title: 'e', Start: 0, Target: 'lots', Current: 0 },
    { ID: 'KR6', Level: 'Key Result', Parent: 'O1', Title: 'f', Start: 0, Target: 100, Current: 0, Weight: -1 },
  ];

  const measuredRollup = rollup.filter((row) => row.ID !== 'KR5');

  it('takes the weighted mean of the children, leaving out weight 0 and Dropped', () => {
    const p = progressById(measuredRollup);
    expect(p.O1).toBeCloseTo((2 * 0.5 + 1 * 1) / 3, 12);
    expect(p).toMatchObject({ KR1: 0.5, KR2: 1, KR3: 0, KR4: 0, KR6: 0 });
  });

  it('does not guess when some children have no progress: the roll-up is unknown and says how many are measured', () => {
    const p = progressById(rollup);
    expect(p).toMatchObject({ O1: null, KR5: null });
    const o1 = computeProgress(planOf(rollup), { today: TODAY })[0];
    expect(o1).toMatchObject({
      progress: null,
      source: null,
      measured: { count: 2, of: 3 },
      note: '2 of 3 key results measured',
    });
  });

  it('is never 100 % for an objective whose measured key results are 2 of 6', () => {
    const rows: RowSpec[] = [
      { ID: 'O1', Level: 'Objective', Title: 'o' },
      ...[1, 2].map((n) => ({ ID: `KR${n}`, Level: 'Key Result', Parent: 'O1', Title: 'k', Target: 10, Current: 10 })),
      ...[3, 4, 5, 6].map((n) => ({ ID: `KR${n}`, Level: 'Key Result', Parent: 'O1', Title: 'k' })),
    ];
    const items = computeProgress(planOf(rows), { today: TODAY });
    expect(items.map((i) => i.progress)).toEqual([null, 1, 1, null, null, null, null]);
    expect(items[0].note).toBe('2 of 6 key results measured');
    expect(items[3].source).toBeNull();
  });

  it('caps each child at 1 in the roll-up even when over-achievement is shown', () => {
    const p = progressById(measuredRollup, true);
    expect(p.KR2).toBe(2);
    expect(p.O1).toBeCloseTo((2 * 0.5 + 1 * 1) / 3, 12);
  });

  it('counts an unreadable weight as 1', () => {
    const p = progressById([
      { ID: 'O', Level: 'Objective', Title: 'o' },
      { ID: 'A', Level: 'Key Result', Parent: 'O', Title: 'a', Target: 10, Current: 10, Weight: 'heavy' },
      { ID: 'B', Level: 'Key Result', Parent: 'O', Title: 'b', Target: 10, Current: 0 },
    ]);
    expect(p.O).toBe(0.5);
  });

  it('gives a leaf 1 when Done, else 0, and a Done parent 1', () => {
    const p = progressById([
      { ID: 'KR', Level: 'Key Result', Title: 'k' },
      { ID: 'T1', Level: 'Task', Parent: 'KR', Title: 'a', Status: 'Done' },
      { ID: 'T2', Level: 'Task', Parent: 'KR', Title: 'b', Status: 'On track' },
      { ID: 'T3', Level: 'Task', Parent: 'KR', Title: 'c' },
      { ID: 'T4', Level: 'Task', Parent: 'KR', Title: 'd', Status: 'Paused' },
      { ID: 'O2', Level: 'Objective', Title: 'closed early', Status: 'done' },
      { ID: 'KR2', Level: 'Key Result', Parent: 'O2', Title: 'x', Target: 10, Current: 0 },
    ]);
    expect(p).toMatchObject({ KR: 0.25, T1: 1, T2: 0, T3: 0, T4: 0, O2: 1, KR2: 0 });
  });

  it('uses a row’s own measure over its children', () => {
    const p = progressById([
      { ID: 'KR', Level: 'Key Result', Title: 'NPS of 80', Start: 60, Target: 80, Current: 65 },
      { ID: 'T1', Level: 'Task', Parent: 'KR', Title: 'a', Status: 'Done' },
    ]);
    expect(p.KR).toBe(0.25);
  });

  it('leaves a parent whose children all drop out without progress', () => {
    const p = progressById([
      { ID: 'O', Level: 'Objective', Title: 'o' },
      { ID: 'A', Level: 'Key Result', Parent: 'O', Title: 'a', Target: 10, Status: 'Dropped' },
      { ID: 'B', Level: 'Key Result', Parent: 'O', Title: 'b', Target: 10, Weight: 0 },
    ]);
    expect(p.O).toBeNull();
  });

  it('measures a Milestone row without Target as binary, even with tasks below', () => {
    const p = progressById([
      { ID: 'M1', Level: 'Milestone', Title: 'signed off', Current: '✓' },
      { ID: 'M2', Level: 'Milestone', Title: 'cut over' },
      { ID: 'T', Level: 'Task', Parent: 'M2', Title: 't', Status: 'Done' },
    ]);
    expect(p).toMatchObject({ M1: 1, M2: 0 });
  });

  it('rolls up through every level of the alignment cascade', () => {
    const p = progressById([
      { ID: 'P', Level: 'Purpose', Title: 'p' },
      { ID: 'V', Level: 'Vision', Parent: 'P', Title: 'v' },
      { ID: 'OC', Level: 'Outcome', Parent: 'V', Title: 'oc' },
      { ID: 'O', Level: 'Objective', Parent: 'OC', Title: 'o' },
      { ID: 'KR', Level: 'Key Result', Parent: 'O', Title: 'kr' },
      { ID: 'TC', Level: 'Tactic', Parent: 'KR', Title: 'tc' },
      { ID: 'T1', Level: 'Task', Parent: 'TC', Title: 't1', Status: 'Done' },
      { ID: 'T2', Level: 'Task', Parent: 'TC', Title: 't2' },
      { ID: 'TC2', Level: 'Tactic', Parent: 'KR', Title: 'tactic without tasks', Status: 'Done' },
    ]);
    expect(p).toMatchObject({ TC: 0.5, TC2: 1, KR: 0.75, O: 0.75, OC: 0.75, V: 0.75, P: 0.75 });
  });

  it('rolls up rows listed before their parents and survives cycles', () => {
    const p = progressById([
      { ID: 'T', Level: 'Task', Parent: 'KR', Title: 't', Status: 'Done' },
      { ID: 'KR', Level: 'Key Result', Parent: 'O', Title: 'k' },
      { ID: 'O', Level: 'Objective', Title: 'o' },
      { ID: 'A', Level: 'Objective', Parent: 'B', Title: 'a' },
      { ID: 'B', Level: 'Objective', Parent: 'A', Title: 'b' },
    ]);
    expect(p).toMatchObject({ T: 1, KR: 1, O: 1, A: null, B: null });
  });
});

describe('computeProgress: pace', () => {
  // Start 2026-04-21, due 2026-05-11: 20 days; on 2026-05-01 the expected progress is 0.5.
  const paced = (current: number | null, extra: RowSpec = {}, today = TODAY): ProgressItem =>
    computeProgress(
      planOf([
        {
          ID: 'KR',
          Level: 'Key Result',
          Title: 'k',
          Start: 0,
          Target: 100,
          Current: current,
          'Start date': '2026-04-21',
          'Due date': '2026-05-11',
          ...extra,
        },
      ]),
      { today },
    )[0];

  it.each([
    [100, 'done'],
    [60, 'on track'],
    [40, 'on track'], // exactly expected − 0.10
    [39, 'at risk'],
    [25, 'at risk'], // exactly expected − 0.25
    [24, 'off track'],
    [0, 'off track'],
  ])('at %d of 100 with half the time gone: %s', (current, status) => {
    const item = paced(current);
    expect(item.expected).toBe(0.5);
    expect(item.status).toBe(status);
  });

  it('is overdue after the due date, not on it, and done wins over overdue', () => {
    expect(paced(90, {}, day('2026-05-12')).status).toBe('overdue');
    expect(paced(90, {}, day('2026-05-12')).expected).toBe(1);
    expect(paced(90, {}, day('2026-05-11')).status).toBe('on track');
    expect(paced(100, {}, day('2026-06-30')).status).toBe('done');
    expect(paced(10, { Status: 'Done' }, day('2026-06-30')).status).toBe('done');
  });

  it('is not started before the start date', () => {
    const item = paced(0, {}, day('2026-04-20'));
    expect(item).toMatchObject({ expected: 0, status: 'not started' });
    expect(paced(0, {}, day('2026-04-21')).status).toBe('on track');
  });

  it('has no pace without dates, but keeps its progress', () => {
    const [item] = computeProgress(planOf([{ ID: 'KR1', Level: 'KR', Title: 'k', Target: 10, Current: 5 }]), {
      today: TODAY,
    });
    expect(item).toEqual({
      row: 2,
      id: 'KR1',
      level: 'Key Result',
      progress: 0.5,
      expected: null,
      status: null,
      source: 'measure',
    });
  });

  it('with a due date only: done or overdue, else no pace', () => {
    const dueOnly = (current: number, today: number) =>
      computeProgress(
        planOf([{ ID: 'K', Level: 'KR', Title: 'k', Target: 10, Current: current, 'Due date': '2026-05-10' }]),
        { today },
      )[0];
    expect(dueOnly(5, TODAY)).toMatchObject({ expected: null, status: null });
    expect(dueOnly(5, day('2026-05-11'))).toMatchObject({ expected: null, status: 'overdue' });
    expect(dueOnly(10, day('2026-05-11'))).toMatchObject({ status: 'done' });
  });

  it('with a start date only: not started before it, else no pace', () => {
    const startOnly = (today: number) =>
      computeProgress(
        planOf([{ ID: 'K', Level: 'KR', Title: 'k', Target: 10, Current: 5, 'Start date': '2026-05-10' }]),
        { today },
      )[0];
    expect(startOnly(TODAY)).toMatchObject({ expected: null, status: 'not started' });
    expect(startOnly(day('2026-05-20'))).toMatchObject({ expected: null, status: null });
  });

  it('inherits the dates of the nearest ancestor', () => {
    const items = computeProgress(
      planOf([
        { ID: 'O', Level: 'Objective', Title: 'o', 'Start date': '2026-04-01', 'Due date': '2026-05-31' },
        { ID: 'KR', Level: 'Key Result', Parent: 'O', Title: 'k', Target: 100, Current: 10 },
        { ID: 'KR2', Level: 'Key Result', Parent: 'O', Title: 'k', Target: 100, Current: 80, 'Due date': '2026-05-11' },
      ]),
      { today: TODAY },
    );
    expect(items[1].expected).toBeCloseTo(30 / 60, 12);
    expect(items[1].status).toBe('off track');
    expect(items[2].expected).toBeCloseTo(30 / 40, 12);
    expect(items[2].status).toBe('on track');
    expect(items[0].progress).toBeCloseTo(0.45, 12);
  });

  it('handles a one-day window and dates in the wrong order', () => {
    expect(expectedProgress(day('2026-05-01'), day('2026-05-01'), day('2026-04-30'))).toBe(0);
    expect(expectedProgress(day('2026-05-01'), day('2026-05-01'), day('2026-05-01'))).toBe(1);
    expect(expectedProgress(day('2026-05-10'), day('2026-05-01'), TODAY)).toBeNull();
    expect(paceStatus(null, 0.5, 0, 10, 5)).toBeNull();
    expect(paceStatus(null, 1, 0, 10, 11)).toBe('overdue');
  });

  it('returns rows in plan order with their row numbers and levels', () => {
    const items = computeProgress(
      planOf([
        { ID: 'T', Level: 'Task', Parent: 'O', Title: 't' },
        { ID: 'O', Level: 'Objective', Title: 'o' },
      ]),
      { today: TODAY },
    );
    expect(items.map((i) => [i.row, i.id, i.level])).toEqual([
      [2, 'T', 'Task'],
      [3, 'O', 'Objective'],
    ]);
  });
});

describe('roundFraction', () => {
  it('drops floating-point noise for output and keeps null', () => {
    expect((0.7 - 1) / (0.4 - 1)).not.toBe(0.5);
    expect(roundFraction((0.7 - 1) / (0.4 - 1))).toBe(0.5);
    expect(roundFraction(0.1 + 0.2)).toBe(0.3);
    expect(roundFraction(2 / 3)).toBeCloseTo(2 / 3, 11);
    expect(roundFraction(null)).toBeNull();
  });
});
