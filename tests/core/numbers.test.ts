import { describe, expect, it } from 'vitest';
import { hasNumber, parseNumber } from '../../shared/index.js';

const ok = (value: number) => ({ state: 'ok', value });

describe('parseNumber', () => {
  it.each([
    [1000, 1000],
    [-2.5, -2.5],
    [0, 0],
    ['1,000', 1000],
    ['1,000,000.25', 1000000.25],
    ['$120M', 120_000_000],
    ['$120 million', 120_000_000],
    ['120 Million', 120_000_000],
    ['$120m', 120_000_000],
    ['€3bn', 3_000_000_000],
    ['£2.5B', 2_500_000_000],
    ['$1.2b', 1_200_000_000],
    ['5k', 5000],
    ['1.5k', 1500],
    ['1.1k', 1100],
    ['2 thousand', 2000],
    ['45%', 0.45],
    ['45 %', 0.45],
    ['-5%', -0.05],
    ['12.5%', 0.125],
    ['200 ms', 200],
    ['200ms', 200],
    ['80 accounts', 80],
    ['5m', 5],
    ['5 MB', 5],
    ['(12)', -12],
    ['($1,200)', -1200],
    ['-5', -5],
    ['+5', 5],
    ['−7', -7],
    ['-$5', -5],
    ['$-5', -5],
    ['USD 250', 250],
    ['250 USD', 250],
    ['120 €', 120],
    ['.5', 0.5],
    ['1,5', 1.5],
    ['1.000,5', 1000.5],
    ['1 000 000', 1_000_000],
    ['1e6', 1_000_000],
    ['  42  ', 42],
  ])('%j → %d', (input, expected) => {
    expect(parseNumber(input)).toEqual(ok(expected));
  });

  it.each(['abc', '#REF!', '#N/A', '3 of 5', '2026-05-01', '5 - 10', '$', '%', '1.5,3', 'k5', 'twelve'])(
    '%j is invalid and keeps the text',
    (input) => {
      expect(parseNumber(input)).toEqual({ state: 'invalid', text: input.trim() });
    },
  );

  it('reads booleans, dates and non-finite numbers as invalid, never as numbers', () => {
    expect(parseNumber(true)).toEqual({ state: 'invalid', text: 'TRUE' });
    expect(parseNumber(false)).toEqual({ state: 'invalid', text: 'FALSE' });
    expect(parseNumber(new Date(Date.UTC(2026, 4, 1)))).toEqual({ state: 'invalid', text: '2026-05-01' });
    expect(parseNumber(Number.NaN).state).toBe('invalid');
    expect(parseNumber(Number.POSITIVE_INFINITY).state).toBe('invalid');
  });

  it('reads null, empty and whitespace as blank', () => {
    expect(parseNumber(null)).toEqual({ state: 'blank' });
    expect(parseNumber('')).toEqual({ state: 'blank' });
    expect(parseNumber('  \t ')).toEqual({ state: 'blank' });
  });

  it('survives huge and odd text without throwing', () => {
    expect(parseNumber('9'.repeat(400)).state).toBe('invalid');
    expect(parseNumber('x'.repeat(10_000)).state).toBe('invalid');
    expect(parseNumber('🚀 50')).toEqual({ state: 'invalid', text: '🚀 50' });
    expect(parseNumber('50 🚀')).toEqual(ok(50));
  });
});

describe('hasNumber', () => {
  it.each([
    'Sign 50 new SMB accounts by Q3',
    'Achieve a Net Promoter Score (NPS) of 80',
    'Increase sales to $120 million',
    'Generate 1,000 qualified leads',
    'Migrate 50% of workloads by June 15',
    'API response time under 200ms',
    'Sign three new mid-market contracts by end of Q3',
    'Double the weekly sign-ups',
    'Cut onboarding time in half',
    'Hire 2000 engineers',
    'Reduce churn to 2.5%',
    'Pass the audit with 0 critical findings',
    'Reduce onboarding time to 3 days',
  ])('%j has a number', (title) => {
    expect(hasNumber(title)).toBe(true);
  });

  it.each([
    '',
    'Enhance customer satisfaction',
    'Improve client satisfaction by Q3',
    'Complete the network architecture design by April 30',
    'Pass security audit by July 31',
    'Ship v2 of the EC2 tooling in H1',
    'Launch by 2026-05-01',
    'Launch by 5/1/2026',
    'Deliver the FY26 roadmap by 30 June',
    'Launch the website by 2026',
    'Meet at 9:00 every Monday',
    'Standup at 9am',
    'Be the 1st choice for SMBs',
    'Launch a side project in three months',
    'Finish the migration within 2 weeks',
    'Grow B2B revenue',
  ])('%j has no metric', (title) => {
    expect(hasNumber(title)).toBe(false);
  });
});

describe('parseNumber: numbers typed in a European Excel', () => {
  it.each([
    ['3.000.000', 3_000_000],
    ['1.234.567,5', 1_234_567.5],
    ['€ 2.500.000', 2_500_000],
    ['€1,2 Mio', 1_200_000],
    ['1,2 Mio.', 1_200_000],
    ['3 Mrd', 3_000_000_000],
    ['CHF 2,5 Mrd.', 2_500_000_000],
    ['500 Tsd', 500_000],
    ['1,5 Tsd. €', 1_500],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text)).toEqual({ state: 'ok', value });
  });

  it('does not take a word that merely starts like a scale for one', () => {
    expect(parseNumber('5 Mios')).toEqual({ state: 'ok', value: 5 });
  });
});

describe('parseNumber with a decimal comma (a CSV from a European Excel)', () => {
  it.each([
    ['600.000', 600_000],
    ['1.000', 1000],
    ['1.234,5', 1234.5],
    ['1,000', 1],
    ['1,5', 1.5],
    ['1.5', 1.5],
    ['12,5 %', 0.125],
    ['€1,2 Mio', 1_200_000],
    ['-3.000.000', -3_000_000],
    ['1,5k', 1500],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text, { decimalComma: true })).toEqual({ state: 'ok', value });
  });

  it('leaves native numbers and non-numbers alone', () => {
    expect(parseNumber(1000.5, { decimalComma: true })).toEqual({ state: 'ok', value: 1000.5 });
    expect(parseNumber('3 von 5', { decimalComma: true })).toEqual({ state: 'invalid', text: '3 von 5' });
  });
});
