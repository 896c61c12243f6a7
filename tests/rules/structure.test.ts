import { describe, expect, it } from 'vitest';
import { check, one, only, rulesOf } from './helpers.js';
import { OKR_KR, OKR_O, OKR_T, okrRows } from './plans.js';

describe('structure/duplicate-id', () => {
  it('flags the later row whose ID repeats an earlier one, ignoring case and spaces', () => {
    const findings = check([...okrRows(), { ...OKR_T, id: ' t1 ', title: 'Call 20 churned customers back' }]);
    const f = one(findings, 'structure/duplicate-id', 't1');
    expect(f).toMatchObject({ row: 5, severity: 'error', column: 'id' });
    expect(f.message).toContain('"t1"');
    expect(f.message).toContain('row 4');
    expect(f.hint).toMatch(/ID of its own/);
    expect(only(findings, 'structure/duplicate-id')).toHaveLength(1);
  });

  it('does not flag distinct IDs, nor several blank IDs (the tools fill those)', () => {
    const rows = [...okrRows(), { ...OKR_T, id: 'T2' }, { ...OKR_T, id: '' }, { ...OKR_T, id: '' }];
    expect(only(check(rows), 'structure/duplicate-id')).toEqual([]);
  });

  it('keeps the duplicate row free of childless noise: its would-be children belong to the first row', () => {
    const findings = check([...okrRows(), { ...OKR_O, title: 'Win back churned small-business customers' }]);
    expect(rulesOf(findings, 'O1')).toEqual(['structure/duplicate-id']);
  });
});

describe('structure/unknown-level', () => {
  it('flags a Level that is no level at all, listing the framework levels in the hint', () => {
    const findings = check([...okrRows(), { ...OKR_T, id: 'T2', level: 'Sprint' }]);
    const f = one(findings, 'structure/unknown-level', 'T2');
    expect(f).toMatchObject({ row: 5, severity: 'error', column: 'level' });
    expect(f.message).toContain('"Sprint"');
    expect(f.message).toContain('OKR');
    expect(f.hint).toContain('Objective, Key Result, Task');
  });

  it("flags a real level name that is not one of this framework's", () => {
    const findings = check([...okrRows(), { ...OKR_T, id: 'M1', level: 'Milestone' }], { framework: 'okr' });
    const f = one(findings, 'structure/unknown-level', 'M1');
    expect(f.message).toContain('"Milestone"');
  });

  it('flags a blank Level, and spares the row level-dependent noise', () => {
    const findings = check([...okrRows(), { id: 'X1', title: 'Something', owner: '' }]);
    const f = one(findings, 'structure/unknown-level', 'X1');
    expect(f.message).toContain('no Level');
    expect(rulesOf(findings, 'X1')).toEqual(['structure/unknown-level']);
  });

  it('accepts level names in any case and KR for Key Result', () => {
    const rows = okrRows();
    rows[0].level = 'OBJECTIVE';
    rows[1].level = 'kr';
    rows[2].level = ' task ';
    expect(check(rows)).toEqual([]);
  });
});

describe('structure/missing-parent', () => {
  it('flags a Parent that names no row', () => {
    const findings = check([OKR_O, { ...OKR_KR, parent: 'O9' }, OKR_T]);
    const f = one(findings, 'structure/missing-parent', 'KR1');
    expect(f).toMatchObject({ row: 3, severity: 'error', column: 'parent' });
    expect(f.message).toContain('"O9"');
    expect(f.hint).toMatch(/existing row/);
  });

  it('matches Parent to IDs ignoring case and spaces', () => {
    expect(check([OKR_O, { ...OKR_KR, parent: ' o1 ' }, { ...OKR_T, parent: 'kr1' }])).toEqual([]);
  });

  it('tells a top-level row that it needs no Parent at all', () => {
    const f = one(check([{ ...OKR_O, parent: 'G1' }, OKR_KR, OKR_T]), 'structure/missing-parent', 'O1');
    expect(f.hint).toContain('top level');
  });

  it('does not ask a Key Result with a broken Parent for a due date it may inherit once fixed', () => {
    const findings = check([OKR_O, { ...OKR_KR, parent: 'O9' }, OKR_T]);
    expect(rulesOf(findings, 'KR1')).toEqual(['structure/missing-parent']);
  });
});

describe('structure/cycle', () => {
  it('flags every row of a loop and shows the loop', () => {
    const findings = check([{ ...OKR_O, parent: 'KR1' }, OKR_KR, OKR_T]);
    const o = one(findings, 'structure/cycle', 'O1');
    expect(o).toMatchObject({ row: 2, severity: 'error', column: 'parent' });
    expect(o.message).toContain('O1 → KR1 → O1');
    expect(o.hint).toContain('Objective');
    const kr = one(findings, 'structure/cycle', 'KR1');
    expect(kr.message).toContain('KR1 → O1 → KR1');
    expect(one(findings, 'structure/cycle', 'KR1').row).toBe(3);
  });

  it('flags a row that is its own parent', () => {
    const f = one(check([OKR_O, { ...OKR_KR, parent: 'KR1' }, OKR_T]), 'structure/cycle', 'KR1');
    expect(f.message).toContain('KR1 → KR1');
  });

  it('does not pile derived findings on the loop (level order, after-parent, childless, inherited due date)', () => {
    const findings = check([{ ...OKR_O, parent: 'KR1' }, { ...OKR_KR, dueDate: '2026-12-31' }, OKR_T]);
    expect(rulesOf(findings, 'O1')).toEqual(['structure/cycle']);
    expect(rulesOf(findings, 'KR1')).toEqual(['structure/cycle']);
  });

  it('does not flag a row that merely hangs below a loop', () => {
    const findings = check([{ ...OKR_O, parent: 'KR1' }, OKR_KR, OKR_T]);
    expect(rulesOf(findings, 'T1')).not.toContain('structure/cycle');
  });

  it('keeps messages short on a long loop', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      ...OKR_KR,
      id: `K${i}`,
      parent: `K${(i + 1) % 1000}`,
    }));
    const cycles = only(check(rows), 'structure/cycle');
    expect(cycles).toHaveLength(1000);
    expect(cycles[0].message).toContain('K0 → K1 → K2');
    expect(cycles[0].message).toContain('…');
    expect(cycles[0].message.length).toBeLessThan(120);
  });
});

describe('structure/level-order', () => {
  it("flags a parent whose level is not above the row's", () => {
    const findings = check([...okrRows(), { ...OKR_KR, id: 'KR2', parent: 'T1', title: 'Sign 20 new partners' }]);
    const f = one(findings, 'structure/level-order', 'KR2');
    expect(f).toMatchObject({ row: 5, severity: 'error', column: 'parent' });
    expect(f.message).toContain('Task');
    expect(f.message).toContain('"Survey 200 customers about onboarding"');
    expect(f.hint).toContain('under an Objective');
  });

  it('flags a sibling-level parent', () => {
    const f = one(check([...okrRows(), { ...OKR_KR, id: 'KR2', parent: 'KR1' }]), 'structure/level-order', 'KR2');
    expect(f.message).toContain('Key Result');
  });

  it('flags a top-level row under anything', () => {
    const rows = [
      ...okrRows(),
      { ...OKR_O, id: 'O2', parent: 'O1', title: 'Win back churned small-business customers' },
    ];
    const f = one(check(rows), 'structure/level-order', 'O2');
    expect(f.hint).toContain('top level');
  });

  it('allows skipping a level: a Task straight under an Objective', () => {
    const findings = check([...okrRows(), { ...OKR_T, id: 'T2', parent: 'O1' }]);
    expect(only(findings, 'structure/level-order')).toEqual([]);
  });
});
