// Plans as managers already keep them: each layout read into levels, parents and IDs, with the
// reading described and guesses named.
import { describe, expect, it } from 'vitest';
import {
  findPlanHeaderRow,
  headerCandidateRow,
  HEADER_READ_ROWS,
  progressFormula,
  readPlan,
  MILESTONE_LEVEL_TEXTS,
  checkPlan,
  computeProgress,
  type Plan,
  type RawTable,
} from '../../shared/index.js';
import { day } from './helpers.js';

const shape = (plan: Plan) => plan.items.map((i) => [i.row, i.id, i.level, i.parentId, i.title]);

describe('side-by-side Objective / Key Result columns', () => {
  const sheet: RawTable = {
    header: ['Objective', 'Key Result', 'DRI', 'Baseline', 'Target', 'Current', 'Target Date'],
    rows: [
      ['O1: Grow revenue in EMEA', 'Sign 50 new SMB accounts', 'Ana', 0, 50, 20, '2026-06-30'],
      [null, 'Raise NPS from 40 to 60', 'Bo', 40, 60, 50, '2026-06-30'],
      // a merged cell read as the same text repeated
      ['Ship the v2 platform', 'Move 80% of traffic to v2', 'Cy', 0, 80, 10, '2026-09-30'],
      ['Ship the v2 platform', 'Cut p95 latency to 200 ms', 'Cy', 450, 200, 300, '2026-09-30'],
      ['Hire a data team', null, 'Dee', null, null, null, '2026-12-31'],
    ],
  };
  const plan = readPlan(sheet);

  it('makes each objective the parent of the key results beside and below it, with stable IDs', () => {
    expect(shape(plan)).toEqual([
      [2, 'O1', 'Objective', '', 'Grow revenue in EMEA'],
      [2, 'KR1.1', 'Key Result', 'O1', 'Sign 50 new SMB accounts'],
      [3, 'KR1.2', 'Key Result', 'O1', 'Raise NPS from 40 to 60'],
      [4, 'O2', 'Objective', '', 'Ship the v2 platform'],
      [4, 'KR2.1', 'Key Result', 'O2', 'Move 80% of traffic to v2'],
      [5, 'KR2.2', 'Key Result', 'O2', 'Cut p95 latency to 200 ms'],
      [6, 'O3', 'Objective', '', 'Hire a data team'],
    ]);
    expect(readPlan(sheet).items.map((i) => i.id)).toEqual(plan.items.map((i) => i.id));
    expect(plan.tree.children[0]).toEqual([1, 2]);
  });

  it('gives the row to the key result: the objective beside it owns no cell, one alone on its row owns its row', () => {
    expect(plan.items.map((i) => i.sharedRow === true)).toEqual([true, false, false, true, false, false, false]);
    expect(plan.items[0].owner).toBe('');
    expect(plan.items[1].owner).toBe('Ana');
    expect(plan.items[6].owner).toBe('Dee');
    expect(plan.items[2].target).toEqual({ state: 'ok', value: 60 });
  });

  it('says how it was read', () => {
    expect(plan.reading).toMatchObject({
      layout: 'side by side',
      levels: 'level columns',
      parents: 'level columns',
      ids: 'generated',
      guesses: [],
    });
    expect(plan.reading!.summary).toEqual([
      'Owner from DRI',
      'Start from Baseline',
      'Due date from Target Date',
      'levels from the Objective and Key Result columns',
      'IDs made up where none was written (O1, KR1.1, KR1.2, …)',
    ]);
    expect(plan.reading!.levelColumns.map((c) => [c.index, c.level])).toEqual([
      [0, 'Objective'],
      [1, 'Key Result'],
    ]);
  });
});

describe("an objective's cells written on its first key result's row", () => {
  // Owner and Due date written once per objective, as the objective is: on its group's first row,
  // blank on the key results below (a merged cell reads so). Target is on every key result's row.
  const sheet: RawTable = {
    header: ['Objective', 'Owner', 'Key Result', 'Target', 'Due'],
    rows: [
      ['Grow revenue in EMEA', 'Ana Ruiz', 'Sign 50 new SMB accounts', 50, '2026-06-30'],
      [null, null, 'Raise NPS from 40 to 60', 60, null],
      ['Ship the v2 platform', 'Cy Park', 'Move 80% of traffic to v2', 80, '2026-09-30'],
      [null, null, 'Cut p95 latency to 200 ms', 200, null],
      [null, null, 'Retire the v1 API', 1, null],
    ],
  };

  it('gives them to the objective, and the key results inherit its dates', () => {
    const plan = readPlan(sheet);
    const byTitle = (title: string) => plan.items.find((i) => i.title === title)!;
    expect(byTitle('Grow revenue in EMEA').owner).toBe('Ana Ruiz');
    expect(byTitle('Ship the v2 platform').owner).toBe('Cy Park');
    expect(byTitle('Sign 50 new SMB accounts').owner).toBe('');
    expect(byTitle('Ship the v2 platform').dueDate).toEqual({ state: 'ok', value: day('2026-09-30') });
    expect(byTitle('Move 80% of traffic to v2').dueDate.state).toBe('blank');
    // The measures stay the key result's.
    expect(byTitle('Sign 50 new SMB accounts').target).toEqual({ state: 'ok', value: 50 });
    expect(plan.reading!.summary).toContain("Owner written on each Objective's first row read as the Objective's");
    // Every key result is missing its owner (none is written), the objectives are not.
    const missing = checkPlan(plan, { today: day('2026-05-01') })
      .filter((f) => f.rule === 'owner/missing')
      .flatMap((f) => (f.rows ?? [f.row]).map(String));
    expect(missing.sort()).toEqual(['2', '3', '4', '5', '6']);
  });

  it('leaves them to the key results when the column is filled on their rows too, or when no group has two rows', () => {
    const everyRow = readPlan({
      ...sheet,
      rows: sheet.rows.map((row) => [row[0], row[1] ?? 'Bo Lee', row[2], row[3], row[4]]),
    });
    expect(everyRow.items.filter((i) => i.level === 'Objective').map((i) => i.owner)).toEqual(['', '']);
    expect(everyRow.items.find((i) => i.title === 'Sign 50 new SMB accounts')!.owner).toBe('Ana Ruiz');
    const oneEach = readPlan({ ...sheet, rows: [sheet.rows[0], sheet.rows[2]] });
    expect(oneEach.items.find((i) => i.title === 'Sign 50 new SMB accounts')!.owner).toBe('Ana Ruiz');
  });
});

describe('a "KR" column', () => {
  it('holds key results beside an Objective column, or the IDs when its cells are KR1, KR2', () => {
    const titles = readPlan({
      header: ['Objective', 'KR', 'Owner'],
      rows: [
        ['Grow', 'Sign 50 accounts', 'Ana'],
        [null, 'Raise NPS to 60', 'Bo'],
      ],
    });
    expect(titles.items.map((i) => [i.id, i.level, i.title])).toEqual([
      ['O1', 'Objective', 'Grow'],
      ['KR1.1', 'Key Result', 'Sign 50 accounts'],
      ['KR1.2', 'Key Result', 'Raise NPS to 60'],
    ]);
    const ids = readPlan({
      header: ['KR', 'Description', 'Target'],
      rows: [
        ['KR1', 'Sign 50 accounts', 50],
        ['KR2', 'Raise NPS to 60', 60],
      ],
    });
    expect(ids.items.map((i) => [i.id, i.level, i.title])).toEqual([
      ['KR1', 'Key Result', 'Sign 50 accounts'],
      ['KR2', 'Key Result', 'Raise NPS to 60'],
    ]);
  });
});

describe('more side-by-side sheets', () => {
  it('reads three level columns, a key result merged over its initiatives, and Goal beside Key Result as the objective', () => {
    const plan = readPlan({
      header: ['Goal', 'Key Result', 'Initiative', 'Owner'],
      rows: [
        ['Grow revenue', 'Sign 50 accounts', 'Hire two SDRs', 'Ana'],
        ['Grow revenue', 'Sign 50 accounts', 'Run a webinar series', 'Bo'],
        [null, 'Raise NPS to 60', 'Fix the top 10 support issues', 'Cy'],
      ],
    });
    expect(plan.items.map((i) => [i.id, i.level, i.parentId, i.title])).toEqual([
      ['O1', 'Objective', '', 'Grow revenue'],
      ['KR1.1', 'Key Result', 'O1', 'Sign 50 accounts'],
      ['T1.1.1', 'Task', 'KR1.1', 'Hire two SDRs'],
      ['T1.1.2', 'Task', 'KR1.1', 'Run a webinar series'],
      ['KR1.2', 'Key Result', 'O1', 'Raise NPS to 60'],
      ['T1.2.1', 'Task', 'KR1.2', 'Fix the top 10 support issues'],
    ]);
    expect(plan.framework.id).toBe('okr');
    expect(plan.reading!.summary).toContain('Goal read as Objective (beside Key Result)');
  });

  it('links a Parent that names its row by title when there is no ID column', () => {
    const plan = readPlan({
      header: ['Level', 'Title', 'Parent'],
      rows: [
        ['Objective', 'Grow', ''],
        ['Key Result', 'Sign 50', 'grow'],
      ],
    });
    expect(plan.items.map((i) => [i.id, i.parentId])).toEqual([
      ['O1', ''],
      ['KR1.1', 'O1'],
    ]);
  });
});

describe('a Spanish quarter-OKR table', () => {
  it('reads Objetivo / Resultado clave side by side, Responsable, Fecha límite and Estado', () => {
    const plan = readPlan({
      header: [
        'Objetivo',
        'Resultado clave',
        'Responsable',
        'Línea base',
        'Meta numérica',
        'Valor actual',
        'Fecha límite',
        'Estado',
      ],
      rows: [
        [
          'Mejorar la retención',
          'Reducir la rotación mensual del 5% al 3%',
          'Lucía',
          5,
          3,
          4,
          '2026-03-31',
          'On track',
        ],
        [null, 'Subir el NPS de 30 a 45', 'Marco', 30, 45, 38, '2026-03-31', 'At risk'],
      ],
    });
    expect(shape(plan)).toEqual([
      [2, 'O1', 'Objective', '', 'Mejorar la retención'],
      [2, 'KR1.1', 'Key Result', 'O1', 'Reducir la rotación mensual del 5% al 3%'],
      [3, 'KR1.2', 'Key Result', 'O1', 'Subir el NPS de 30 a 45'],
    ]);
    expect(plan.columns).toMatchObject({ owner: 2, start: 3, target: 4, current: 5, dueDate: 6, status: 7 });
    expect(plan.items[2].status).toBe('At risk');
  });

  it('matches headers ignoring case and accents, in German and French too', () => {
    const plan = readPlan({
      header: ['objetivo', 'RESULTADO CLAVE', 'Verantwortlich', 'Échéance', 'fecha limite'],
      rows: [['a', 'b', 'c', '2026-01-01', null]],
    });
    expect(plan.columns).toMatchObject({ owner: 2, dueDate: 3 });
  });
});

describe('O1: / KR1.2 prefixes', () => {
  it('reads level, ID and parent from prefixes in the titles, even with key results listed after all objectives', () => {
    const plan = readPlan({
      header: ['Description', 'Owner'],
      rows: [
        ['O1: Grow revenue', 'Ana'],
        ['O2: Ship v2', 'Cy'],
        ['KR1.1: Sign 50 accounts', 'Ana'],
        ['KR2.1 - Move 80% of traffic', 'Cy'],
        ['KR1.2) Raise NPS to 60', 'Bo'],
      ],
    });
    expect(shape(plan)).toEqual([
      [2, 'O1', 'Objective', '', 'Grow revenue'],
      [3, 'O2', 'Objective', '', 'Ship v2'],
      [4, 'KR1.1', 'Key Result', 'O1', 'Sign 50 accounts'],
      [5, 'KR2.1', 'Key Result', 'O2', 'Move 80% of traffic'],
      [6, 'KR1.2', 'Key Result', 'O1', 'Raise NPS to 60'],
    ]);
    expect(plan.reading).toMatchObject({ layout: 'prefixed', levels: 'prefixes', parents: 'id numbers' });
  });

  it('reads KR1 under the objective above it when the numbers restart per objective', () => {
    const plan = readPlan({
      header: ['KR', 'Title'],
      rows: [
        ['O1', 'Grow'],
        ['KR1', 'Sign 50'],
        ['KR2', 'NPS 60'],
        ['O2', 'Ship'],
        ['KR1', 'Move traffic'],
      ],
    });
    expect(plan.items.map((i) => [i.id, i.level, i.parentId])).toEqual([
      ['O1', 'Objective', ''],
      ['KR1', 'Key Result', 'O1'],
      ['KR2', 'Key Result', 'O1'],
      ['O2', 'Objective', ''],
      ['KR1', 'Key Result', 'O2'],
    ]);
  });
});

describe('an outline-numbered milestone CSV', () => {
  const plan = readPlan({
    header: ['#', 'Milestone', 'Target Date', 'Lead'],
    rows: [
      ['1', 'Private beta', '2026-03-31', 'Ana'],
      ['1.1', 'Invite 20 teams', null, 'Bo'],
      ['1.2', 'Ship the importer', null, 'Bo'],
      ['2', 'Public launch', '2026-06-30', 'Cy'],
      ['2.1', 'Pricing page live', null, 'Cy'],
    ],
  });
  it('reads depth as level and the number above as parent', () => {
    expect(shape(plan)).toEqual([
      [2, '1', 'Milestone', '', 'Private beta'],
      [3, '1.1', 'Task', '1', 'Invite 20 teams'],
      [4, '1.2', 'Task', '1', 'Ship the importer'],
      [5, '2', 'Milestone', '', 'Public launch'],
      [6, '2.1', 'Task', '2', 'Pricing page live'],
    ]);
    expect(plan.framework.id).toBe('project');
  });
  it('names the guesses: the # column as ID, and levels by depth', () => {
    expect(plan.reading!.guesses).toEqual(['ID from #', 'levels from the outline numbers in #: 1 Milestone, 1.1 Task']);
  });
});

describe('numeric and plural levels', () => {
  it('reads level numbers by depth and parents by the order of rows', () => {
    const plan = readPlan({
      header: ['Level', 'name', 'lead'],
      rows: [
        ['2', 'Grow', 'a'],
        ['3', 'Sign', 'b'],
        ['3', 'NPS', 'c'],
        ['2', 'Ship', 'd'],
      ],
    });
    expect(plan.items.map((i) => [i.id, i.level, i.parentId])).toEqual([
      ['O1', 'Objective', ''],
      ['KR1.1', 'Key Result', 'O1'],
      ['KR1.2', 'Key Result', 'O1'],
      ['O2', 'Objective', ''],
    ]);
    expect(plan.reading!.guesses).toEqual(['levels from the numbers in Level: 2 Objective, 3 Key Result']);
  });

  it('reads Objectives, KRs, Milestones, Initiative, Sub-goal and foreign names as levels', () => {
    const plan = readPlan({
      header: ['ID', 'Level', 'Parent', 'Title'],
      rows: [
        ['A', 'Objectives', '', 't'],
        ['B', 'KRs', 'A', 't'],
        ['C', 'Initiative', 'B', 't'],
        ['D', 'Milestones', '', 't'],
        ['E', 'Sub-goal', '', 't'],
        ['F', 'Resultado clave', '', 't'],
        ['G', 'Schlüsselergebnis', '', 't'],
      ],
    });
    expect(plan.items.map((i) => i.level)).toEqual([
      'Objective',
      'Key Result',
      'Task',
      'Milestone',
      'Subgoal',
      'Key Result',
      'Key Result',
    ]);
  });

  it('keeps the live Progress formula in step: a "Milestones" row counts as a milestone there too', () => {
    expect(MILESTONE_LEVEL_TEXTS).toEqual(
      expect.arrayContaining(['milestone', 'milestones', 'hito', 'meilenstein', 'jalon']),
    );
    const formula = progressFormula({ type: 'F', start: 'G', target: 'H', current: 'I', status: 'O', level: 'B' }, 2);
    for (const text of MILESTONE_LEVEL_TEXTS) expect(formula).toContain(`LOWER(TRIM(B2))="${text}"`);
  });
});

describe('an Asana-like goals export', () => {
  it('links parents named by title and reads levels by depth, as a guess', () => {
    const plan = readPlan({
      header: ['Name', 'Owner', 'Parent goal', 'Time period', 'Status', 'Current value', 'Target value'],
      rows: [
        ['Become the leading EU payroll tool', 'Ana', '', 'FY26', 'On track', null, null],
        ['Grow ARR to 12M', 'Bo', 'Become the leading EU payroll tool', 'H1 FY26', 'At risk', 8, 12],
        ['Launch in Spain', 'Cy', 'Become the leading EU payroll tool', 'Q2 FY26', 'On track', null, null],
      ],
    });
    expect(plan.items.map((i) => [i.id, i.level, i.parentId])).toEqual([
      ['G1', 'Goal', ''],
      ['SG1.1', 'Subgoal', 'G1'],
      ['SG1.2', 'Subgoal', 'G1'],
    ]);
    expect(plan.reading!.guesses).toContain('levels from the depth under Parent goal: top Goal, depth 2 Subgoal');
    expect(plan.reading!.guesses).toContain('Due date from Time period');
  });
});

describe('a mapping', () => {
  it('reads the columns a person names, and says so', () => {
    const plan = readPlan(
      { header: ['Theme', 'Result', 'Who', 'Tier'], rows: [['x', 'Sign 50', 'Ana', 'Key Result']] },
      { columns: { title: 'Result', owner: 'Who', level: 'tier' } },
    );
    expect(plan.items.map((i) => [i.title, i.owner, i.level])).toEqual([['Sign 50', 'Ana', 'Key Result']]);
    expect(plan.reading!.summary).toContain('Title from Result (as you mapped it)');
  });

  it('names the headers there are when a mapped header is not one of them', () => {
    expect(() => readPlan({ header: ['Theme', 'Result'], rows: [] }, { columns: { title: 'Key result' } })).toThrow(
      'no column is headed "Key result" (given for Title). The columns in row 1 are A "Theme", B "Result".',
    );
  });
});

describe('the header row, one finder for the command and the add-on', () => {
  it('finds a header below a title, by its known columns', () => {
    expect(findPlanHeaderRow([['Q3 OKRs, team Atlas'], [], ['Objective', 'Key Result', 'DRI'], ['a', 'b', 'c']])).toBe(
      2,
    );
    expect(findPlanHeaderRow([['Notes'], ['just', 'text']])).toBe(-1);
    expect(
      findPlanHeaderRow(
        [
          ['Theme', 'Result'],
          ['a', 'b'],
        ],
        { title: 'Result' },
      ),
    ).toBe(0);
  });
  it('takes a header whose titles are guessed from the cells when the plan reads from it, as readPlan reads it', () => {
    const milestones = [
      ['Date', 'Label', 'Owner'],
      ['2026-01-10', 'Kickoff with the team', 'Ana'],
      ['2026-06-10', 'Beta release to pilot users', 'Bo'],
    ];
    expect(findPlanHeaderRow(milestones)).toBe(0);
    // Below a title line (one cell): the table's own header row, not the title.
    expect(findPlanHeaderRow([['Q3 milestones of team Atlas'], [], ...milestones])).toBe(2);
    expect(headerCandidateRow([['Q3 milestones of team Atlas'], [], ...milestones])).toBe(2);
    // Titles but no levels to tell (no dates, no IDs): readPlan refuses it, so it is no header.
    expect(
      findPlanHeaderRow([
        ['Item', 'Cost'],
        ['Laptops', 12000],
      ]),
    ).toBe(-1);
    // With a mapping, only the row holding the mapped headers.
    expect(findPlanHeaderRow(milestones, { title: 'Thing' })).toBe(-1);
    // Decided from the rows at the top: rows past HEADER_READ_ROWS do not change the answer.
    const long = [...milestones, ...Array.from({ length: HEADER_READ_ROWS }, () => ['2026-01-10', '', ''])];
    expect(findPlanHeaderRow(long.slice(0, HEADER_READ_ROWS))).toBe(findPlanHeaderRow(long));
  });
  it('prefers a row with ID, Level and Title', () => {
    expect(
      findPlanHeaderRow([
        ['Name', 'Owner'],
        ['ID', 'Level', 'Title'],
      ]),
    ).toBe(1);
  });
});

describe("Cascade's own plans read as before", () => {
  it('leaves a plan with ID, Level and Parent columns as written, with nothing to say', () => {
    const plan = readPlan({
      header: ['ID', 'Level', 'Parent', 'Title'],
      rows: [
        ['O1', 'Objective', '', 'a'],
        ['KR1', 'Key Result', 'O1', 'b'],
        ['', 'Task', '', 'c'],
      ],
    });
    expect(plan.items.map((i) => [i.id, i.parentId])).toEqual([
      ['O1', ''],
      ['KR1', 'O1'],
      ['', ''],
    ]);
    expect(plan.reading).toMatchObject({
      layout: 'table',
      levels: 'level column',
      parents: 'parent column',
      ids: 'id column',
      summary: [],
      guesses: [],
    });
  });
});

describe('a flat list that names no level', () => {
  const milestones: RawTable = {
    header: ['name', 'description', 'rag', 'date'],
    rows: [
      ['Project Kickoff', 'Team onboarding', 'Green', '2026-01-12'],
      ['Architecture Approved', 'Through design authority', 'Amber', '2026-03-02'],
      ['Go-Live', 'Production cutover', 'Green', '2026-10-05'],
    ],
  };

  it('reads dated rows as top-level Milestones, and says it is a guess', () => {
    const plan = readPlan(milestones);
    expect(shape(plan)).toEqual([
      [2, 'M1', 'Milestone', '', 'Project Kickoff'],
      [3, 'M2', 'Milestone', '', 'Architecture Approved'],
      [4, 'M3', 'Milestone', '', 'Go-Live'],
    ]);
    expect(plan.reading).toMatchObject({
      layout: 'one level',
      levels: 'flat list',
      parents: 'none',
      oneLevel: 'Milestone',
    });
    expect(plan.reading!.guesses).toContain(
      'every row as a Milestone (no column names the levels; the rows have dates)',
    );
    expect(plan.reading!.summary).toContain(
      'every row as a Milestone (no column names the levels; the rows have dates)',
    );
  });

  it('reads a ticket list without dates as Tasks, with their checks and a typed progress', () => {
    const table: RawTable = {
      header: ['Key', 'Summary', 'Status', 'Progress'],
      rows: [
        ['CG-2', 'Add the approve menu', 'In progress', '40%'],
        ['CG-1', 'Write the login page', 'Done', ''],
      ],
      manualProgress: true,
    };
    const plan = readPlan(table);
    expect(shape(plan)).toEqual([
      [2, 'CG-2', 'Task', '', 'Add the approve menu'],
      [3, 'CG-1', 'Task', '', 'Write the login page'],
    ]);
    expect(computeProgress(plan, { today: day('2026-01-01') }).map((p) => p.progress)).toEqual([0.4, 1]);
    const rules = checkPlan(plan, { today: day('2026-01-01') }).map((f) => f.rule);
    expect(rules).toContain('owner/missing');
    expect(rules).not.toContain('structure/unknown-level');
  });

  it('takes a level the given framework has: Task when OKR has no Milestone', () => {
    expect(readPlan(milestones, { framework: 'okr' }).items.map((i) => i.level)).toEqual(['Task', 'Task', 'Task']);
  });

  it('still refuses a table with nothing to plan beside the titles', () => {
    expect(() => readPlan({ header: ['ID', 'Name', 'Amount'], rows: [['1', 'Rent', 1200]] })).toThrow(
      /cannot tell the rows' levels/,
    );
  });

  it('reads a milestone’s typed progress rather than "not reached", unless reached or given a Target', () => {
    const plan = readPlan({
      header: ['Title', 'Due date', 'Progress', 'Target', 'Current'],
      rows: [
        ['Consistent batches', '2025-12-31', '60', null, null],
        ['Samples shipped', '2025-10-31', '100', null, null],
        ['Pilot line', '2026-03-31', '30', 5, 5],
      ],
      manualProgress: true,
    });
    expect(plan.items.map((i) => i.level)).toEqual(['Milestone', 'Milestone', 'Milestone']);
    expect(computeProgress(plan, { today: day('2025-11-15') }).map((p) => p.progress)).toEqual([0.6, 1, 1]);
  });
});

describe('group columns and level columns in a surprising order', () => {
  it('reads a Phase column written as groups as the parents of the rows beside it', () => {
    const plan = readPlan({
      header: ['Phase', 'Task', 'Owner', 'Due'],
      rows: [
        ['Discovery', 'Interview ten users', 'Ana', '2026-02-01'],
        [null, 'Write the findings', 'Ana', '2026-02-15'],
        ['Build', 'Ship the beta', 'Bo', '2026-04-01'],
      ],
    });
    expect(
      plan.items.map((i) => [
        i.level,
        i.parentId === '' ? '' : plan.items.find((p) => p.id === i.parentId)!.title,
        i.title,
      ]),
    ).toEqual([
      ['Milestone', '', 'Discovery'],
      ['Task', 'Discovery', 'Interview ten users'],
      ['Task', 'Discovery', 'Write the findings'],
      ['Milestone', '', 'Build'],
      ['Task', 'Build', 'Ship the beta'],
    ]);
  });

  it('reads Project and Phase beside a Title column as three levels, the guesses named', () => {
    const plan = readPlan({
      header: ['Project', 'Phase', 'Title', 'Status'],
      rows: [
        ['Website', 'Design', 'Draw the wireframes', 'Done'],
        ['Website', 'Design', 'Pick the fonts', 'Not started'],
        ['Website', 'Launch', 'Move the DNS', 'Not started'],
        ['Shop', 'Launch', 'Open the shop', 'Not started'],
      ],
    });
    const titleOf = (id: string) => plan.items.find((p) => p.id === id)?.title ?? '';
    expect(plan.items.map((i) => [i.level, titleOf(i.parentId), i.title])).toEqual([
      ['Objective', '', 'Website'],
      ['Milestone', 'Website', 'Design'],
      ['Task', 'Design', 'Draw the wireframes'],
      ['Task', 'Design', 'Pick the fonts'],
      ['Milestone', 'Website', 'Launch'],
      ['Task', 'Launch', 'Move the DNS'],
      ['Objective', '', 'Shop'],
      ['Milestone', 'Shop', 'Launch'],
      ['Task', 'Launch', 'Open the shop'],
    ]);
    expect(plan.reading!.summary).toContain(
      'levels from the Project (Objective) and Phase (Milestone) columns and the rows under them as Tasks',
    );
    expect(plan.reading!.guesses).toEqual(
      expect.arrayContaining([
        'Project read as Objectives (a column that groups the rows)',
        'the rows under each Milestone in Phase read as Tasks',
      ]),
    );
  });

  it('reads an Objective column under a Milestone column as the milestones’ tasks, not upside down', () => {
    const plan = readPlan({
      header: ['Milestone', 'Objective', 'Status'],
      rows: [
        ['Feature Alpha', 'Implement secure login flow', 'In Progress'],
        [null, 'Add password reset', 'Completed'],
        ['Feature Beta', 'Design the ETL', 'Planned'],
      ],
    });
    expect(plan.items.map((i) => [i.level, i.title])).toEqual([
      ['Milestone', 'Feature Alpha'],
      ['Task', 'Implement secure login flow'],
      ['Task', 'Add password reset'],
      ['Milestone', 'Feature Beta'],
      ['Task', 'Design the ETL'],
    ]);
    expect(plan.reading!.guesses).toContain(
      'the rows in Objective read as Tasks (under the Milestones in Milestone, to its left)',
    );
    const rules = checkPlan(plan, { today: day('2026-01-15') }).map((f) => f.rule);
    expect(rules).not.toContain('structure/level-order');
    expect(rules).not.toContain('measurable/no-metric');
  });

  it('keeps Objective and Key Result beside a stray Title column side by side, the Title not read', () => {
    const plan = readPlan({
      header: ['Objective', 'Key Result', 'Title'],
      rows: [
        ['Grow', 'Sign 50 accounts', 'x'],
        [null, 'Raise NPS to 60', 'y'],
      ],
    });
    expect(plan.items.map((i) => [i.level, i.title])).toEqual([
      ['Objective', 'Grow'],
      ['Key Result', 'Sign 50 accounts'],
      ['Key Result', 'Raise NPS to 60'],
    ]);
  });
});

describe('IDs and prefixes that name one level', () => {
  it('reads a row whose ID carries no prefix (X1) as the level every other ID names', () => {
    const plan = readPlan({
      header: ['#', 'Meilenstein', 'Termin'],
      rows: [
        ['M01', 'Basis-Installation', '20.10.2019'],
        ['X1', 'Entwurf in BrickLink Studio', '27.10.2019'],
        ['M02', 'Steuerung über Sprache', '03.11.2019'],
        ['M03', 'Pixy-Kamera', '10.11.2019'],
        ['M04', 'Antriebssystem', '01.12.2019'],
      ],
    });
    expect(plan.reading!.levels).toBe('prefixes');
    expect(plan.items.map((i) => i.level)).toEqual(['Milestone', 'Milestone', 'Milestone', 'Milestone', 'Milestone']);
    expect(plan.reading!.summary).toContain(
      'the row without a level prefix read as Milestones (from the Meilenstein header)',
    );
  });

  it('reads a milestone column of repeated IDs (a report log) as the IDs, not as groups', () => {
    const rows = [
      ['MS1', 'Initiation', 'Planned'],
      ['MS1', 'Initiation', 'Complete'],
      ['MS2', 'Planning', 'Planned'],
      ['MS2', 'Planning', 'In Progress'],
      ['MS2', 'Planning', 'In Progress'],
      ['Plan', 'Baseline', 'Planned'],
      ['Plan', 'Baseline', 'In Progress'],
      ['Plan', 'Baseline', 'Complete'],
      ['MS3', 'Launch', 'Planned'],
      ['MS4', 'Closing', 'Planned'],
    ];
    const plan = readPlan({ header: ['Milestone', 'Description', 'Status'], rows });
    expect(plan.items).toHaveLength(rows.length);
    expect(plan.items.map((i) => i.id)).toEqual(rows.map((r) => r[0]));
    expect(new Set(plan.items.map((i) => i.level))).toEqual(new Set(['Milestone']));
  });
});

describe('title prefixes after the quick look at the first word', () => {
  it('still reads multi-word, accented and abbreviated level prefixes, and leaves other titles alone', () => {
    const plan = readPlan({
      header: ['Title', 'Owner'],
      rows: [
        ['Objetivo 1: Crecer en México', 'Ana'],
        ['Key Result 1.1 – Sign 50 accounts', 'Bo'],
        ['Résultat clé 1.2: Réduire le churn', 'Cy'],
        ['Sign 10 more partners', 'Dee'],
      ],
    });
    expect(plan.items.map((i) => [i.id, i.level, i.title])).toEqual([
      ['Objetivo1', 'Objective', 'Crecer en México'],
      ['KeyResult1.1', 'Key Result', 'Sign 50 accounts'],
      ['Résultatclé1.2', 'Key Result', 'Réduire le churn'],
      ['R1', null, 'Sign 10 more partners'],
    ]);
  });
});

describe('key-result numbers restarting under each objective', () => {
  const sheet: RawTable = {
    header: ['Objective', 'Key Result', 'Owner'],
    rows: [
      ['O1: Win the mid-market', 'KR1: Sign 30 accounts over 200 seats', 'Ana'],
      [null, 'KR2: Close 5 partner deals', 'Ana'],
      ['O2: Make onboarding self-serve', 'KR1: Cut setup time to 1 day', 'Bo'],
      [null, 'KR2: Reach 60% self-serve signups', 'Bo'],
    ],
  };

  it('reads KR1 under each objective as unique within it (KR2.1), with no duplicate-ID error', () => {
    const plan = readPlan(sheet);
    expect(shape(plan).map(([, id, , parent]) => [id, parent])).toEqual([
      ['O1', ''],
      ['KR1.1', 'O1'],
      ['KR1.2', 'O1'],
      ['O2', ''],
      ['KR2.1', 'O2'],
      ['KR2.2', 'O2'],
    ]);
    expect(plan.reading!.summary.join(' · ')).toContain('Key Result numbers restart under each parent');
    expect(checkPlan(plan, { today: day('2026-01-01') }).map((f) => f.rule)).not.toContain('structure/duplicate-id');
  });

  it('still reports the same number twice under one objective as a duplicate', () => {
    const twice: RawTable = {
      header: sheet.header,
      rows: [
        ['O1: Win the mid-market', 'KR1: Sign 30 accounts over 200 seats', 'Ana'],
        [null, 'KR1: Close 5 partner deals', 'Ana'],
      ],
    };
    const plan = readPlan(twice);
    expect(checkPlan(plan, { today: day('2026-01-01') }).map((f) => f.rule)).toContain('structure/duplicate-id');
  });
});
