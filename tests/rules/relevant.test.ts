import { describe, expect, it } from 'vitest';
import { check, one, only } from './helpers.js';
import {
  alignmentRows,
  OKR_KR,
  OKR_O,
  OKR_T,
  okrRows,
  PERSONAL_G,
  PERSONAL_S,
  personalRows,
  projectRows,
} from './plans.js';

describe('relevant/orphan', () => {
  it('warns about a row below the top level with a blank Parent, naming the level it should serve', () => {
    const findings = check([OKR_O, { ...OKR_KR, parent: '', dueDate: '2026-06-30' }, OKR_T]);
    const f = one(findings, 'relevant/orphan', 'KR1');
    expect(f).toMatchObject({ row: 3, severity: 'warning', column: 'parent' });
    expect(f.message).toContain('"Raise NPS from 30 to 45"');
    expect(f.message).toContain('Objective');
    expect(f.hint).toContain('Parent');
  });

  it('warns about a Task without a parent too (seed 004: goals disappear into the task list)', () => {
    const f = one(check([...okrRows(), { ...OKR_T, id: 'T2', parent: '' }]), 'relevant/orphan', 'T2');
    expect(f.message).toContain('Key Result');
  });

  it('does not warn about top-level rows', () => {
    expect(only(check(okrRows()), 'relevant/orphan')).toEqual([]);
    const rows = [
      ...okrRows(),
      { ...OKR_O, id: 'O2', title: 'Win back churned small-business customers' },
      { ...OKR_KR, id: 'KR2', parent: 'O2' },
    ];
    expect(only(check(rows), 'relevant/orphan')).toEqual([]);
  });

  it('applies below the Purpose in alignment: a Vision needs its Purpose', () => {
    const rows = alignmentRows();
    rows[1].parent = '';
    const f = one(check(rows, { framework: 'alignment' }), 'relevant/orphan', 'V1');
    expect(f.message).toContain('Purpose');
  });

  it('asks for a Parent column when the plan has none', () => {
    const findings = check(okrRows(), {
      columns: ['id', 'level', 'title', 'owner', 'dueDate', 'review', 'start', 'target'],
    });
    const f = one(findings, 'relevant/orphan', '');
    expect(f).toMatchObject({ row: 1, column: 'title', missingColumn: 'parent', rows: [3, 4] });
    expect(f.message).toBe('No Parent column: no parent on rows 3–4.');
    expect(f.hint).toContain('Add a "Parent" column');
  });
});

describe('relevant/childless', () => {
  it('warns about an Objective without Key Results, naming the next level and its ID', () => {
    const rows = [...okrRows(), { ...OKR_O, id: 'O2', title: 'Win back churned small-business customers' }];
    const f = one(check(rows), 'relevant/childless', 'O2');
    expect(f).toMatchObject({ row: 5, severity: 'warning', column: 'title' });
    expect(f.message).toContain('"Win back churned small-business customers"');
    expect(f.message).toContain('no Key Results');
    expect(f.hint).toContain('"O2"');
  });

  it('warns about a project Goal without Objectives, a Subgoal without Tasks and an Outcome without Objectives', () => {
    const goal = one(check(projectRows().slice(0, 1), { framework: 'project' }), 'relevant/childless', 'G1');
    expect(goal.message).toContain('no Objectives');
    const subgoal = one(check(personalRows().slice(0, 2)), 'relevant/childless', 'S1');
    expect(subgoal).toMatchObject({ severity: 'warning' });
    expect(subgoal.message).toContain('no Tasks');
    const outcome = one(check(alignmentRows().slice(0, 3), { framework: 'alignment' }), 'relevant/childless', 'OC1');
    expect(outcome.message).toContain('no Objectives');
  });

  it('does not warn about rows with a child, about Key Results or Tasks, nor about Done or Dropped rows', () => {
    expect(only(check(okrRows()), 'relevant/childless')).toEqual([]);
    const leaves = check([OKR_O, { ...OKR_KR }]);
    expect(only(leaves, 'relevant/childless')).toEqual([]);
    const finished = [
      ...okrRows(),
      { ...OKR_O, id: 'O2', title: 'Win back churned small-business customers', status: 'Done' },
      { ...OKR_O, id: 'O3', title: 'Open an office in the Lisbon area', status: 'Dropped' },
      { ...PERSONAL_G, level: 'Objective', id: 'O4' }, // has a child below
      { ...PERSONAL_S, level: 'Key Result', id: 'KR4', parent: 'O4' },
    ];
    expect(only(check(finished), 'relevant/childless')).toEqual([]);
  });
});
