import { describe, expect, it } from 'vitest';
import { check, date, one, only } from './helpers.js';
import { OKR_KR, OKR_O, OKR_T, okrRows, PROJECT_G, PROJECT_M, PROJECT_O, PROJECT_T } from './plans.js';

describe('review/no-cadence', () => {
  it('warns about an Objective without Review, suggesting a tight cadence', () => {
    const f = one(check([{ ...OKR_O, review: null }, OKR_KR, OKR_T]), 'review/no-cadence', 'O1');
    expect(f).toMatchObject({ row: 2, severity: 'warning', column: 'review' });
    expect(f.message).toContain('"Delight our small-business customers this quarter"');
    expect(f.hint).toContain('weekly');
  });

  it('warns about a Goal without Review, suggesting a business-review cadence', () => {
    const f = one(check([{ ...PROJECT_G, review: '' }, PROJECT_O, PROJECT_M, PROJECT_T]), 'review/no-cadence', 'G1');
    expect(f.hint).toContain('monthly');
  });

  it('does not warn about Key Results or Tasks without Review, nor about a Done objective', () => {
    expect(only(check([OKR_O, { ...OKR_KR, review: null }, OKR_T]), 'review/no-cadence')).toEqual([]);
    expect(only(check([{ ...OKR_O, review: null, status: 'Done' }, OKR_KR, OKR_T]), 'review/no-cadence')).toEqual([]);
  });

  it('warns about a Review it cannot read on any row, listing the cadences it can', () => {
    const f = one(check([OKR_O, { ...OKR_KR, review: 'whenever' }, OKR_T]), 'review/no-cadence', 'KR1');
    expect(f.message).toContain('"whenever"');
    expect(f.hint).toContain('biweekly');
  });
});

describe('review/too-rare', () => {
  it('warns about a Key Result reviewed monthly, quoting the cadence', () => {
    const f = one(check([OKR_O, { ...OKR_KR, review: 'monthly' }, OKR_T]), 'review/too-rare', 'KR1');
    expect(f).toMatchObject({ row: 3, severity: 'warning', column: 'review' });
    expect(f.message).toContain('"monthly"');
    expect(f.hint).toContain('two weeks');
  });

  it('warns about a project Objective reviewed every 3 weeks', () => {
    const f = one(
      check([PROJECT_G, { ...PROJECT_O, review: 'every 3 weeks' }, PROJECT_M, PROJECT_T]),
      'review/too-rare',
      'O1',
    );
    expect(f.message).toContain('"every 3 weeks"');
  });

  it('accepts every two weeks and faster, and does not apply to OKR Objectives or Goals', () => {
    for (const review of ['weekly', 'biweekly', 'every 2 weeks', 'every 10 days']) {
      expect(only(check([OKR_O, { ...OKR_KR, review }, OKR_T]), 'review/too-rare'), review).toEqual([]);
    }
    expect(
      only(check([{ ...OKR_O, review: 'monthly', lastCheckIn: date('2026-04-20') }, OKR_KR, OKR_T]), 'review/too-rare'),
    ).toEqual([]);
    expect(
      only(check([{ ...PROJECT_G, review: 'quarterly' }, PROJECT_O, PROJECT_M, PROJECT_T]), 'review/too-rare'),
    ).toEqual([]);
  });
});

describe('review/stale', () => {
  it('warns when the last check-in is older than one review period', () => {
    const f = one(check([OKR_O, { ...OKR_KR, lastCheckIn: '2026-04-20' }, OKR_T]), 'review/stale', 'KR1');
    expect(f).toMatchObject({ row: 3, severity: 'warning', column: 'lastCheckIn' });
    expect(f.message).toContain('2026-04-20');
    expect(f.message).toContain('11 days');
    expect(f.message).toContain('"weekly"');
    expect(f.hint).toContain('2026-05-01');
  });

  it('does not warn within one period (7 days for weekly)', () => {
    expect(only(check([OKR_O, { ...OKR_KR, lastCheckIn: '2026-04-24' }, OKR_T]), 'review/stale')).toEqual([]);
  });

  it('does not warn about Done, Dropped or Paused rows', () => {
    for (const status of ['Done', 'Dropped', 'Paused']) {
      expect(
        only(check([OKR_O, { ...OKR_KR, lastCheckIn: '2026-01-01', status }, OKR_T]), 'review/stale'),
        status,
      ).toEqual([]);
    }
  });

  it('warns about a blank check-in when Status says the row is under way', () => {
    const f = one(check([OKR_O, { ...OKR_KR, lastCheckIn: null, status: 'At risk' }, OKR_T]), 'review/stale', 'KR1');
    expect(f.message).toContain('no Last check-in');
    expect(f.message).toContain('"At risk"');
  });

  it('warns about a blank check-in when the row started more than one period ago (dates inherited)', () => {
    // KR1 inherits O1's Start date, 2026-04-01: a month ago, with a weekly review.
    const f = one(check([OKR_O, { ...OKR_KR, lastCheckIn: null, status: null }, OKR_T]), 'review/stale', 'KR1');
    expect(f.message).toContain('started on 2026-04-01');
  });

  it('does not warn about a blank check-in before the row has been under way for a period', () => {
    const fresh = check([{ ...OKR_O, startDate: '2026-04-28' }, { ...OKR_KR, lastCheckIn: null, status: null }, OKR_T]);
    expect(only(fresh, 'review/stale')).toEqual([]);
    const notStarted = check([OKR_O, { ...OKR_KR, lastCheckIn: null, status: 'Not started' }, OKR_T]);
    expect(only(notStarted, 'review/stale')).toEqual([]);
  });

  it('does not apply to rows without a cadence', () => {
    expect(
      only(check(okrRows().map((row) => ({ ...row, review: null, lastCheckIn: '2025-01-01' }))), 'review/stale'),
    ).toEqual([]);
  });
});
