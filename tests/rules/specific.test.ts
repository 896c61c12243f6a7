import { describe, expect, it } from 'vitest';
import { check, one, only, rulesOf } from './helpers.js';
import { alignmentRows, OKR_KR, OKR_O, OKR_T, okrRows, PROJECT_G, projectRows } from './plans.js';

const vague = (title: string, row = OKR_O) => only(check([{ ...row, title }, ...okrRows().slice(1)]), 'specific/vague');

describe('specific/vague', () => {
  it('warns about vague wording with no number, quoting the title and the vague word (seed 000)', () => {
    const findings = check([{ ...OKR_O, title: 'Improve client satisfaction' }, OKR_KR, OKR_T]);
    const f = one(findings, 'specific/vague', 'O1');
    expect(f).toMatchObject({ row: 2, severity: 'warning', column: 'title' });
    expect(f.message).toContain('"Improve client satisfaction"');
    expect(f.message).toContain('"Improve"');
    expect(f.hint).toMatch(/how much/);
  });

  it.each([
    'Enhance the onboarding experience',
    'Make the product better for teams',
    'Optimize our checkout funnel',
    'Work on the partner programme',
    'Fix the billing bugs as soon as possible',
    'Ship the new pricing page ASAP',
    'Streamline how we handle refunds',
  ])('warns about "%s"', (title) => {
    expect(vague(title)).toHaveLength(1);
  });

  it('does not warn when the title carries a number: "Improve NPS from 30 to 45"', () => {
    expect(only(check([OKR_O, { ...OKR_KR, title: 'Improve NPS from 30 to 45' }, OKR_T]), 'specific/vague')).toEqual(
      [],
    );
  });

  it('does not warn when the number is in Target', () => {
    expect(
      only(
        check([OKR_O, { ...OKR_KR, title: 'Improve our Net Promoter Score', start: 30, target: 45 }, OKR_T]),
        'specific/vague',
      ),
    ).toEqual([]);
  });

  it('counts a date as no number: "Improve onboarding by June 30" is still vague', () => {
    expect(vague('Improve onboarding by June 30')).toHaveLength(1);
  });

  it('does not warn about outcome statements without vague words ("Reduce customer churn", seed 000)', () => {
    const rows = projectRows();
    rows[0] = { ...PROJECT_G, title: 'Reduce customer churn' };
    expect(only(check(rows), 'specific/vague')).toEqual([]);
  });

  it('does not mistake longer words for vague ones', () => {
    expect(vague('Betterment of the moreover list')).toEqual([]);
  });

  it('warns about a title under three words even with a number, and about a blank title', () => {
    const short = one(
      check([OKR_O, { ...OKR_KR, title: 'NPS 45', start: null, target: null }, OKR_T]),
      'specific/vague',
      'KR1',
    );
    expect(short.message).toContain('"NPS 45"');
    expect(short.message).toContain('under three words');
    const blank = one(check([OKR_O, OKR_KR, { ...OKR_T, title: '' }]), 'specific/vague', 'T1');
    expect(blank.message).toContain('no title');
  });

  it('stays quiet on a short title whose Start, Target and Current say what is measured', () => {
    const measured = { ...OKR_KR, title: 'Active channels', start: 1, target: 4, current: 2 };
    expect(only(check([OKR_O, measured, OKR_T]), 'specific/vague')).toEqual([]);
    expect(only(check([OKR_O, { ...measured, target: null }, OKR_T]), 'specific/vague')).toEqual([]);
    expect(
      only(check([OKR_O, { ...measured, start: null, target: null, current: null }, OKR_T]), 'specific/vague'),
    ).toHaveLength(1);
  });

  it('applies to Tasks too', () => {
    const f = one(check([OKR_O, OKR_KR, { ...OKR_T, title: 'Buy groceries' }]), 'specific/vague', 'T1');
    expect(f.message).toContain('"Buy groceries"');
  });

  it('counts words sensibly: emoji do not count, Chinese without spaces does', () => {
    expect(vague('🚀 🚀 Launch')).toHaveLength(1);
    expect(vague('提高客户满意度到八十分')).toEqual([]);
  });

  it('does not apply to Purpose and Vision', () => {
    const rows = alignmentRows();
    rows[0].title = 'Serve';
    rows[1].title = 'A better world';
    const findings = check(rows, { framework: 'alignment' });
    expect(only(findings, 'specific/vague')).toEqual([]);
  });

  it('leaves a Key Result that reads as a task to measurable/kr-is-task', () => {
    const findings = check([
      OKR_O,
      { ...OKR_KR, title: 'Write docs', start: null, target: null, current: null },
      OKR_T,
    ]);
    expect(rulesOf(findings, 'KR1')).toContain('measurable/kr-is-task');
    expect(rulesOf(findings, 'KR1')).not.toContain('specific/vague');
  });
});
