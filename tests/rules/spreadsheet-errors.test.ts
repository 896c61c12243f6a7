// A cell showing a spreadsheet error (#REF!, #N/A…) is a broken formula: the finding says so and
// the hint says to fix the formula, not to "type a plain number".
import { describe, expect, it } from 'vitest';
import { check, one } from './helpers.js';
import { OKR_KR, OKR_O, OKR_T } from './plans.js';

describe('cells that show a spreadsheet error', () => {
  it('an Owner of #REF! is no owner', () => {
    const f = one(check([OKR_O, { ...OKR_KR, owner: '#REF!' }, OKR_T]), 'owner/missing', 'KR1');
    expect(f).toMatchObject({ severity: 'error', column: 'owner' });
    expect(f.message).toBe(
      'Owner "#REF!" of Key Result "Raise NPS from 30 to 45" is a spreadsheet error, not a person.',
    );
    expect(f.hint).toBe("The cell's formula is broken (#REF!): fix it, or type the name of one accountable person.");
  });

  it('a Target or Current of #N/A is a broken formula, not a badly typed number', () => {
    const findings = check([OKR_O, { ...OKR_KR, target: '#N/A', current: '#DIV/0!' }, OKR_T]);
    const [target, current] = findings.filter((f) => f.rule === 'progress/bad-number' && f.id === 'KR1');
    expect(target.message).toBe('Target "#N/A" is a spreadsheet error, not a number.');
    expect(target.hint).toBe("The cell's formula is broken (#N/A): fix it, or type the value.");
    expect(current.message).toBe('Current "#DIV/0!" is a spreadsheet error, not a number.');
  });

  it('a Due date of #REF! is a broken formula, not a badly typed date', () => {
    const f = one(check([OKR_O, { ...OKR_KR, dueDate: '#REF!' }, OKR_T]), 'time-bound/bad-date', 'KR1');
    expect(f.message).toBe('Due date "#REF!" is a spreadsheet error, not a date.');
    expect(f.hint).toBe("The cell's formula is broken (#REF!): fix it, or type the date as YYYY-MM-DD.");
  });
});
