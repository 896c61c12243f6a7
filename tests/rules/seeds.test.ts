// The seed documents' own examples, checked as their authors meant them.
import { describe, expect, it } from 'vitest';
import { check, checkExamples, examplePlan, one, only, rulesOf, TODAY } from './helpers.js';
import { checkPlan } from '../../shared/index.js';

describe('seed 001: the NPS example', () => {
  const objective = {
    id: 'O1',
    level: 'Objective',
    title: 'Enhance customer satisfaction',
    owner: 'Lena Park',
    startDate: '2026-04-01',
    dueDate: '2026-06-30',
    review: 'biweekly',
    lastCheckIn: '2026-04-28',
  };
  const kr = {
    id: 'KR1',
    level: 'Key Result',
    parent: 'O1',
    title: 'Achieve a Net Promoter Score (NPS) of 80',
    owner: 'Tom Baker',
    start: 62,
    target: 80,
    current: 71,
    review: 'weekly',
    lastCheckIn: '2026-04-28',
  };
  const tasks = [
    'Conduct customer surveys',
    'Analyze the survey feedback',
    'Implement the top 3 improvements',
    'Monitor NPS after each release',
  ].map((title, i) => ({
    id: `T${i + 1}`,
    level: 'Task',
    parent: 'KR1',
    title,
    owner: 'Mei Chen',
    dueDate: '2026-06-15',
  }));

  it('finds the Objective vague ("enhance" with no number) and the Key Result and its tasks fine', () => {
    const findings = check([objective, kr, ...tasks]);
    expect(one(findings, 'specific/vague', 'O1').message).toContain('"Enhance"');
    expect(findings.filter((f) => f.id !== 'O1')).toEqual([]);
  });

  it('flags the surveys as a Key Result: a task, not a result', () => {
    const findings = check([
      objective,
      { ...kr, title: 'Conduct customer surveys', start: null, target: null, current: null },
    ]);
    expect(rulesOf(findings, 'KR1')).toEqual(['measurable/no-metric', 'measurable/kr-is-task']);
  });

  it('is satisfied by "Improve NPS from 30 to 45"', () => {
    expect(
      check([
        objective,
        { ...kr, title: 'Improve NPS from 30 to 45', start: 30, target: 45, current: 35 },
        ...tasks,
      ]).filter((f) => f.id === 'KR1'),
    ).toEqual([]);
  });
});

describe('seed 003: sales and leads', () => {
  const objective = {
    id: 'O1',
    level: 'Objective',
    title: 'Grow sales to $120 million this year',
    owner: 'Carlos Mendes',
    startDate: '2026-01-01',
    dueDate: '2026-03-31',
    review: 'biweekly',
    lastCheckIn: '2026-03-25',
  };
  const sales = {
    id: 'KR1',
    level: 'Key Result',
    parent: 'O1',
    title: 'Increase Sales to $120 Million',
    owner: 'Nina Novak',
    start: 0,
    target: '$120 million',
    current: '$60 million',
    review: 'weekly',
    lastCheckIn: '2026-03-28',
  };
  const leads = {
    id: 'KR2',
    level: 'Key Result',
    parent: 'O1',
    title: 'Generate 1,000 Qualified Leads',
    owner: 'Omar Haddad',
    start: 0,
    target: '1,000',
    current: 700,
    review: 'weekly',
    lastCheckIn: '2026-03-28',
  };

  it('finds nothing wrong with either key result while the quarter runs', () => {
    expect(check([objective, sales, leads], { today: '2026-03-30' })).toEqual([]);
  });

  it('reports them overdue after the quarter at 50 % and 70 %, with the replanning choices', () => {
    const findings = check([objective, sales, leads], { today: '2026-04-10' });
    expect(one(findings, 'progress/overdue', 'KR1').message).toContain('is at 50%');
    expect(one(findings, 'progress/overdue', 'KR2').message).toContain('is at 70%');
    expect(one(findings, 'progress/overdue', 'O1').message).toContain('is at 60%');
  });

  it('asks for a Target when the number stays in the title', () => {
    const findings = check([objective, { ...sales, target: null, current: null }, leads], { today: '2026-03-30' });
    expect(one(findings, 'measurable/no-target', 'KR1').message).toContain('"Increase Sales to $120 Million"');
  });
});

describe('seed 000: the AWS migration', () => {
  const rows = [
    {
      id: 'G1',
      level: 'Goal',
      title: "Migrate a client's infrastructure to AWS by Q3",
      owner: 'Dana Ruiz',
      startDate: '2026-04-01',
      dueDate: '2026-09-30',
      review: 'monthly',
      lastCheckIn: '2026-04-10',
    },
    {
      id: 'O1',
      level: 'Objective',
      parent: 'G1',
      title: 'Complete the network architecture design by April 30',
      owner: 'Priya Shah',
      type: 'milestone',
      startDate: '2026-04-06',
      dueDate: '2026-04-30',
      review: 'weekly',
      lastCheckIn: '2026-04-13',
    },
    {
      id: 'M1',
      level: 'Milestone',
      parent: 'O1',
      title: 'Network design signed off',
      owner: 'Priya Shah',
      dueDate: '2026-04-30',
    },
    {
      id: 'T1',
      level: 'Task',
      parent: 'M1',
      title: 'Document current VPC topology',
      owner: 'Sam Lee',
      dueDate: '2026-04-17',
    },
    {
      id: 'T2',
      level: 'Task',
      parent: 'M1',
      title: 'Draft subnet allocation plan',
      owner: 'Sam Lee',
      dueDate: '2026-04-24',
    },
    {
      id: 'O2',
      level: 'Objective',
      parent: 'G1',
      title: 'Migrate 50% of workloads by June 15',
      owner: 'Marco Bianchi',
      start: 0,
      target: '50%',
      startDate: '2026-05-18',
      dueDate: '2026-06-15',
      review: 'weekly',
    },
    {
      id: 'M2',
      level: 'Milestone',
      parent: 'O2',
      title: 'First 20 workloads cut over',
      owner: 'Marco Bianchi',
      dueDate: '2026-06-01',
    },
    {
      id: 'O3',
      level: 'Objective',
      parent: 'G1',
      title: 'Pass security audit by July 31',
      owner: 'Aisha Khan',
      type: 'milestone',
      startDate: '2026-07-06',
      dueDate: '2026-07-31',
      review: 'weekly',
    },
    {
      id: 'M3',
      level: 'Milestone',
      parent: 'O3',
      title: 'Security audit report signed off',
      owner: 'Aisha Khan',
      dueDate: '2026-07-31',
    },
  ];

  it('checks clean as the seed writes it: sprint-sized objectives, one owner each, a weekly review', () => {
    expect(check(rows, { today: '2026-04-15' })).toEqual([]);
  });

  it('asks the done-or-not objectives for a measure when Type milestone is missing (a date is not a metric)', () => {
    const findings = check(
      rows.map((row) => ({ ...row, type: null })),
      { today: '2026-04-15' },
    );
    expect(only(findings, 'measurable/no-metric').map((f) => f.id)).toEqual(['O1', 'O3']);
  });

  it('flags an objective stretched over the whole goal, and a team as owner', () => {
    const stretched = rows.map((row) =>
      row.id === 'O2' ? { ...row, startDate: '2026-04-01', owner: 'the Ops team' } : row,
    );
    const findings = check(stretched, { today: '2026-04-15' });
    expect(one(findings, 'achievable/timeframe', 'O2').message).toContain('75 days');
    expect(one(findings, 'owner/shared', 'O2').message).toContain('"the Ops team"');
  });
});

describe('seed 004 and the templates: the examples Cascade writes pass its own check', () => {
  it.each(['okr', 'project', 'alignment'] as const)('%s examples have no findings', (framework) => {
    expect(checkPlan(examplePlan(framework), { today: TODAY })).toEqual([]);
  });

  it('personal examples show only the slipped subgoal, with the replanning choices of seed 004', () => {
    const findings = checkExamples('personal');
    expect(findings.map((f) => f.rule)).toEqual(['progress/overdue']);
    expect(findings[0].hint).toContain('keep the goal and shrink the next action');
    expect(findings[0].hint).toContain('pause it');
  });
});
