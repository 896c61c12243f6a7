import { describe, expect, it } from 'vitest';
import { parseCadence, REVIEW_CHOICES } from '../../shared/index.js';

const days = (cell: Parameters<typeof parseCadence>[0]) => {
  const parsed = parseCadence(cell);
  return parsed.state === 'ok' ? parsed.value.days : parsed.state;
};

describe('parseCadence', () => {
  it.each([
    ['daily', 1],
    ['every day', 1],
    ['weekly', 7],
    ['Weekly', 7],
    ['every week', 7],
    ['once a week', 7],
    ['twice a week', 3.5],
    ['biweekly', 14],
    ['bi-weekly', 14],
    ['Bi Weekly', 14],
    ['fortnightly', 14],
    ['every other week', 14],
    ['every 2 weeks', 14],
    ['every two weeks', 14],
    ['2 weeks', 14],
    ['2w', 14],
    ['every 3 days', 3],
    ['10 days', 10],
    ['monthly', 30],
    ['every month', 30],
    ['twice a month', 15],
    ['bimonthly', 60],
    ['bi-monthly', 60],
    ['every 2 months', 60],
    ['quarterly', 91],
    ['every quarter', 91],
    ['semi-annually', 182],
    ['yearly', 365],
    ['annually', 365],
    ['every 1 year', 365],
    ['every sprint', 14],
    [14, 14],
  ])('%j → %d days', (input, expected) => {
    expect(days(input)).toBe(expected);
  });

  it('keeps the text as written, trimmed', () => {
    expect(parseCadence('  Every 2 Weeks ')).toEqual({ state: 'ok', value: { days: 14, text: 'Every 2 Weeks' } });
  });

  it.each(['sometimes', 'when needed', 'every 0 weeks', 'every -2 weeks', 'every weeks', 'weekly-ish', '#REF!'])(
    '%j is invalid',
    (input) => {
      expect(parseCadence(input)).toEqual({ state: 'invalid', text: input });
    },
  );

  it('reads blanks as blank and other cell kinds as invalid', () => {
    expect(parseCadence(null)).toEqual({ state: 'blank' });
    expect(parseCadence(' ')).toEqual({ state: 'blank' });
    expect(parseCadence(true).state).toBe('invalid');
    expect(parseCadence(0).state).toBe('invalid');
    expect(parseCadence(new Date()).state).toBe('invalid');
  });

  it('offers dropdown choices that all parse', () => {
    for (const choice of REVIEW_CHOICES) expect(parseCadence(choice).state).toBe('ok');
  });
});
