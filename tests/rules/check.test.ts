import { describe, expect, it } from 'vitest';
import { checkPlan, readPlan, RULE_BY_ID, RULES, type ColumnKey } from '../../shared/index.js';
import { check, planOf, rulesOf, TODAY } from './helpers.js';
import { OKR_KR, OKR_O, OKR_T, okrRows } from './plans.js';

describe('checkPlan', () => {
  it('finds nothing in an empty plan or a clean one', () => {
    expect(check([])).toEqual([]);
    expect(check(okrRows())).toEqual([]);
  });

  it('sorts findings by row, errors before warnings, then in catalog order', () => {
    const findings = check([
      { ...OKR_O, review: null, owner: '' },
      { ...OKR_KR, owner: 'Marketing', review: 'monthly', target: 'lots' },
      { ...OKR_T, parent: 'KR9', title: 'Work on it' },
    ]);
    const rows = findings.map((f) => f.row);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    for (const row of new Set(rows)) {
      const inRow = findings.filter((f) => f.row === row);
      const severities = inRow.map((f) => f.severity);
      expect(severities).toEqual([...severities].sort()); // 'error' < 'warning'
      for (const severity of ['error', 'warning']) {
        const order = inRow.filter((f) => f.severity === severity).map((f) => RULES.findIndex((r) => r.id === f.rule));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }
    }
    expect(rulesOf(findings, 'KR1')).toEqual(['owner/shared', 'progress/bad-number', 'review/too-rare']);
  });

  it('gives every finding a catalog rule, its severity, the row, the ID, a message, a hint and a column of the plan', () => {
    const findings = check([
      { ...OKR_O, review: 'sometimes', owner: 'TBD', startDate: 'soon', title: 'Improve things' },
      {
        ...OKR_KR,
        owner: 'Ana, Ben',
        target: 'x',
        title: 'Conduct surveys',
        start: null,
        dueDate: '2027-01-01',
        lastCheckIn: '2026-01-01',
      },
      { ...OKR_T, parent: 'O9', weight: 'heavy', owner: '' },
      { id: 'Q', level: 'Quest', title: 'Slay the dragon' },
    ]);
    const plan = planOf(okrRows());
    // The four rows sit on spreadsheet rows 2 to 5: each finding names the row of its item.
    const rowOfId = new Map([
      ['O1', 2],
      ['KR1', 3],
      ['T1', 4],
      ['Q', 5],
    ]);
    expect(findings.length).toBeGreaterThan(10);
    for (const f of findings) {
      const meta = RULE_BY_ID[f.rule];
      expect(meta, f.rule).toBeDefined();
      if (f.severity !== meta.severity) expect(meta.severityText, f.rule).toContain('warning');
      expect(f.row, `${f.rule} on ${f.id}`).toBe(rowOfId.get(f.id));
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.hint.length).toBeGreaterThan(10);
      expect(f.message).not.toMatch(/undefined|null|NaN|\[object/);
      expect(f.hint).not.toMatch(/undefined|null|NaN|\[object/);
      expect(plan.columns[f.column as ColumnKey], `${f.rule}: ${f.column}`).toBeDefined();
    }
  });

  it('never throws on bad cells: error values, booleans, huge text, emoji, odd numbers', () => {
    const table = {
      header: [
        'ID',
        'Level',
        'Parent',
        'Title',
        'Owner',
        'Start',
        'Target',
        'Current',
        'Start date',
        'Due date',
        'Review',
        'Last check-in',
        'Status',
        'Weight',
        'Type',
      ],
      rows: [
        [
          'O1',
          'Objective',
          null,
          'x'.repeat(10_000),
          true,
          '#REF!',
          '#DIV/0!',
          NaN,
          '#VALUE!',
          45000,
          12,
          new Date('invalid'),
          'Whatever',
          Infinity,
          42,
        ],
        [
          'KR1',
          'KR',
          'O1',
          '🚀🔥 Ship 🚀 the 🎉 launch 💯',
          '👩‍💻',
          -1e308,
          1e308,
          '∞',
          'tomorrow',
          '2026-02-30',
          '0',
          -5,
          'Done',
          '',
          'milestone',
        ],
        [null, 'Task', 'KR1', '', '', '', '', '', '', '', '', '', '', '', ''],
        [42, 7, 3.5, false, 0, null, null, null, null, null, null, null, null, null, null],
      ],
    };
    const plan = readPlan(table);
    const findings = checkPlan(plan, { today: TODAY });
    expect(findings.length).toBeGreaterThan(0);
    const long = findings.find((f) => f.id === 'O1' && f.message.includes('xxx'));
    expect(long?.message.length).toBeLessThan(200);
    for (const f of findings) expect(f.message.length + f.hint.length).toBeLessThan(500);
  });

  it('checks a Dropped row only for broken structure and unreadable cells', () => {
    const dropped = {
      ...OKR_KR,
      id: 'KR2',
      status: 'Dropped',
      owner: '',
      title: 'Work on it',
      review: 'monthly',
      dueDate: '2026-01-01',
    };
    expect(rulesOf(check([...okrRows(), dropped]), 'KR2')).toEqual([]);
    const broken = { ...dropped, parent: 'O9', startDate: 'soon' };
    expect(rulesOf(check([...okrRows(), broken]), 'KR2')).toEqual(['structure/missing-parent', 'time-bound/bad-date']);
  });

  it('is deterministic and leaves the plan untouched', () => {
    const plan = planOf([{ ...OKR_O, owner: '' }, OKR_KR, { ...OKR_T, dueDate: 'x' }]);
    const before = JSON.stringify(plan.items);
    const first = checkPlan(plan, { today: TODAY });
    expect(checkPlan(plan, { today: TODAY })).toEqual(first);
    expect(JSON.stringify(plan.items)).toBe(before);
  });
});
