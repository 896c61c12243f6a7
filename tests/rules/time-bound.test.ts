import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../shared/index.js';
import { check, date, one, only, planOf, rulesOf } from './helpers.js';
import {
  alignmentRows,
  OKR_KR,
  OKR_O,
  OKR_T,
  okrRows,
  PERSONAL_G,
  PERSONAL_S,
  PERSONAL_T,
  PROJECT_G,
  PROJECT_M,
  PROJECT_O,
  PROJECT_T,
} from './plans.js';

describe('time-bound/no-due-date', () => {
  it('is an error on an Objective without its own Due date', () => {
    const f = one(check([{ ...OKR_O, dueDate: null }, OKR_KR, OKR_T]), 'time-bound/no-due-date', 'O1');
    expect(f).toMatchObject({ row: 2, severity: 'error', column: 'dueDate' });
    expect(f.message).toContain('"Delight our small-business customers this quarter"');
    expect(f.hint).toContain('Due date');
  });

  it("lets a Key Result and a Task inherit the nearest ancestor's Due date", () => {
    expect(only(check(okrRows()), 'time-bound/no-due-date')).toEqual([]); // KR1 inherits O1's
    expect(only(check([OKR_O, OKR_KR, { ...OKR_T, dueDate: null }]), 'time-bound/no-due-date')).toEqual([]); // T1 from O1 via KR1
  });

  it('is an error on a Key Result when nothing above has a Due date either, naming its Objective', () => {
    const findings = check([{ ...OKR_O, dueDate: null }, OKR_KR, OKR_T]);
    const f = one(findings, 'time-bound/no-due-date', 'KR1');
    expect(f).toMatchObject({ row: 3, severity: 'error' });
    expect(f.message).toContain('Objective "Delight our small-business customers this quarter" (O1)');
    expect(f.hint).toContain('Objective');
  });

  it('is only a warning on a Task', () => {
    const findings = check([{ ...OKR_O, dueDate: null }, OKR_KR, { ...OKR_T, dueDate: null }]);
    expect(one(findings, 'time-bound/no-due-date', 'T1').severity).toBe('warning');
  });

  it('tells a Key Result without Parent that it has nothing to inherit from', () => {
    const f = one(check([OKR_O, { ...OKR_KR, parent: '' }, OKR_T]), 'time-bound/no-due-date', 'KR1');
    expect(f.message).toContain('no Parent');
  });

  it('requires their own Due date of a Goal, a Milestone and a Subgoal even when the parent has one', () => {
    const milestone = check([PROJECT_G, PROJECT_O, { ...PROJECT_M, dueDate: null }, PROJECT_T]);
    expect(one(milestone, 'time-bound/no-due-date', 'M1').severity).toBe('error');
    const goal = check([{ ...PROJECT_G, dueDate: null }, PROJECT_O, PROJECT_M, PROJECT_T]);
    expect(one(goal, 'time-bound/no-due-date', 'G1').severity).toBe('error');
    const subgoal = check([PERSONAL_G, { ...PERSONAL_S, dueDate: null }, PERSONAL_T]);
    expect(one(subgoal, 'time-bound/no-due-date', 'S1').severity).toBe('error');
  });

  it('does not apply to Purpose, Vision, Outcome or Tactic', () => {
    const rows = alignmentRows();
    rows[5].dueDate = null;
    expect(only(check(rows, { framework: 'alignment' }), 'time-bound/no-due-date')).toEqual([]);
  });

  it('leaves an unreadable Due date to time-bound/bad-date', () => {
    const findings = check([{ ...OKR_O, dueDate: 'next Friday' }, OKR_KR, OKR_T]);
    expect(only(findings, 'time-bound/no-due-date')).toEqual([]);
    expect(one(findings, 'time-bound/bad-date', 'O1').column).toBe('dueDate');
  });
});

describe('time-bound/bad-date', () => {
  it.each([
    ['dueDate', 'Due date', 'next Friday'],
    ['startDate', 'Start date', 'soon'],
    ['lastCheckIn', 'Last check-in', '31/31/2026'],
  ] as const)('is an error when %s cannot be read, naming the column and quoting the cell', (key, header, text) => {
    const f = one(check([{ ...OKR_O, [key]: text }, OKR_KR, OKR_T]), 'time-bound/bad-date', 'O1');
    expect(f).toMatchObject({ row: 2, severity: 'error', column: key });
    expect(f.message).toContain(header);
    expect(f.message).toContain(`"${text}"`);
    expect(f.hint).toContain('YYYY-MM-DD');
  });

  it('is an error when Due date is before Start date, quoting both', () => {
    const f = one(check([{ ...OKR_O, startDate: '2026-07-01' }, OKR_KR, OKR_T]), 'time-bound/bad-date', 'O1');
    expect(f).toMatchObject({ column: 'dueDate' });
    expect(f.message).toContain('2026-06-30');
    expect(f.message).toContain('2026-07-01');
  });

  it('reads native dates, ISO dates and common written forms', () => {
    for (const dueDate of [date('2026-06-30'), '2026-06-30', 'June 30, 2026', '30 June 2026']) {
      expect(only(check([{ ...OKR_O, dueDate }, OKR_KR, OKR_T]), 'time-bound/bad-date')).toEqual([]);
    }
  });
});

describe('time-bound/after-parent', () => {
  it("warns when a row is due after its parent, quoting both dates and the parent's title", () => {
    const findings = check([OKR_O, { ...OKR_KR, dueDate: '2026-07-15' }, OKR_T]);
    const f = one(findings, 'time-bound/after-parent', 'KR1');
    expect(f).toMatchObject({ row: 3, severity: 'warning', column: 'dueDate' });
    expect(f.message).toContain('2026-07-15');
    expect(f.message).toContain('2026-06-30');
    expect(f.message).toContain('"Delight our small-business customers this quarter"');
    expect(f.hint).toContain('2026-06-30');
  });

  it("compares with the parent's inherited Due date", () => {
    // KR1 has none and inherits O1's 2026-06-30; the Task is due after it.
    const f = one(check([OKR_O, OKR_KR, { ...OKR_T, dueDate: '2026-07-02' }]), 'time-bound/after-parent', 'T1');
    expect(f.message).toContain('2026-06-30');
  });

  it('does not warn on the same day, earlier, or when the row inherits its date', () => {
    expect(only(check([OKR_O, { ...OKR_KR, dueDate: '2026-06-30' }, OKR_T]), 'time-bound/after-parent')).toEqual([]);
    expect(only(check([OKR_O, { ...OKR_KR, dueDate: '2026-06-01' }, OKR_T]), 'time-bound/after-parent')).toEqual([]);
    expect(only(check([OKR_O, OKR_KR, { ...OKR_T, dueDate: null }]), 'time-bound/after-parent')).toEqual([]);
  });

  it('does not warn on a row whose parent is missing', () => {
    const findings = check([OKR_O, { ...OKR_KR, parent: 'O9', dueDate: '2027-01-01' }, OKR_T]);
    expect(rulesOf(findings, 'KR1')).toEqual(['structure/missing-parent']);
  });
});

describe('a date written as a quarter, a month or a range', () => {
  it('is read as the day meant: the last day as a Due date, the first as a Start date', () => {
    const plan = planOf([
      OKR_O,
      { ...OKR_KR, dueDate: 'Q3 2026', startDate: 'June 2026' },
      { ...OKR_T, dueDate: '2026-Q1', startDate: null },
    ]);
    expect(plan.items[1].dueDate).toEqual({ state: 'ok', value: dayFromIso('2026-09-30') });
    expect(plan.items[1].startDate).toEqual({ state: 'ok', value: dayFromIso('2026-06-01') });
    expect(plan.items[2].dueDate).toEqual({ state: 'ok', value: dayFromIso('2026-03-31') });
    expect(only(check([OKR_O, { ...OKR_KR, dueDate: 'Q3 2026' }, OKR_T]), 'time-bound/bad-date')).toEqual([]);
  });

  it('is a bad date as a Last check-in, which is one day, and the hint names the days of the period', () => {
    const f = one(check([OKR_O, { ...OKR_KR, lastCheckIn: 'Feb 2026' }, OKR_T]), 'time-bound/bad-date', 'KR1');
    expect(f.message).toBe('Last check-in "Feb 2026" is not a date.');
    expect(f.hint).toBe(
      'A check-in is one day: type the day of the latest update as YYYY-MM-DD (Feb 2026 runs from 2026-02-01 to 2026-02-28).',
    );
    const other = one(check([OKR_O, { ...OKR_KR, dueDate: 'next Friday' }, OKR_T]), 'time-bound/bad-date', 'KR1');
    expect(other.hint).toBe('Type the date as YYYY-MM-DD (e.g. 2026-06-30) or as "June 30, 2026", or use a date cell.');
  });
});
