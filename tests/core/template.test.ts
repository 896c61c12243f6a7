import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import {
  checkPlan,
  COLUMNS,
  computeProgress,
  dayFromDate,
  examplesFor,
  FRAMEWORK_IDS,
  FRAMEWORKS,
  hasLiveProgress,
  parseCadence,
  readPlan,
  serialFromDay,
  templateFor,
  type CellValue,
  type FrameworkId,
} from '../../shared/index.js';
import { day } from './helpers.js';

const TODAY = day('2026-05-01');

function examplePlan(framework: FrameworkId, today = TODAY) {
  const spec = templateFor(framework, { examples: true, today });
  return { spec, plan: readPlan({ header: spec.header, rows: spec.rows }) };
}

describe('templateFor', () => {
  it.each(FRAMEWORK_IDS)('%s: gives the tools everything they write', (framework) => {
    const spec = templateFor(framework);
    expect(spec.framework).toBe(FRAMEWORKS[framework]);
    expect(spec.sheetName).toBe('Cascade');
    expect(spec.header).toEqual(COLUMNS.map((c) => c.header));
    expect(spec.columns.id).toBe(0);
    expect(spec.columns.check).toBe(COLUMNS.length - 1);
    expect(spec.rows).toEqual([]);
    expect(spec.formattedRows).toBe(200);
    expect(spec.frozenRows).toBe(1);
    const lists = Object.fromEntries(spec.validations.map((v) => [v.column, v.values]));
    expect(lists.level).toEqual([...FRAMEWORKS[framework].levels]);
    expect(lists.type).toEqual(['increase', 'decrease', 'at least', 'at most', 'milestone']);
    expect(lists.status).toEqual(['Not started', 'On track', 'At risk', 'Off track', 'Done', 'Paused', 'Dropped']);
    for (const cadence of lists.review) expect(parseCadence(cadence).state).toBe('ok');
    expect(spec.validations.find((v) => v.column === 'review')?.strict).toBe(false);
    expect(spec.dateColumns).toEqual(['startDate', 'dueDate', 'lastCheckIn']);
    expect(spec.percentColumns).toEqual(['progress']);
    expect(spec.computedColumns).toEqual(['progress', 'pace', 'check']);
    for (const c of COLUMNS) {
      expect(spec.widths[c.key]).toBeGreaterThan(40);
      expect(spec.notes[c.key]).toBeTruthy();
    }
    expect(
      spec.colours
        .filter((c) => c.column === 'pace')
        .map((c) => c.equals)
        .sort(),
    ).toEqual(['at risk', 'done', 'not started', 'off track', 'on track', 'overdue']);
    expect(spec.colours.filter((c) => c.column === 'status')).toHaveLength(6);
  });

  it('writes the live formula for any row, reading that row', () => {
    const spec = templateFor('okr');
    const formula = spec.progressFormula(57);
    expect(formula).toMatch(/^=IF\(LOWER\(TRIM\(O57\)\)="done",1,/);
    expect(formula).not.toMatch(/[A-Z]2\b/);
    expect(templateFor('okr', { allowOver: true }).progressFormula(2)).not.toContain('MIN(1');
    expect(templateFor('okr', { rows: 1000 }).formattedRows).toBe(1000);
  });
});

describe('templateFor with examples', () => {
  it.each(FRAMEWORK_IDS)('%s: examples read back as a plan of that framework, using every level', (framework) => {
    const { spec, plan } = examplePlan(framework);
    expect(plan.frameworkSource).toBe('inferred');
    expect(plan.framework.id).toBe(framework);
    expect(plan.items).toHaveLength(spec.rows.length);
    expect(new Set(plan.items.map((i) => i.level))).toEqual(new Set(FRAMEWORKS[framework].levels));
    expect(plan.tree.duplicateIds).toEqual([]);
    expect(plan.tree.inCycle.every((v) => v === 0)).toBe(true);
    for (const item of plan.items) {
      if (item.parentId !== '') expect(plan.tree.parent[item.index]).toBeGreaterThanOrEqual(0);
      for (const key of [
        'start',
        'target',
        'current',
        'startDate',
        'dueDate',
        'lastCheckIn',
        'review',
        'weight',
      ] as const) {
        expect(item[key].state, `${item.id} ${key}`).not.toBe('invalid');
      }
    }
    for (const row of spec.rows) {
      for (const col of [spec.columns.startDate, spec.columns.dueDate] as number[]) {
        const cell = row[col];
        if (cell !== null) expect((cell as Date).toISOString()).toMatch(/T00:00:00\.000Z$/);
      }
    }
  });

  it.each(FRAMEWORK_IDS)(
    '%s: examples pass the SMART check (the personal one shows the replanning warning on purpose)',
    (framework) => {
      const { plan } = examplePlan(framework);
      const findings = checkPlan(plan, { today: TODAY });
      const summary = findings.map((f) => `${f.id} ${f.rule}`);
      if (framework === 'personal') expect(summary).toEqual(['SG1.2 progress/overdue']);
      else expect(summary).toEqual([]);
    },
  );

  it.each(FRAMEWORK_IDS)('%s: the Progress cells evaluate to what the core computes', (framework) => {
    const { spec, plan } = examplePlan(framework);
    const sheet: CellValue[][] = [spec.header, ...spec.rows].map((row) =>
      row.map((cell) => (cell instanceof Date ? serialFromDay(dayFromDate(cell)) : cell)),
    );
    const hf = HyperFormula.buildFromArray(sheet as never, { licenseKey: 'gpl-v3', smartRounding: false });
    const core = computeProgress(plan, { today: TODAY });
    const col = spec.columns.progress as number;
    let live = 0;
    plan.items.forEach((item, i) => {
      const cell = spec.rows[i][col];
      if (hasLiveProgress(item)) {
        live++;
        expect(cell).toMatch(/^=IF\(/);
      } else {
        expect(typeof cell).toBe('number');
      }
      expect(hf.getCellValue({ sheet: 0, row: i + 1, col })).toBeCloseTo(core[i].progress as number, 12);
    });
    expect(live).toBeGreaterThan(0);
    hf.destroy();
  });

  it('holds the seed examples', () => {
    const progress = (framework: FrameworkId) => {
      const { plan } = examplePlan(framework);
      const values = computeProgress(plan, { today: TODAY });
      return new Map(plan.items.map((item, i) => [item.title, values[i]]));
    };
    const okr = progress('okr');
    expect(okr.get('Increase sales to $120 million')?.progress).toBe(0.5);
    expect(okr.get('Generate 1,000 qualified leads')?.progress).toBe(0.7);
    expect(okr.get('Achieve a Net Promoter Score (NPS) of 80')?.progress).toBe(0.5);
    expect([...okr.keys()]).toEqual(
      expect.arrayContaining(['Conduct customer surveys', 'Analyze the survey feedback']),
    );

    const { plan: project } = examplePlan('project');
    const goal = project.items[0];
    expect(goal.title).toBe("Migrate the client's infrastructure to AWS by July 10");
    const objectives = project.tree.children[goal.index].map((i) => project.items[i].title);
    expect(objectives).toEqual([
      'Complete the network architecture design by May 7',
      'Migrate 50% of workloads (40 of 80) to AWS by June 4',
      'Pass the security audit with 0 critical findings by July 2',
    ]);
    expect(project.items.map((i) => i.title)).toEqual(
      expect.arrayContaining([
        'Network design signed off',
        'Document the current VPC topology',
        'Draft the subnet allocation plan',
      ]),
    );

    const personal = progress('personal');
    expect(personal.get('Launch a side project in three months')).toBeDefined();
    expect(personal.get('Interview 5 potential users')?.status).toBe('overdue');
    expect(personal.get('Wednesday: write three landing-page CTA options')).toBeDefined();

    const { plan: alignment } = examplePlan('alignment');
    const task = alignment.items[alignment.items.length - 1];
    const chain = [task.index];
    for (let p = alignment.tree.parent[task.index]; p >= 0; p = alignment.tree.parent[p]) chain.push(p);
    expect(chain.map((i) => alignment.items[i].level)).toEqual([
      'Task',
      'Tactic',
      'Key Result',
      'Objective',
      'Outcome',
      'Vision',
      'Purpose',
    ]);
  });

  it('places dates around today, the same for the same today', () => {
    for (const framework of FRAMEWORK_IDS) {
      for (const today of [TODAY, day('2027-11-15')]) {
        const a = examplesFor(framework, today);
        expect(examplesFor(framework, today)).toEqual(a);
        const dues = a.flatMap((r) => (r.dueDate === undefined ? [] : [r.dueDate - today]));
        expect(dues.some((d) => d > 0)).toBe(true);
        expect(Math.max(...dues.map(Math.abs))).toBeLessThanOrEqual(120);
      }
    }
    const later = examplePlan('okr', day('2027-11-15')).plan;
    const pace = computeProgress(later, { today: day('2027-11-15') });
    expect(pace.filter((p) => p.status === 'overdue')).toEqual([]);
  });
});

describe('templateFor: bad input', () => {
  it('refuses a framework that does not exist', () => {
    expect(() => templateFor('scrum' as FrameworkId)).toThrow(RangeError);
  });
});

describe('hasLiveProgress', () => {
  it('is true where the live formula gives the core’s value, false where the tools must write it', () => {
    const plan = readPlan({
      header: ['ID', 'Level', 'Parent', 'Title', 'Type', 'Start', 'Target', 'Current', 'Status'],
      rows: [
        ['O1', 'Objective', '', 'roll-up', null, null, null, null, null],
        ['KR1', 'Key Result', 'O1', 'numbers', null, 0, 100, 40, null],
        ['KR2', 'Key Result', 'O1', 'text numbers', null, 0, '$120M', '$60M', null],
        ['KR3', 'Key Result', 'O1', 'text but done', null, 0, '1.5k', 10, 'Done'],
        ['KR5', 'Key Result', 'O1', 'plain numbers in text, as in a CSV', null, '0', '1,000', '45%', null],
        ['KR4', 'Key Result', 'O1', 'bad target', null, 0, 'lots', 10, null],
        ['M1', 'Milestone', 'O1', 'binary', null, null, null, 'done', null],
        ['T1', 'Task', 'KR1', 'plain task', null, null, null, null, 'Done'],
        // No check-in yet, but the Status says 58 %: the core counts 58 %, the formula would say 0.
        ['KR6', 'Key Result', 'O1', 'stated before a check-in', null, 0, 100, null, '🟡 58%'],
      ],
    });
    expect(plan.items.map((i) => [i.id, i.numbersAsText, hasLiveProgress(i)])).toEqual([
      ['O1', false, false],
      ['KR1', false, true],
      ['KR2', true, false],
      ['KR3', true, true],
      ['KR5', false, true],
      ['KR4', false, true],
      ['M1', false, true],
      ['T1', false, false],
      ['KR6', false, false],
    ]);
  });
});
