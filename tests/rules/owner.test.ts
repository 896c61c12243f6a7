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
  PERSONAL_T,
  projectRows,
} from './plans.js';

describe('owner/missing', () => {
  it('is an error on a Key Result without Owner', () => {
    const f = one(check([OKR_O, { ...OKR_KR, owner: '' }, OKR_T]), 'owner/missing', 'KR1');
    expect(f).toMatchObject({ row: 3, severity: 'error', column: 'owner' });
    expect(f.message).toContain('"Raise NPS from 30 to 45"');
    expect(f.hint).toContain('one accountable person');
  });

  it('is an error on Goal, Objective and Milestone', () => {
    const rows = projectRows().map((row) => ({ ...row, owner: '' }));
    const findings = check(rows);
    expect(one(findings, 'owner/missing', 'G1').severity).toBe('error');
    expect(one(findings, 'owner/missing', 'O1').severity).toBe('error');
    expect(one(findings, 'owner/missing', 'M1').severity).toBe('error');
    expect(one(findings, 'owner/missing', 'T1').severity).toBe('warning');
  });

  it('is only a warning on a Task and a Tactic', () => {
    expect(one(check([OKR_O, OKR_KR, { ...OKR_T, owner: '' }]), 'owner/missing', 'T1').severity).toBe('warning');
    const rows = alignmentRows();
    rows[5].owner = '';
    expect(one(check(rows, { framework: 'alignment' }), 'owner/missing', 'TC1').severity).toBe('warning');
  });

  it('does not apply to Purpose, Vision, Outcome or Subgoal', () => {
    const rows = alignmentRows().map((row) =>
      ['P1', 'V1', 'OC1'].includes(String(row.id)) ? { ...row, owner: '' } : row,
    );
    expect(only(check(rows, { framework: 'alignment' }), 'owner/missing')).toEqual([]);
    expect(only(check([PERSONAL_G, { ...PERSONAL_S, owner: '' }, PERSONAL_T]), 'owner/missing')).toEqual([]);
  });

  it('treats placeholders such as TBD as no owner, quoting them', () => {
    for (const owner of ['TBD', '?', 'n/a', '-', 'unassigned']) {
      const f = one(check([OKR_O, { ...OKR_KR, owner }, OKR_T]), 'owner/missing', 'KR1');
      expect(f.message).toContain(`"${owner}"`);
      expect(f.message).toContain('placeholder');
    }
  });

  it('asks once for an Owner column when the plan has none, pointing at the title and naming the rows', () => {
    const findings = check(okrRows(), {
      columns: ['id', 'level', 'parent', 'title', 'dueDate', 'review', 'start', 'target'],
    });
    const f = one(findings, 'owner/missing', '');
    expect(only(findings, 'owner/missing')).toHaveLength(1);
    expect(f).toMatchObject({ row: 1, column: 'title', missingColumn: 'owner', rows: [2, 3, 4], severity: 'error' });
    expect(f.hint).toContain('Add an "Owner" column');
  });
});

describe('owner/shared', () => {
  it.each(['Ana and Ben', 'Ana, Ben', 'Ana; Ben', 'Ana / Ben', 'Ana & Ben', 'Ana + Ben', 'ana@acme.com, ben@acme.com'])(
    'is an error when Owner names several people: "%s"',
    (owner) => {
      const f = one(check([OKR_O, { ...OKR_KR, owner }, OKR_T]), 'owner/shared', 'KR1');
      expect(f).toMatchObject({ row: 3, severity: 'error', column: 'owner' });
      expect(f.message).toContain(`"${owner}"`);
      expect(f.message).toContain('several people');
      expect(f.hint).toMatch(/"(Ana|ana@acme\.com)"/);
    },
  );

  it.each([
    'team',
    'The team',
    'Everyone',
    'all',
    'All hands',
    'Marketing',
    'sales',
    'Engineering',
    'IT',
    'HR',
    'Finance',
    'Ops',
    'Support',
    'Product',
    'Design',
    'Legal',
    'the Sales team',
    'Platform squad',
    'Finance Dept',
    'R&D',
    'Sales/Marketing',
    'marketing@acme.com',
  ])('is an error when Owner is a team label: "%s"', (owner) => {
    const f = one(check([OKR_O, { ...OKR_KR, owner }, OKR_T]), 'owner/shared', 'KR1');
    expect(f.message).toContain(`"${owner}"`);
    expect(f.message).toContain('team');
    expect(f.hint).toContain('one person');
  });

  it.each([
    'Ana Lima',
    'ana.lima@acme.com',
    'ana+okr@acme.com',
    'Ana Lima <ana@acme.com>',
    "Mary-Jane O'Neil",
    'Anders Andersen',
    'Alexandra Allman',
    'Mark Sales',
    'Dr. Ana Lima',
    'Li Wei (PM)',
    'Engineering Manager',
    'Sandy',
    'José Ñúñez',
    '李伟',
  ])('does not flag one person: "%s"', (owner) => {
    expect(only(check([OKR_O, { ...OKR_KR, owner }, OKR_T]), 'owner/shared')).toEqual([]);
  });

  it('applies to every level that has an owner, even those that need none', () => {
    const f = one(check([PERSONAL_G, { ...PERSONAL_S, owner: 'Alex and Sam' }, PERSONAL_T]), 'owner/shared', 'S1');
    expect(f.severity).toBe('error');
  });
});
