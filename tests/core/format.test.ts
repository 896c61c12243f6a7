// Counts in user-facing text are written as `toLocaleString('en-US')` writes them; whole numbers
// are grouped by hand for speed (a check names a count of days in many findings), so the two
// must agree on every kind of number.
import { describe, expect, it } from 'vitest';
import { countText, plural } from '../../shared/format.js';

describe('counts in text', () => {
  it('group thousands exactly as toLocaleString("en-US") does', () => {
    const counts = [0, 1, -1, 7, 999, 1000, -1000, 12_345, 123_456, 1_234_567, -9_876_543, 1_000_000];
    counts.push(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e21, 1.5, -2.25, -0, NaN, Infinity);
    for (let digits = 1; digits <= 16; digits++)
      counts.push(Math.floor(10 ** digits / 7), -Math.floor(10 ** digits / 3));
    for (const count of counts) expect([count, countText(count)]).toEqual([count, count.toLocaleString('en-US')]);
  });

  it('name the thing once or many times', () => {
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(1200, 'row')).toBe('1,200 rows');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
  });
});
