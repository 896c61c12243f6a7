import { describe, expect, it } from 'vitest';
import { CHECK_OK, checkPlan, checkSummaries, checkSummary, countFindings, type Finding } from '../../shared/index.js';
import { check, planOf, TODAY } from './helpers.js';
import { OKR_KR, OKR_O, OKR_T, okrRows } from './plans.js';

describe('checkSummary', () => {
  it('says "✓ OK" for a clean row', () => {
    expect(checkSummary([])).toBe('✓ OK');
    // A clean row of a real plan gets the constant the add-on's live check compares with.
    const clean = planOf(okrRows());
    expect(checkSummaries(clean, checkPlan(clean, { today: TODAY }))[0]).toBe(CHECK_OK);
  });

  it('counts errors and warnings and names the problems, errors first', () => {
    const findings = check([OKR_O, { ...OKR_KR, owner: '', review: 'monthly', dueDate: 'someday' }, OKR_T]).filter(
      (f) => f.id === 'KR1',
    );
    expect(checkSummary(findings)).toBe('2 errors, 1 warning: bad date; no owner; reviews too rare');
  });

  it('uses the singular, and lists warnings alone', () => {
    const warning = check([OKR_O, { ...OKR_KR, review: 'monthly' }, OKR_T]);
    expect(checkSummary(warning)).toBe('1 warning: reviews too rare');
  });

  it('names a repeated problem once', () => {
    const findings = check([
      { ...OKR_O, startDate: 'soon', dueDate: 'later', lastCheckIn: 'never' },
      OKR_KR,
      OKR_T,
    ]).filter((f) => f.id === 'O1');
    expect(checkSummary(findings)).toMatch(/^3 errors(, \d+ warnings?)?: bad date(;|$)/);
    expect(checkSummary(findings).match(/bad date/g)).toHaveLength(1);
  });

  it('stays short enough for a cell, whatever the findings', () => {
    const findings = check([
      {
        id: 'KR9',
        level: 'Key Result',
        parent: 'O9',
        title: 'x',
        owner: 'Ana and Ben',
        target: 'lots',
        startDate: 'a',
        dueDate: 'b',
        review: 'c',
        lastCheckIn: 'd',
        weight: 'e',
        type: 'f',
      },
    ]);
    const summary = checkSummary(findings);
    expect(summary.length).toBeLessThanOrEqual(90);
    expect(summary).toMatch(/; …$/);
    expect(summary).toMatch(/^\d+ errors, \d+ warnings?: /);
  });

  it('sorts the findings it is given, errors first', () => {
    const warning: Finding = { row: 2, id: 'O1', rule: 'specific/vague', severity: 'warning', message: 'm', hint: 'h' };
    const error: Finding = { row: 2, id: 'O1', rule: 'owner/missing', severity: 'error', message: 'm', hint: 'h' };
    expect(checkSummary([warning, error])).toBe('1 error, 1 warning: no owner; vague title');
  });
});

describe('checkSummaries and countFindings', () => {
  it('give every row its Check cell, in plan order, and count the findings by severity', () => {
    const plan = planOf([OKR_O, { ...OKR_KR, owner: '' }, { ...OKR_T, title: 'Buy groceries' }]);
    const findings = checkPlan(plan, { today: TODAY });
    expect(checkSummaries(plan, findings)).toEqual(['✓ OK', '1 error: no owner', '1 warning: vague title']);
    expect(countFindings(findings)).toEqual({ error: 1, warning: 1 });
    expect(checkSummaries(planOf(okrRows()), [])).toEqual(['✓ OK', '✓ OK', '✓ OK']);
  });
});

describe('checkSummaries with findings in any order', () => {
  it('gives the same cells for shuffled findings as for sorted ones', () => {
    const plan = planOf([
      { ...OKR_O, owner: '' },
      { ...OKR_KR, owner: 'Ana and Ben', review: 'monthly' },
      { ...OKR_T, title: 'Buy groceries' },
    ]);
    const findings = checkPlan(plan, { today: TODAY });
    const sorted = checkSummaries(plan, findings);
    expect(sorted).toEqual([
      '1 error: no owner',
      '1 error, 1 warning: shared owner; reviews too rare',
      '1 warning: vague title',
    ]);
    expect(checkSummaries(plan, [...findings].reverse())).toEqual(sorted);
    expect(checkSummaries(plan, [findings[2], findings[0], findings[1], findings[3]])).toEqual(sorted);
  });

  it('ignores findings of rows the plan does not have', () => {
    const plan = planOf(okrRows());
    const stray = {
      row: 99,
      id: 'X',
      rule: 'owner/missing' as const,
      severity: 'error' as const,
      message: 'm',
      hint: 'h',
    };
    expect(checkSummaries(plan, [stray])).toEqual(['✓ OK', '✓ OK', '✓ OK']);
  });
});
