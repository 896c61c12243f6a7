import { describe, expect, it } from 'vitest';
import { check, one, only, rulesOf } from './helpers.js';
import { OKR_KR, OKR_O, OKR_T, okrRows, PROJECT_G, PROJECT_M, PROJECT_O, PROJECT_T } from './plans.js';

describe('progress/bad-number', () => {
  it.each([
    ['target', 'Target', 'lots'],
    ['start', 'Start', 'unknown'],
    ['current', 'Current', 'about half'],
  ] as const)(
    'is an error when %s is filled but not a number, naming the column and quoting the cell',
    (key, header, text) => {
      const f = one(check([OKR_O, { ...OKR_KR, [key]: text }, OKR_T]), 'progress/bad-number', 'KR1');
      expect(f).toMatchObject({ row: 3, severity: 'error', column: key });
      expect(f.message).toContain(header);
      expect(f.message).toContain(`"${text}"`);
      expect(f.hint).toContain('$120M');
    },
  );

  it('is one finding for the row when several cells hold words ("Weekly" in Target and Current)', () => {
    const findings = only(
      check([OKR_O, { ...OKR_KR, target: 'Weekly', current: 'Weekly' }, OKR_T]),
      'progress/bad-number',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ row: 3, column: 'target' });
    expect(findings[0].message).toBe('Target "Weekly" and Current "Weekly" are not numbers.');
  });

  it('reads numbers the way people type them', () => {
    const typed = [
      { start: '$60M', target: '$120M', current: '$90 million' },
      { start: '0', target: '1,000', current: '700' },
      { start: '30%', target: '45%', current: '35 %' },
      { start: '1.5k', target: '3k', current: '2k' },
      { start: '(12)', target: '0', current: '(6)' },
      { start: '400 ms', target: '200 ms', current: '350 ms' },
    ];
    for (const numbers of typed) {
      expect(
        only(check([OKR_O, { ...OKR_KR, ...numbers }, OKR_T]), 'progress/bad-number'),
        JSON.stringify(numbers),
      ).toEqual([]);
    }
  });

  it('is an error when Start equals Target on an increase or decrease, but not on "at least"', () => {
    const f = one(check([OKR_O, { ...OKR_KR, start: 45, target: 45 }, OKR_T]), 'progress/bad-number', 'KR1');
    expect(f).toMatchObject({ column: 'target' });
    expect(f.message).toContain('45');
    expect(f.hint).toContain('at least');
    expect(
      only(check([OKR_O, { ...OKR_KR, start: 45, target: 45, type: 'at least' }, OKR_T]), 'progress/bad-number'),
    ).toEqual([]);
  });

  it('is an error when Start is blank and Target is 0 on an increase, since both count as 0', () => {
    const f = one(check([OKR_O, { ...OKR_KR, start: '', target: 0, current: 3 }, OKR_T]), 'progress/bad-number', 'KR1');
    expect(f).toMatchObject({ column: 'start', severity: 'error' });
    expect(f.message).toContain('Target is 0');
    expect(only(check([OKR_O, { ...OKR_KR, start: 10, target: 0, current: 3 }, OKR_T]), 'progress/bad-number')).toEqual(
      [],
    );
  });

  it('is an error when Type is not a known type', () => {
    const f = one(check([OKR_O, { ...OKR_KR, type: 'grow' }, OKR_T]), 'progress/bad-number', 'KR1');
    expect(f).toMatchObject({ column: 'type' });
    expect(f.message).toContain('"grow"');
    expect(f.message).toContain('at most');
  });

  it('is an error when a decrease has no Start to count down from', () => {
    const f = one(
      check([OKR_O, { ...OKR_KR, type: 'decrease', start: null, target: 5 }, OKR_T]),
      'progress/bad-number',
      'KR1',
    );
    expect(f).toMatchObject({ column: 'start' });
  });

  it('is an error when Weight is not a number or is negative, on any level', () => {
    const text = one(check([OKR_O, OKR_KR, { ...OKR_T, weight: 'high' }]), 'progress/bad-number', 'T1');
    expect(text).toMatchObject({ column: 'weight' });
    expect(text.message).toContain('"high"');
    const negative = one(check([OKR_O, OKR_KR, { ...OKR_T, weight: -1 }]), 'progress/bad-number', 'T1');
    expect(negative.message).toContain('negative');
    expect(only(check([OKR_O, OKR_KR, { ...OKR_T, weight: 0 }]), 'progress/bad-number')).toEqual([]);
  });

  it("accepts a milestone's Current as a word", () => {
    const rows = [PROJECT_G, PROJECT_O, { ...PROJECT_M, current: 'done' }, PROJECT_T];
    expect(only(check(rows), 'progress/bad-number')).toEqual([]);
    const kr = check([OKR_O, { ...OKR_KR, type: 'milestone', target: null, current: '✓' }, OKR_T]);
    expect(only(kr, 'progress/bad-number')).toEqual([]);
  });

  it('checks any row with a Target, and ignores numbers on rows that measure nothing', () => {
    expect(one(check([OKR_O, OKR_KR, { ...OKR_T, target: 'ten' }]), 'progress/bad-number', 'T1').column).toBe('target');
    expect(only(check([OKR_O, OKR_KR, { ...OKR_T, current: 'half' }]), 'progress/bad-number')).toEqual([]);
  });
});

describe('progress/overdue', () => {
  it('warns when the Due date has passed and progress is below 100%, offering the replanning choices (seed 004)', () => {
    // Raise NPS from 30 to 45, at 36: 40 %.
    const f = one(check([OKR_O, { ...OKR_KR, current: 36, dueDate: '2026-04-15' }, OKR_T]), 'progress/overdue', 'KR1');
    expect(f).toMatchObject({ row: 3, severity: 'warning', column: 'dueDate' });
    expect(f.message).toContain('"Raise NPS from 30 to 45"');
    expect(f.message).toContain('2026-04-15');
    expect(f.message).toContain('16 days ago');
    expect(f.message).toContain('40%');
    for (const choice of ['shrink the next action', 'reduce the scope', 'extend the deadline', 'pause it']) {
      expect(f.hint).toContain(choice);
    }
  });

  it('uses the inherited Due date, and says so', () => {
    const findings = check([
      { ...OKR_O, startDate: '2026-03-01', dueDate: '2026-04-15' },
      OKR_KR,
      { ...OKR_T, dueDate: null },
    ]);
    expect(one(findings, 'progress/overdue', 'KR1').message).toContain('(inherited');
    expect(one(findings, 'progress/overdue', 'T1').message).toContain('is at 0%');
    expect(one(findings, 'progress/overdue', 'O1').message).not.toContain('inherited');
  });

  it('does not warn about Done, Dropped or Paused rows, about 100% progress, nor on the due day itself', () => {
    for (const status of ['Done', 'Dropped', 'Paused']) {
      expect(
        only(check([OKR_O, { ...OKR_KR, dueDate: '2026-04-15', status }, OKR_T]), 'progress/overdue'),
        status,
      ).toEqual([]);
    }
    expect(only(check([OKR_O, { ...OKR_KR, dueDate: '2026-04-15', current: 45 }, OKR_T]), 'progress/overdue')).toEqual(
      [],
    );
    expect(only(check([OKR_O, { ...OKR_KR, dueDate: '2026-05-01' }, OKR_T]), 'progress/overdue')).toEqual([]);
    expect(only(check(okrRows()), 'progress/overdue')).toEqual([]);
  });

  it('takes "today" from the options: the same plan is overdue a day after its deadline', () => {
    expect(only(check(okrRows(), { today: '2026-05-20' }), 'progress/overdue')).toEqual([]); // T1's due day
    expect(rulesOf(check(okrRows(), { today: '2026-05-21' }), 'T1')).toContain('progress/overdue');
    expect(rulesOf(check(okrRows(), { today: '2026-07-01' }), 'KR1')).toContain('progress/overdue');
  });
});
