import { describe, expect, it } from 'vitest';
import {
  slashDateOrder,
  dateFromDay,
  dayFromDate,
  dayFromIso,
  dayFromLocalDate,
  isoFromDay,
  parseDay,
  serialFromDay,
  todayDay,
} from '../../shared/index.js';

const iso = (cell: Parameters<typeof parseDay>[0]) => {
  const parsed = parseDay(cell);
  return parsed.state === 'ok' ? isoFromDay(parsed.value) : parsed.state;
};

describe('days', () => {
  it('counts whole days since 1970-01-01', () => {
    expect(dayFromIso('1970-01-01')).toBe(0);
    expect(dayFromIso('1970-01-02')).toBe(1);
    expect(dayFromIso('2026-05-01')).toBe(20574);
    expect(dayFromIso('1969-12-31')).toBe(-1);
    expect(isoFromDay(20574)).toBe('2026-05-01');
    expect(isoFromDay(-1)).toBe('1969-12-31');
  });

  it('rejects ISO text that is not a calendar day', () => {
    expect(() => dayFromIso('2026-02-30')).toThrow(RangeError);
    expect(() => dayFromIso('2026-5-1')).toThrow(/YYYY-MM-DD/);
    expect(() => dayFromIso('tomorrow')).toThrow(RangeError);
  });

  it('converts Dates by UTC fields and back to UTC midnight', () => {
    expect(dayFromDate(new Date(Date.UTC(2026, 4, 1)))).toBe(20574);
    expect(dayFromDate(new Date(Date.UTC(2026, 4, 1, 23, 59)))).toBe(20574);
    expect(dateFromDay(20574).toISOString()).toBe('2026-05-01T00:00:00.000Z');
  });

  it('reads today and local dates on the local calendar', () => {
    const local = new Date(2026, 4, 1, 23, 30);
    expect(todayDay(local)).toBe(20574);
    expect(dayFromLocalDate(new Date(2026, 4, 1, 0, 0))).toBe(20574);
    // Without an argument: today on the local calendar (the day before or after it only across midnight).
    const before = dayFromLocalDate(new Date());
    const today = todayDay();
    const after = dayFromLocalDate(new Date());
    expect([before, after]).toContain(today);
  });

  it.each(['America/Los_Angeles', 'Pacific/Auckland'])(
    'reads local dates on the local calendar west and east of UTC (%s), not by UTC fields',
    (zone) => {
      const saved = process.env.TZ;
      process.env.TZ = zone; // Node applies a changed TZ at once; CI runs in UTC, where local is UTC
      try {
        expect(new Date(2026, 4, 1, 0, 0).getTimezoneOffset()).not.toBe(0);
        expect(todayDay(new Date(2026, 4, 1, 23, 30))).toBe(20574);
        expect(dayFromLocalDate(new Date(2026, 4, 1, 0, 0))).toBe(20574);
      } finally {
        if (saved === undefined) delete process.env.TZ;
        else process.env.TZ = saved;
      }
    },
  );

  it('converts to spreadsheet serial numbers', () => {
    expect(serialFromDay(dayFromIso('2026-05-01'))).toBe(46143);
    expect(serialFromDay(0)).toBe(25569);
  });
});

describe('parseDay', () => {
  it.each([
    ['2026-05-01', '2026-05-01'],
    ['2026-5-1', '2026-05-01'],
    ['2026-05-01T10:30:00Z', '2026-05-01'],
    ['2026-05-01T23:30:00-08:00', '2026-05-01'],
    ['2026-05-01 14:00', '2026-05-01'],
    ['May 1, 2026', '2026-05-01'],
    ['May 1 2026', '2026-05-01'],
    ['Jan 5 2026', '2026-01-05'],
    ['January 5th, 2026', '2026-01-05'],
    ['Sept. 9, 2026', '2026-09-09'],
    ['Thu, May 7, 2026', '2026-05-07'],
    ['1 May 2026', '2026-05-01'],
    ['1st of May 2026', '2026-05-01'],
    ['01-May-2026', '2026-05-01'],
    ['1-May-26', '2026-05-01'],
    ['5/1/2026', '2026-05-01'],
    ['05/01/2026', '2026-05-01'],
    ['13/1/2026', '2026-01-13'],
    ['5/1/26', '2026-05-01'],
    ['12/31/99', '1999-12-31'],
    ['5/1/2026 9:00 AM', '2026-05-01'],
    ['2026/05/01', '2026-05-01'],
    ['01.05.2026', '2026-05-01'],
    ['1.5.26', '2026-05-01'],
    ['20260501', '2026-05-01'],
    ['  2026-05-01  ', '2026-05-01'],
    ['2028-02-29', '2028-02-29'],
  ])('%j → %s', (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it('reads native Dates and spreadsheet serial numbers', () => {
    expect(iso(new Date(Date.UTC(2026, 4, 1)))).toBe('2026-05-01');
    expect(iso(46143)).toBe('2026-05-01');
    expect(iso(46143.75)).toBe('2026-05-01');
    expect(iso(61)).toBe('1900-03-01');
  });

  it.each([
    '2026-02-30',
    '2026-13-01',
    '2027-02-29',
    'Feb 30, 2026',
    '31/31/2026',
    '32.01.2026',
    'Smarch 1, 2026',
    'next Friday',
    'Q3',
    'May 2026',
    '#REF!',
    '2026-05-01T25:99',
    '1/2',
  ])('%j is invalid, not a crash', (input) => {
    expect(parseDay(input)).toEqual({ state: 'invalid', text: input });
  });

  it('reads implausible numbers, booleans and broken Dates as invalid', () => {
    expect(parseDay(12).state).toBe('invalid');
    expect(parseDay(5_000_000).state).toBe('invalid');
    expect(parseDay(Number.NaN).state).toBe('invalid');
    expect(parseDay(true)).toEqual({ state: 'invalid', text: 'TRUE' });
    expect(parseDay(new Date('nonsense')).state).toBe('invalid');
  });

  it('reads blanks as blank', () => {
    expect(parseDay(null)).toEqual({ state: 'blank' });
    expect(parseDay('')).toEqual({ state: 'blank' });
    expect(parseDay('   ')).toEqual({ state: 'blank' });
  });
});

describe('Dates from another realm', () => {
  it('reads a Date made in a vm context (as the add-on tests and host objects hand them over)', async () => {
    const { runInNewContext } = await import('node:vm');
    const foreign = runInNewContext('new Date(Date.UTC(2026, 4, 1))') as Date;
    expect(foreign instanceof Date).toBe(false);
    expect(iso(foreign)).toBe('2026-05-01');
    const { parseNumber, parseCadence, cellText } = await import('../../shared/index.js');
    expect(parseNumber(foreign)).toEqual({ state: 'invalid', text: '2026-05-01' });
    expect(parseCadence(foreign)).toEqual({ state: 'invalid', text: 'a date' });
    expect(cellText(foreign)).toBe('2026-05-01');
  });
});

describe('parseDay: day-first order', () => {
  it('reads a date that could be either way day first when asked', () => {
    expect(parseDay('06/07/2026', 'day first')).toEqual({ state: 'ok', value: dayFromIso('2026-07-06') });
    expect(parseDay('06/07/2026')).toEqual({ state: 'ok', value: dayFromIso('2026-06-07') });
  });

  it('still reads a date that can only be one way that way', () => {
    expect(parseDay('06/30/2026', 'day first')).toEqual({ state: 'ok', value: dayFromIso('2026-06-30') });
    expect(parseDay('30/06/2026', 'month first')).toEqual({ state: 'ok', value: dayFromIso('2026-06-30') });
  });
});

describe('slashDateOrder', () => {
  it.each([
    ['30/06/2026', 'day first'],
    ['06/30/2026', 'month first'],
    ['06/07/2026', 'either'],
    ['05/05/2026', null],
    ['2026-06-07', null],
    ['01.05.2026', null],
    [45000, null],
  ] as const)('%j → %j', (cell, order) => {
    expect(slashDateOrder(cell)).toBe(order);
  });
});

describe('a period with a qualifier (early, mid, late) as the one day it means', () => {
  const qualified = (text: string) => {
    const parsed = parseDay(text, { year: 2027 });
    return parsed.state === 'ok' ? isoFromDay(parsed.value) : parsed.state;
  };

  it('reads a month as the 10th (early), the 15th (mid) or its last day (late), in four languages', () => {
    expect(qualified('Mid-Sep 2026')).toBe('2026-09-15');
    expect(qualified('early Oct')).toBe('2027-10-10');
    expect(qualified('late Feb 2028')).toBe('2028-02-29');
    expect(qualified('mediados de marzo de 2026')).toBe('2026-03-15');
    expect(qualified('Anfang Mai 2026')).toBe('2026-05-10');
    expect(qualified('mi-juin 2026')).toBe('2026-06-15');
  });

  it('reads a longer period at the end of its first third, its middle or its end', () => {
    expect(qualified('early 2026')).toBe('2026-04-30');
    expect(qualified('mid 2026')).toBe('2026-06-30');
    expect(qualified('late 2026')).toBe('2026-12-31');
    expect(qualified('mid Q3 2026')).toBe('2026-08-31');
  });

  it('leaves words that only start like a qualifier, and a qualified day, unread', () => {
    expect(qualified('Mid-point review')).toBe('invalid');
    expect(qualified('mid March 3 2026')).toBe('invalid');
  });
});
