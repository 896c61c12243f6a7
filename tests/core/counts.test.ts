// Counts as progress (issue 8 gap): "3/5", "3 of 5", "🟡 2/28 ✅" are done ÷ total where a cell
// says how far a row is (Progress, Status, Start/Target/Current), and nowhere else: a date, ID or
// title cell that reads "10/10" or "1/2" keeps what it was.
import { describe, expect, it } from 'vitest';
import { computeProgress, countFromText, readPlan } from '../../shared/index.js';
import { day, tableOf, type RowSpec } from './helpers.js';

const TODAY = day('2026-05-01');
const progressOf = (rows: RowSpec[]) =>
  Object.fromEntries(
    computeProgress(readPlan({ ...tableOf(rows), manualProgress: true }), { today: TODAY }).map((i) => [i.id, i]),
  );

describe('a count', () => {
  it('is done of total, with a note after it, and nothing that reads better as a day or a range', () => {
    expect(countFromText('3/5')).toEqual({ done: 3, of: 5 });
    expect(countFromText('3 of 5')).toEqual({ done: 3, of: 5 });
    expect(countFromText('4 de 8')).toEqual({ done: 4, of: 8 });
    expect(countFromText('🟡 2/28 ✅')).toEqual({ done: 2, of: 28 });
    expect(countFromText('5/5 agree on value prop')).toEqual({ done: 5, of: 5 });
    for (const text of ['10/10/2026', '1/2 2026', '7/5', '0/0', '3/5.5', 'Q1/Q2', '2026/27']) {
      expect(countFromText(text)).toBeNull();
    }
  });
});

describe('counts as progress', () => {
  it('reads a typed Progress count and a count after the Status word as manual progress', () => {
    const p = progressOf([
      { ID: 'M1', Level: 'Milestone', Title: 'Consolidation', Status: '🟡 2/28 ✅' },
      { ID: 'M2', Level: 'Milestone', Title: 'Expansion', Status: 'In progress 3 of 4' },
      { ID: 'T1', Level: 'Task', Title: 'Migrate the tables', Progress: '3/5' },
      { ID: 'T2', Level: 'Task', Title: 'Write the guide', Status: 'Blocked since 1/2' },
    ]);
    expect(p.M1.progress).toBeCloseTo(2 / 28, 12);
    expect(p.M2.progress).toBeCloseTo(0.75, 12);
    expect(p.T1.progress).toBeCloseTo(0.6, 12);
    // "since 1/2" is a day the work stopped, not half of it.
    expect(p.T2.progress).toBe(0);
  });

  it('reads a count in Target and Current as its done part, so 0/5 of 5/5 is 0 % and 10/10 of 10/10 is 100 %', () => {
    const p = progressOf([
      { ID: 'KR1', Level: 'Key Result', Title: 'Semantic foundations', Target: '10/10 defined', Current: '10/10' },
      { ID: 'KR2', Level: 'Key Result', Title: 'Stakeholder validation', Target: '5/5 agree', Current: '0/5' },
      { ID: 'KR3', Level: 'Key Result', Title: 'Pilots', Target: 8, Current: '3 of 8' },
    ]);
    expect(p.KR1.progress).toBe(1);
    expect(p.KR2.progress).toBe(0);
    expect(p.KR3.progress).toBeCloseTo(3 / 8, 12);
  });

  it('leaves a date, an ID and a title that look like counts as they are', () => {
    const plan = readPlan(
      tableOf([
        { ID: '1/2', Level: 'Task', Title: 'Ship 3/5 features', 'Due date': '10/10/2026', Progress: '' },
        { ID: '2/2', Level: 'Task', Title: 'Close 1/2', 'Due date': '2026-10-12' },
      ]),
    );
    expect(plan.items.map((i) => [i.id, i.title])).toEqual([
      ['1/2', 'Ship 3/5 features'],
      ['2/2', 'Close 1/2'],
    ]);
    expect(plan.items[0].dueDate).toEqual({ state: 'ok', value: day('2026-10-10') });
    expect(plan.items[0].manualProgress.state).toBe('blank');
  });
});
