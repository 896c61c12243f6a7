import { describe, expect, it } from 'vitest';
import { duplicateColumns, PlanHeaderError, readPlan, type RawTable } from '../../shared/index.js';

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, none was thrown');
}
import { day, planOf, tableOf, type RowSpec } from './helpers.js';

describe('readPlan: header', () => {
  it('matches headers in any order, any case, with surrounding spaces, and keeps unknown columns', () => {
    const table: RawTable = {
      header: ['  title ', 'Notes', 'LEVEL', 'id', 'due  DATE', 'Parent ID', 'Last Check-in'],
      rows: [['Grow revenue to $2M', 'keep me', 'objective', 'O1', '2026-06-30', '', '2026-04-28']],
    };
    const plan = readPlan(table);
    expect(plan.columns).toEqual({ title: 0, level: 2, id: 3, dueDate: 4, parent: 5, lastCheckIn: 6 });
    expect(plan.header).toEqual(['title', 'Notes', 'LEVEL', 'id', 'due  DATE', 'Parent ID', 'Last Check-in']);
    const [item] = plan.items;
    expect(item).toMatchObject({ id: 'O1', level: 'Objective', title: 'Grow revenue to $2M', row: 2 });
    expect(item.dueDate).toEqual({ state: 'ok', value: day('2026-06-30') });
    expect(item.lastCheckIn).toEqual({ state: 'ok', value: day('2026-04-28') });
    // the table itself is never changed
    expect(table.rows[0][1]).toBe('keep me');
  });

  it('throws one PlanHeaderError naming the columns found and what to add', () => {
    const noTitle = () => readPlan({ header: ['Owner', 'Level'], rows: [] });
    expect(noTitle).toThrow(PlanHeaderError);
    expect(noTitle).toThrow(
      /^Row 1 is not a plan header: no column holds the rows' titles\. Found A "Owner", B "Level"\./,
    );
    const noLevels = () => readPlan({ header: ['ID', 'Lvl', 'Title'], rows: [['A', 'x', 'Grow']], headerRow: 4 });
    expect(noLevels).toThrow(
      /^Row 4 is not a plan header: Cascade cannot tell the rows' levels\. Found A "ID", B "Lvl", C "Title"\. Add a Level column/,
    );
    const error = catchError(noLevels) as PlanHeaderError;
    expect(error.where).toEqual({ row: 4, column: 'Level' });
    expect(error.found).toEqual(['A "ID"', 'B "Lvl"', 'C "Title"']);
    expect(error.missing).toBe('levels');
  });

  it('names a date or a boolean in a header row as a person wrote it, not as JavaScript prints it', () => {
    const week = new Date(Date.UTC(2026, 2, 17));
    const datedHeader = () => readPlan({ header: ['Owner', week, true], rows: [] });
    expect(datedHeader).toThrow(/Found A "Owner", B "2026-03-17", C "TRUE"\./);
  });

  it('rejects something that is not a table with a readable TypeError', () => {
    expect(() => readPlan({ header: 'ID,Level,Title', rows: [] } as unknown as RawTable)).toThrow(
      /Not a table of rows: header/,
    );
    expect(() => readPlan({ header: ['ID', 'Level', 'Title'], rows: [['x'], 'oops'] } as unknown as RawTable)).toThrow(
      TypeError,
    );
  });
});

describe('readPlan: rows', () => {
  it('numbers rows from the header row and skips blank rows, counting them', () => {
    const table: RawTable = {
      header: ['ID', 'Level', 'Title', 'Progress', 'Check'],
      rows: [
        ['O1', 'Objective', 'Sell 10 plans', null, null],
        [null, '', '   ', '', null],
        [null, null, null, 0.5, '✓'], // only computed cells: a template row with a formula
        [],
        ['KR1', 'KR', 'Reach 10 customers', null, null],
      ],
      headerRow: 3,
    };
    const plan = readPlan(table);
    expect(plan.items.map((i) => [i.index, i.row, i.id])).toEqual([
      [0, 4, 'O1'],
      [1, 8, 'KR1'],
    ]);
  });

  it('reads the words people use for Done, Paused and Dropped, and leaves other text unknown', () => {
    const statuses = [
      'Completed',
      'finished',
      'On hold',
      'Cancelled',
      'canceled',
      'To do',
      'In progress',
      'Someday maybe',
    ];
    const plan = planOf(
      statuses.map((Status, n) => ({ ID: `T${n}`, Level: 'Task', Title: 'Call three customers', Status })),
    );
    expect(plan.items.map((i) => i.status)).toEqual([
      'Done',
      'Done',
      'Paused',
      'Dropped',
      'Dropped',
      'Not started',
      'On track',
      null,
    ]);
    expect(plan.items[7].statusText).toBe('Someday maybe');
  });

  it('types every cell and keeps the text as written', () => {
    const plan = planOf([
      {
        ID: ' KR1.2 ',
        Level: ' key  RESULT ',
        Parent: 'o1',
        Title: 'Generate 1,000 qualified leads',
        Owner: 'Omar',
        Type: 'At Least',
        Start: '0',
        Target: '1,000',
        Current: 700,
        Unit: 'leads',
        'Start date': 'May 1, 2026',
        'Due date': new Date(Date.UTC(2026, 5, 30)),
        Review: 'Every 2 weeks',
        'Last check-in': 46143,
        Status: 'on TRACK',
        Weight: '2',
      },
    ]);
    const item = plan.items[0];
    expect(item).toMatchObject({
      id: 'KR1.2',
      level: 'Key Result',
      levelText: 'key  RESULT',
      parentId: 'o1',
      owner: 'Omar',
      type: 'at least',
      typeText: 'At Least',
      currentText: '700',
      unit: 'leads',
      status: 'On track',
      statusText: 'on TRACK',
    });
    expect(item.start).toEqual({ state: 'ok', value: 0 });
    expect(item.target).toEqual({ state: 'ok', value: 1000 });
    expect(item.current).toEqual({ state: 'ok', value: 700 });
    expect(item.startDate).toEqual({ state: 'ok', value: day('2026-05-01') });
    expect(item.dueDate).toEqual({ state: 'ok', value: day('2026-06-30') });
    expect(item.lastCheckIn).toEqual({ state: 'ok', value: day('2026-05-01') });
    expect(item.review).toEqual({ state: 'ok', value: { days: 14, text: 'Every 2 weeks' } });
    expect(item.weight).toEqual({ state: 'ok', value: 2 });
  });

  it('keeps unknown levels, types and statuses as text with a null value', () => {
    const [item] = planOf([
      { ID: 'X', Level: 'Epic', Title: 'Something big', Type: 'more is better', Status: 'Someday' },
    ]).items;
    expect(item).toMatchObject({
      level: null,
      levelText: 'Epic',
      type: null,
      typeText: 'more is better',
      status: null,
      statusText: 'Someday',
    });
  });

  it('turns bad cells into invalid values, never an exception', () => {
    const longTitle = 'Grow 🚀 '.repeat(1500);
    const [item] = planOf([
      {
        ID: '#REF!',
        Level: '#N/A',
        Title: longTitle,
        Target: '#REF!',
        Current: '#DIV/0!',
        'Due date': '#VALUE!',
        Review: '#REF!',
        Weight: 'heavy',
      },
    ]).items;
    expect(item.id).toBe('#REF!');
    expect(item.title.length).toBeGreaterThan(10_000);
    expect(item.title.startsWith('Grow 🚀')).toBe(true);
    expect(item.target).toEqual({ state: 'invalid', text: '#REF!' });
    expect(item.current).toEqual({ state: 'invalid', text: '#DIV/0!' });
    expect(item.dueDate).toEqual({ state: 'invalid', text: '#VALUE!' });
    expect(item.review).toEqual({ state: 'invalid', text: '#REF!' });
    expect(item.weight).toEqual({ state: 'invalid', text: 'heavy' });
  });

  it('reads numbers and booleans in text columns as text', () => {
    const [item] = planOf([{ ID: 17, Level: 'Task', Title: 12345, Owner: true, Current: true }]).items;
    expect(item).toMatchObject({ id: '17', title: '12345', owner: 'TRUE', currentText: 'TRUE' });
    expect(item.current).toEqual({ state: 'invalid', text: 'TRUE' });
  });

  it('reads an empty plan', () => {
    const plan = readPlan({ header: ['ID', 'Level', 'Title'], rows: [] });
    expect(plan.items).toEqual([]);
    expect(plan.framework.id).toBe('okr');
    expect(plan.frameworkSource).toBe('default');
  });
});

describe('readPlan: framework', () => {
  const rows: RowSpec[] = [
    { ID: 'G1', Level: 'Goal', Title: 'Launch a side project' },
    { ID: 'SG1', Level: 'Subgoal', Parent: 'G1', Title: 'Get 10 sign-ups' },
  ];

  it('infers the framework from the levels used', () => {
    expect(planOf(rows).framework.id).toBe('personal');
    expect(planOf(rows).frameworkSource).toBe('inferred');
    expect(
      planOf([
        { ID: 'O1', Level: 'Objective', Title: 'x' },
        { ID: 'K', Level: 'KR', Title: 'y' },
      ]).framework.id,
    ).toBe('okr');
    expect(planOf([{ ID: 'M1', Level: 'milestone', Title: 'x' }]).framework.id).toBe('project');
    expect(planOf([{ ID: 'P1', Level: 'Purpose', Title: 'x' }]).framework.id).toBe('alignment');
  });

  it('names the other frameworks its levels fit just as well, so the user can choose', () => {
    const goalAndTask = planOf([
      { ID: 'G1', Level: 'Goal', Title: 'x' },
      { ID: 'T1', Level: 'Task', Parent: 'G1', Title: 'y' },
    ]);
    expect(goalAndTask.framework.id).toBe('personal');
    expect(goalAndTask.frameworkAlternatives).toEqual(['project']);
    const tasks = planOf([{ ID: 'T1', Level: 'Task', Title: 'x' }]);
    expect(tasks.framework.id).toBe('okr');
    // alignment holds every OKR level: it is no other reading of a plan OKR fits
    expect(tasks.frameworkAlternatives).toEqual(['personal', 'project']);
    expect(
      planOf([
        { ID: 'O1', Level: 'Objective', Title: 'x' },
        { ID: 'K1', Level: 'KR', Parent: 'O1', Title: 'y' },
      ]).frameworkAlternatives,
    ).toEqual([]);
    expect(planOf(rows).frameworkAlternatives).toEqual([]);
    expect(planOf(rows, { framework: 'project' }).frameworkAlternatives).toEqual([]);
  });

  it('uses the framework given, even when the levels say otherwise', () => {
    const plan = planOf(rows, { framework: 'project' });
    expect(plan.framework.id).toBe('project');
    expect(plan.frameworkSource).toBe('given');
  });

  it('defaults to OKR when no level is known', () => {
    const plan = planOf([{ ID: 'A', Level: 'Epic', Title: 'x' }]);
    expect(plan.framework.id).toBe('okr');
    expect(plan.frameworkSource).toBe('default');
  });
});

describe('readPlan: options', () => {
  it('refuses a framework that does not exist, naming the choices', () => {
    expect(() => planOf([{ ID: 'O1', Level: 'Objective', Title: 'x' }], { framework: 'scrum' as never })).toThrow(
      /"scrum" is not a framework: use one of okr, project, alignment, personal\./,
    );
  });
});

describe('readPlan: the order of written dates like 06/07/2026', () => {
  const table = (dates: [string, string][]): RawTable => ({
    header: ['ID', 'Level', 'Parent', 'Title', 'Start date', 'Due date'],
    rows: dates.map(([start, due], k) => [`T${k + 1}`, 'Task', '', 'Write the launch plan', start, due]),
  });
  const due = (plan: ReturnType<typeof readPlan>, k: number) => plan.items[k].dueDate;

  it('reads them day first when another date of the plan can only be day first', () => {
    const plan = readPlan(
      table([
        ['01/04/2026', '30/06/2026'],
        ['', '06/07/2026'],
      ]),
    );
    expect(plan.items[0].startDate).toEqual({ state: 'ok', value: day('2026-04-01') });
    expect(due(plan, 1)).toEqual({ state: 'ok', value: day('2026-07-06') });
    expect(plan.dates).toEqual({
      order: 'day first',
      basis: 'plan',
      ambiguous: 2,
      example: { row: 2, column: 'startDate', text: '01/04/2026' },
      evidence: { row: 2, column: 'dueDate', text: '30/06/2026' },
    });
  });

  it('reads them month first, as US Sheets does, when nothing in the plan says otherwise, and says they are ambiguous', () => {
    const plan = readPlan(
      table([
        ['', '06/07/2026'],
        ['', '12/31/2026'],
      ]),
    );
    expect(due(plan, 0)).toEqual({ state: 'ok', value: day('2026-06-07') });
    expect(plan.dates).toMatchObject({ order: 'month first', basis: 'plan', ambiguous: 1 });
    const alone = readPlan(table([['', '06/07/2026']]));
    expect(alone.dates).toEqual({
      order: 'month first',
      basis: 'default',
      ambiguous: 1,
      example: { row: 2, column: 'dueDate', text: '06/07/2026' },
    });
  });

  it('says when a plan mixes both orders', () => {
    const plan = readPlan(
      table([
        ['30/06/2026', '12/31/2026'],
        ['', '06/07/2026'],
      ]),
    );
    expect(plan.dates).toMatchObject({ order: 'month first', basis: 'mixed', ambiguous: 1 });
    expect(due(plan, 1)).toEqual({ state: 'ok', value: day('2026-06-07') });
  });

  it('has nothing to say about plans without ambiguous dates', () => {
    expect(
      readPlan(
        table([
          ['2026-04-01', '30/06/2026'],
          ['', '05/05/2026'],
        ]),
      ).dates,
    ).toEqual({
      order: 'day first',
      basis: 'plan',
      ambiguous: 0,
      evidence: { row: 2, column: 'dueDate', text: '30/06/2026' },
    });
    expect(readPlan(table([['2026-04-01', '2026-06-30']])).dates).toEqual({
      order: 'month first',
      basis: 'default',
      ambiguous: 0,
    });
  });
});

describe('duplicateColumns', () => {
  it('names each known column that appears twice, also under another name, and which one is read', () => {
    expect(duplicateColumns(['ID', 'Level', 'Title', 'Owner', 'Due', 'owner ', 'Due date', 'Notes', 'Notes'])).toEqual([
      { key: 'owner', read: 3, ignored: [5] },
      { key: 'dueDate', read: 4, ignored: [6] },
    ]);
    expect(duplicateColumns(['ID', 'Level', 'Title'])).toEqual([]);
  });
});

describe('readPlan with releaseRows', () => {
  it('lets each row go once read (a large table and its items are never both whole) and reads the same plan', () => {
    const rows: RowSpec[] = [
      { ID: 'O1', Level: 'Objective', Title: 'Delight SMB customers', 'Due date': '2026-06-30' },
      {},
      { ID: 'KR1', Level: 'Key Result', Parent: 'O1', Title: 'Reach an NPS of 80', Start: 60, Target: 80 },
    ];
    const kept = tableOf(rows);
    const released = tableOf(rows);
    const plan = readPlan(released, { releaseRows: true });
    expect(released.rows.every((cells) => cells.length === 0)).toBe(true);
    expect(plan).toEqual(readPlan(kept));
    expect(kept.rows[0]).toContain('O1');
  });
});

describe('readPlan reads each repeated text once', () => {
  it('rows with the same date or number text share one read, and a re-read (day-first dates) still reaches every row', () => {
    const plan = planOf([
      { ID: 'O1', Level: 'Objective', Title: 'Delight SMB customers', 'Due date': '06/07/2026', Target: '1,000' },
      { ID: 'O2', Level: 'Objective', Title: 'Win the mid-market', 'Due date': '06/07/2026', Target: '1,000' },
      { ID: 'O3', Level: 'Objective', Title: 'Make onboarding effortless', 'Due date': '30/06/2026', Target: 5 },
    ]);
    const [o1, o2, o3] = plan.items;
    expect(o2.target).toBe(o1.target);
    expect(o1.target).toEqual({ state: 'ok', value: 1000 });
    // 30/06/2026 can only be day first: both 06/07/2026 rows are re-read as 6 July.
    expect(plan.dates?.order).toBe('day first');
    expect(o1.dueDate).toEqual({ state: 'ok', value: day('2026-07-06') });
    expect(o2.dueDate).toEqual({ state: 'ok', value: day('2026-07-06') });
    expect(o3.dueDate).toEqual({ state: 'ok', value: day('2026-06-30') });
  });
});
