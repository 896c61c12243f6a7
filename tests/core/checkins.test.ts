import { describe, expect, it } from 'vitest';
import {
  checkInCells,
  checkPlan,
  lastCheckInDays,
  checkInsFor,
  CHECKIN_HEADER,
  computeProgress,
  computeTrends,
  lastCheckInEdits,
  leastSquares,
  readHistory,
  replan,
  ReplanError,
  undoReplan,
  type CheckIn,
  type History,
  type Plan,
} from '../../shared/index.js';
import { day, planOf } from './helpers.js';

const TODAY = day('2026-05-01');

const okr = () =>
  planOf([
    {
      ID: 'O1',
      Level: 'Objective',
      Title: 'Grow',
      'Start date': '2026-04-01',
      'Due date': '2026-06-30',
      'Last check-in': null,
      Status: 'On track',
    },
    {
      ID: 'KR1',
      Level: 'Key Result',
      Parent: 'O1',
      Title: 'Sales to 120',
      Start: 0,
      Target: 120,
      Current: 60,
      Status: 'On track',
      'Due date': '2026-06-30',
    },
    { ID: 'KR2', Level: 'Key Result', Parent: 'O1', Title: 'Leads to 100', Target: 100, Current: 30 },
  ]);

function historyOf(records: CheckIn[]): History {
  return { records, problems: [] };
}

function tableOfRecords(records: CheckIn[]) {
  return { header: [...CHECKIN_HEADER], rows: records.map((r) => checkInCells(r).cells) };
}

function checkIns(plan: Plan, history: History, today = TODAY, who = 'ana@example.com') {
  return checkInsFor(plan, computeProgress(plan, { today }), history, { today, who });
}

describe('check-ins: which rows changed', () => {
  it('records every row with an ID the first time, with date, values and who', () => {
    const added = checkIns(okr(), historyOf([]));
    expect(added.map((c) => c.id)).toEqual(['O1', 'KR1', 'KR2']);
    expect(added[1]).toMatchObject({
      date: TODAY,
      id: 'KR1',
      current: 60,
      progress: 0.5,
      status: 'On track',
      who: 'ana@example.com',
      change: '',
    });
  });

  it('adds nothing on a second update with no change, even after a round trip through the table', () => {
    const plan = okr();
    const first = checkIns(plan, historyOf([]));
    const history = readHistory(tableOfRecords(first));
    expect(history.problems).toEqual([]);
    expect(checkIns(plan, history, TODAY + 7)).toEqual([]);
  });

  it('adds a check-in for the rows whose Current, Status or Progress changed, and their parents when the roll-up moves', () => {
    const history = historyOf(checkIns(okr(), historyOf([])));
    const later = planOf([
      {
        ID: 'O1',
        Level: 'Objective',
        Title: 'Grow',
        'Start date': '2026-04-01',
        'Due date': '2026-06-30',
        Status: 'On track',
      },
      {
        ID: 'KR1',
        Level: 'Key Result',
        Parent: 'O1',
        Title: 'Sales to 120',
        Start: 0,
        Target: 120,
        Current: '90',
        Status: 'At risk',
        'Due date': '2026-06-30',
      },
      { ID: 'KR2', Level: 'Key Result', Parent: 'O1', Title: 'Leads to 100', Target: 100, Current: 30 },
    ]);
    const added = checkIns(later, history, TODAY + 7);
    expect(added.map((c) => [c.id, c.current, c.progress, c.status])).toEqual([
      ['O1', null, 0.525, 'On track'],
      ['KR1', 90, 0.75, 'At risk'],
    ]);
  });

  it('sets Last check-in where the history is later than the cell, never over a later typed date', () => {
    const plan = planOf([
      { ID: 'A', Level: 'Objective', Title: 'a', 'Last check-in': '2026-05-10' },
      { ID: 'B', Level: 'Objective', Title: 'b', 'Last check-in': '2026-04-01' },
      { ID: 'C', Level: 'Objective', Title: 'c', 'Last check-in': null },
    ]);
    // Each row's first record is its baseline (no check-in); the second is a check-in.
    const history = historyOf(
      ['A', 'B', 'C'].flatMap((id) => [
        { ...blank(id), date: TODAY - 7 },
        { ...blank(id), date: TODAY },
      ]),
    );
    expect(lastCheckInEdits(plan, historyOf(['A', 'B', 'C'].map((id) => ({ ...blank(id), date: TODAY }))))).toEqual([]);
    expect(lastCheckInEdits(plan, history)).toEqual([
      { index: 1, row: 3, day: TODAY },
      { index: 2, row: 4, day: TODAY },
    ]);
  });
});

function blank(id: string): CheckIn {
  return {
    date: TODAY,
    id,
    current: null,
    progress: 0,
    status: '',
    note: '',
    who: '',
    change: '',
    before: [],
    after: [],
  };
}

describe('reading the history table', () => {
  it('reads dates as text or cells, percents, and names rows it cannot read', () => {
    const history = readHistory({
      header: ['Date', 'ID', 'Current', 'Progress', 'Status', 'Note', 'Who', 'Change', 'Before', 'After'],
      rows: [
        ['2026-05-08', 'KR1', '70', '58%', 'On track', 'good week', 'ana', '', '', ''],
        [new Date(Date.UTC(2026, 4, 1)), 'KR1', 60, 0.5, 'On track', '', '', '', '', ''],
        ['soon', 'KR1', 1, 1, '', '', '', '', '', ''],
        ['2026-05-09', '', 1, 1, '', '', '', '', '', ''],
        ['2026-05-09', 'KR1', 1, 1, '', '', '', 'grow', '', ''],
        [null, null, null, null, null, null, null, null, null, null],
        ['2026-05-10', 'KR1', 60, 0.5, 'On track', '', '', 'extend', 'Due date: 2026-06-30', 'Due date: 2026-07-31'],
      ],
    });
    expect(history.records.map((r) => [r.date, r.current, r.progress])).toEqual([
      [TODAY, 60, 0.5],
      [TODAY + 7, '70', 0.58],
      [TODAY + 9, 60, 0.5],
    ]);
    expect(history.records[2].before).toEqual([{ id: 'KR1', column: 'dueDate', text: '2026-06-30' }]);
    expect(history.problems).toEqual([
      'row 4: Date "soon" is not a date.',
      'row 5: ID is blank.',
      'row 6: Change "grow" is not one of shrink, drop, extend, pause, undo.',
    ]);
  });

  it('says so when the table has no Date and ID columns', () => {
    expect(readHistory({ header: ['When', 'What'], rows: [['x', 'y']] }).problems).toEqual([
      'The Check-ins table has no Date and ID columns; its rows were not read.',
    ]);
  });
});

describe('trend and forecast (progress.md worked example)', () => {
  it('fits the least-squares line', () => {
    const line = leastSquares([
      { x: 0, y: 0.1 },
      { x: 14, y: 0.2 },
      { x: 28, y: 0.3 },
    ])!;
    expect(line.slope).toBeCloseTo(1 / 140, 12);
    expect(line.intercept).toBeCloseTo(0.1, 12);
    expect(leastSquares([{ x: 1, y: 1 }])).toBeNull();
    expect(
      leastSquares([
        { x: 1, y: 1 },
        { x: 1, y: 2 },
      ]),
    ).toBeNull();
  });

  // Start date Apr 1, Due date Jun 30 (90 days); today May 21 (50 days in): expected 55.6 %.
  const kr = (current: number) =>
    planOf([
      {
        ID: 'KR1',
        Level: 'Key Result',
        Title: 'Sales to 120',
        Start: 0,
        Target: 120,
        Current: current,
        'Start date': '2026-04-01',
        'Due date': '2026-06-30',
      },
    ]);
  const records = [
    { ...blank('KR1'), date: day('2026-04-09'), current: 12 },
    { ...blank('KR1'), date: day('2026-04-23'), current: 30 },
    { ...blank('KR1'), date: day('2026-05-07'), current: 44 },
  ];

  it('says trending off track when the forecast misses the target while today is on track; the pace of today is unchanged', () => {
    const today = day('2026-05-21');
    const plan = kr(54);
    const progress = computeProgress(plan, { today });
    expect(progress[0].status).toBe('at risk'); // 45 % against 55.6 % expected
    const [trend] = computeTrends(plan, progress, historyOf(records), today);
    expect(trend.points.map((p) => p.day)).toEqual([day('2026-04-09'), day('2026-04-23'), day('2026-05-07'), today]);
    // x in days since Apr 9: 0, 14, 28, 42; y 12, 30, 44, 54 → slope 980/980 = 1 a day, 35 − 21 = 14 at x = 0; Jun 30 is x = 82 → 96 of 120.
    expect(trend.forecastValue).toBeCloseTo(96, 9);
    expect(trend.forecast).toBeCloseTo(0.8, 9);
    expect(trend.pace).toBe('trending off track');
  });

  it('keeps on track when the forecast reaches the target, and needs two check-ins', () => {
    const today = day('2026-05-21');
    const fast = kr(80);
    const progress = computeProgress(fast, { today });
    expect(
      computeTrends(
        fast,
        progress,
        historyOf([
          { ...records[0], current: 20 },
          { ...records[1], current: 50 },
        ]),
        today,
      )[0],
    ).toMatchObject({ pace: 'on track' });
    expect(computeTrends(fast, progress, historyOf([]), today)[0]).toMatchObject({ forecast: null, pace: 'on track' });
  });

  it('a Paused row is paused, whatever its numbers', () => {
    const plan = planOf([
      {
        ID: 'KR1',
        Level: 'Key Result',
        Title: 't',
        Target: 10,
        Current: 1,
        Status: 'Paused',
        'Start date': '2026-04-01',
        'Due date': '2026-06-30',
      },
    ]);
    expect(computeTrends(plan, computeProgress(plan, { today: TODAY }), historyOf([]), TODAY)[0].pace).toBe('paused');
  });
});

describe('replanning', () => {
  const options = { today: TODAY, who: 'ana' };

  it('keep and shrink: a lower Target, with its effect and the old value in the record', () => {
    const result = replan(okr(), 'kr1', { kind: 'shrink', target: 100 }, options);
    expect(result.edits).toEqual([{ index: 1, row: 3, column: 'target', value: 100 }]);
    expect(result.record).toMatchObject({
      id: 'KR1',
      change: 'shrink',
      progress: 0.6,
      before: [{ column: 'target', text: '120' }],
      after: [{ column: 'target', text: '100' }],
    });
    expect(result.effect).toContain('Target: 120 → 100');
    expect(result.effect).toContain('KR1 progress: 50% → 60%');
    expect(() => replan(okr(), 'KR1', { kind: 'shrink', target: 130 }, options)).toThrow(
      'between its Start 0 and its Target 120; 130 is not',
    );
  });

  it('reduce scope: chosen children Dropped, the parent rolls up without them', () => {
    const result = replan(okr(), 'O1', { kind: 'drop', children: ['KR2'] }, options);
    expect(result.edits).toEqual([{ index: 2, row: 4, column: 'status', value: 'Dropped' }]);
    expect(result.effect).toContain('O1 progress: 40% → 50%');
    expect(() => replan(okr(), 'O1', { kind: 'drop', children: [] }, options)).toThrow(
      'Name the items below O1 to drop: KR1, KR2.',
    );
    expect(() => replan(okr(), 'O1', { kind: 'drop', children: ['O1'] }, options)).toThrow(ReplanError);
  });

  it("extend: a later Due date, refused past the parent's", () => {
    expect(() => replan(okr(), 'KR2', { kind: 'extend', due: day('2026-06-15') }, options)).toThrow(
      "2026-06-15 is not later than KR2's Due date 2026-06-30.",
    );
    expect(() => replan(okr(), 'KR1', { kind: 'extend', due: day('2026-07-31') }, options)).toThrow(
      "2026-07-31 is after O1's Due date 2026-06-30: extend O1 first, or choose a date up to 2026-06-30.",
    );
    const o1 = replan(okr(), 'O1', { kind: 'extend', due: day('2026-07-31') }, options);
    expect(o1.edits).toEqual([{ index: 0, row: 2, column: 'dueDate', value: day('2026-07-31'), date: true }]);
    expect(o1.record.before).toEqual([{ id: 'O1', column: 'dueDate', text: '2026-06-30' }]);
  });

  it('pause, then undo restores the old Status; a second undo has nothing left', () => {
    const plan = okr();
    const paused = replan(plan, 'KR1', { kind: 'pause' }, options);
    expect(paused.edits[0]).toMatchObject({ column: 'status', value: 'Paused' });
    const history = readHistory(tableOfRecords([paused.record]));
    const after = planOf([
      { ID: 'O1', Level: 'Objective', Title: 'Grow', 'Due date': '2026-06-30' },
      {
        ID: 'KR1',
        Level: 'Key Result',
        Parent: 'O1',
        Title: 'Sales',
        Start: 0,
        Target: 120,
        Current: 60,
        Status: 'Paused',
      },
    ]);
    const undo = undoReplan(after, history, 'KR1', options);
    expect(undo.edits).toEqual([{ index: 1, row: 3, column: 'status', value: 'On track' }]);
    expect(undo.record).toMatchObject({ change: 'undo', before: [{ text: 'Paused' }], after: [{ text: 'On track' }] });
    const both = historyOf([...history.records, undo.record]);
    expect(() => undoReplan(after, both, 'KR1', options)).toThrow('KR1 has no replanning to undo.');
  });

  it('undo refuses when the cell was changed since', () => {
    const shrink = replan(okr(), 'KR1', { kind: 'shrink', target: 100 }, options);
    expect(() => undoReplan(okr(), historyOf([shrink.record]), 'KR1', options)).toThrow(
      `KR1's Target is now "120", not "100" as the shrink of 2026-05-01 left it; nothing was undone.`,
    );
  });
});

describe('review/stale reads the history where Last check-in is blank', () => {
  const plan = () =>
    planOf([
      {
        ID: 'KR1',
        Level: 'Key Result',
        Title: 'Sign 50 accounts',
        Owner: 'Ana',
        Target: 50,
        Current: 10,
        Review: 'weekly',
        'Last check-in': null,
        Status: 'On track',
        'Start date': '2026-04-01',
        'Due date': '2026-06-30',
      },
      {
        ID: 'KR2',
        Level: 'Key Result',
        Title: 'Cut churn to 2',
        Owner: 'Ben',
        Start: 4,
        Target: 2,
        Current: 3,
        Review: 'weekly',
        'Last check-in': '2026-04-30',
        Status: 'On track',
        'Start date': '2026-04-01',
        'Due date': '2026-06-30',
      },
    ]);
  const stale = (lastCheckIns?: Map<string, number>) =>
    checkPlan(plan(), { today: TODAY, lastCheckIns })
      .filter((f) => f.rule === 'review/stale')
      .map((f) => [f.id, f.message]);

  it('a recent check-in in the history is enough; an old one is stale; a typed Last check-in still wins', () => {
    expect(stale()).toEqual([
      ['KR1', 'There is no Last check-in, though Status says "On track". Review is "weekly" (every 7 days).'],
    ]);
    const history = lastCheckInDays([
      { ...blank('kr1'), date: TODAY - 3 },
      { ...blank('KR2'), date: TODAY - 30 },
    ]);
    expect(stale(history)).toEqual([]);
    expect(stale(lastCheckInDays([{ ...blank('KR1'), date: TODAY - 20 }]))).toEqual([
      [
        'KR1',
        'Last check-in (in the Check-ins history) 2026-04-11 was 20 days ago, longer than a review period. Review is "weekly" (every 7 days).',
      ],
    ]);
  });
});
