import { describe, expect, it } from 'vitest';
import { check, one, only, rulesOf } from './helpers.js';
import {
  OKR_KR,
  OKR_O,
  OKR_T,
  okrRows,
  PERSONAL_G,
  PERSONAL_S,
  PERSONAL_T,
  PROJECT_G,
  PROJECT_M,
  PROJECT_O,
  PROJECT_T,
  projectRows,
} from './plans.js';

const noNumbers = { start: null, target: null, current: null };

describe('measurable/no-metric', () => {
  it('is an error on a Key Result with no number in Title, Start or Target', () => {
    const findings = check([OKR_O, { ...OKR_KR, ...noNumbers, title: 'Customers love the new onboarding' }, OKR_T]);
    const f = one(findings, 'measurable/no-metric', 'KR1');
    expect(f).toMatchObject({ row: 3, severity: 'error', column: 'target' });
    expect(f.message).toContain('"Customers love the new onboarding"');
    expect(f.hint).toContain('Target');
  });

  it('is an error on a project Objective', () => {
    const rows = [
      PROJECT_G,
      { ...PROJECT_O, ...noNumbers, title: 'Have the network architecture designed' },
      PROJECT_M,
      PROJECT_T,
    ];
    const f = one(check(rows), 'measurable/no-metric', 'O1');
    expect(f).toMatchObject({ row: 3, severity: 'error' });
    expect(f.hint).toContain('milestone');
  });

  it('is only a warning on a Subgoal', () => {
    const rows = [PERSONAL_G, { ...PERSONAL_S, ...noNumbers, title: 'Get the first users excited' }, PERSONAL_T];
    expect(one(check(rows), 'measurable/no-metric', 'S1').severity).toBe('warning');
  });

  it('does not count a deadline as a metric', () => {
    const rows = [OKR_O, { ...OKR_KR, ...noNumbers, title: 'Customers love onboarding by June 30' }, OKR_T];
    expect(one(check(rows), 'measurable/no-metric', 'KR1').severity).toBe('error');
  });

  it('does not apply to Milestones (binary), OKR Objectives, Goals or Tasks', () => {
    const rows = projectRows();
    rows[2] = { ...PROJECT_M, title: 'Network design signed off', type: null };
    expect(only(check(rows), 'measurable/no-metric')).toEqual([]);
    expect(only(check(okrRows()), 'measurable/no-metric')).toEqual([]); // O1 has no number and needs none
  });

  it('is satisfied by a number in the title, in Start or in Target, or by Type milestone', () => {
    const cases = [
      { title: 'Sign 50 new SMB accounts', target: 50 },
      { title: 'Customers love the new onboarding', target: 45 },
      { title: 'Customers love the new onboarding', start: 30, target: null },
      { title: 'Customers love the new onboarding', type: 'milestone', target: null },
      { title: 'Sign three new mid-market contracts', target: null },
    ];
    for (const kr of cases) {
      const findings = check([OKR_O, { ...OKR_KR, ...noNumbers, ...kr }, OKR_T]);
      expect(only(findings, 'measurable/no-metric'), kr.title).toEqual([]);
    }
  });

  it('leaves an unreadable Start or Target to progress/bad-number', () => {
    const findings = check([
      OKR_O,
      { ...OKR_KR, ...noNumbers, title: 'Customers love the new onboarding', target: 'lots' },
      OKR_T,
    ]);
    expect(rulesOf(findings, 'KR1')).toEqual(['progress/bad-number']);
  });
});

describe('measurable/no-target', () => {
  it('warns when the title has a number but Target is blank, so progress cannot be computed', () => {
    const findings = check([OKR_O, { ...OKR_KR, ...noNumbers, title: 'Sign 50 new SMB accounts by Q3' }, OKR_T]);
    const f = one(findings, 'measurable/no-target', 'KR1');
    expect(f).toMatchObject({ row: 3, severity: 'warning', column: 'target' });
    expect(f.message).toContain('"Sign 50 new SMB accounts by Q3"');
    expect(f.message).toContain('progress');
    expect(f.hint).toContain('Target');
  });

  it('offers the number of the title as the Target when there is one', () => {
    const title = (t: string) =>
      one(check([OKR_O, { ...OKR_KR, ...noNumbers, title: t }, OKR_T]), 'measurable/no-target', 'KR1').hint;
    expect(title('Sign 50 new SMB accounts by Q3')).toBe(
      'Put the value to reach in Target (50, as the title says) and the baseline in Start.',
    );
    expect(title('Grow MRR to $1.2M by June 30')).toBe(
      'Put the value to reach in Target ($1.2M, as the title says) and the baseline in Start.',
    );
    expect(title('Raise NPS from 30 to 45')).toBe('Put the value to reach in Target and the baseline in Start.');
  });

  it('does not warn with a Target, for Type milestone, nor on other levels', () => {
    expect(only(check(okrRows()), 'measurable/no-target')).toEqual([]);
    const milestone = check([
      OKR_O,
      { ...OKR_KR, ...noNumbers, type: 'milestone', title: 'Sign the 3 pilot contracts' },
      OKR_T,
    ]);
    expect(only(milestone, 'measurable/no-target')).toEqual([]);
    const objective = check([PROJECT_G, { ...PROJECT_O, ...noNumbers }, PROJECT_M, PROJECT_T]);
    expect(only(objective, 'measurable/no-target')).toEqual([]);
  });
});

describe('measurable/kr-is-task', () => {
  it.each([
    ['Conduct customer surveys', 'Conduct'],
    ['Launch the website', 'Launch'],
    ['Write docs', 'Write'],
    ['Set up the analytics dashboard', 'Set up'],
    ['Organising the partner summit', 'Organising'],
  ])('warns that the Key Result "%s" is a task (seeds 001, 003)', (title, verb) => {
    const findings = check([OKR_O, { ...OKR_KR, ...noNumbers, title }, OKR_T]);
    const f = one(findings, 'measurable/kr-is-task', 'KR1');
    expect(f).toMatchObject({ row: 3, severity: 'warning', column: 'title' });
    expect(f.message).toContain(`"${verb} …"`);
    expect(f.hint).toContain(`"${title}"`);
    expect(f.hint).toContain('Task under this Key Result');
  });

  it('does not warn when the activity carries a measurable outcome: "Launch 3 landing pages with 5% conversion"', () => {
    const findings = check([
      OKR_O,
      { ...OKR_KR, ...noNumbers, title: 'Launch 3 landing pages with 5% conversion', target: 5 },
      OKR_T,
    ]);
    expect(only(findings, 'measurable/kr-is-task')).toEqual([]);
  });

  it('does not warn when a Target measures it, nor about outcome wording, nor on Tasks', () => {
    const withTarget = check([OKR_O, { ...OKR_KR, title: 'Launch the website', start: 0, target: 1 }, OKR_T]);
    expect(only(withTarget, 'measurable/kr-is-task')).toEqual([]);
    const outcome = check([OKR_O, { ...OKR_KR, ...noNumbers, title: 'Customers love the new onboarding' }, OKR_T]);
    expect(only(outcome, 'measurable/kr-is-task')).toEqual([]);
    const task = check([OKR_O, OKR_KR, { ...OKR_T, title: 'Conduct customer surveys' }]);
    expect(only(task, 'measurable/kr-is-task')).toEqual([]);
  });

  it.each([
    ['Realizar encuestas a clientes', 'Realizar'],
    ['Mettre en place le design system', 'Mettre en place'],
    ['Réaliser des entretiens clients', 'Réaliser'],
    ['Kundenumfragen durchführen', 'durchführen'],
  ])('reads the verb of a Spanish, French or German task: "%s"', (title, verb) => {
    const f = one(check([OKR_O, { ...OKR_KR, ...noNumbers, title }, OKR_T]), 'measurable/kr-is-task', 'KR1');
    expect(f.message).toContain(`"${verb} …"`);
  });

  it.each([
    'Design system implementado',
    'Design system implemented across all teams',
    'Test coverage reached',
    'Designsystem eingeführt',
    'Refonte du site déployée',
  ])('looks at the verb, not the noun: "%s" states a result', (title) => {
    const findings = check([OKR_O, { ...OKR_KR, ...noNumbers, title }, OKR_T]);
    expect(only(findings, 'measurable/kr-is-task')).toEqual([]);
  });
});
