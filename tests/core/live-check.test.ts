// The live check's domain (shared/live-check.ts): which rows an edit re-checks and reads, and a check
// of the rows read that agrees with a full check of the plan.
import { describe, expect, it } from 'vitest';
import {
  MAX_CONTEXT_ROWS,
  checkPlan,
  checkSummaries,
  hasAmbiguousDate,
  liveFamily,
  liveSummaries,
  planDateOrder,
  planStructure,
  readPlan,
  settleDates,
  type CellValue,
} from '../../shared/index.js';
import { day, tableOf } from './helpers.js';

const HEADER_ROW = 3; // rows keep their sheet numbers: the first item is on row 4
const TODAY = day('2026-05-01');

// O1 ← KR1 ← T1, T2; O1 ← KR2; O2 ← KR3, a blank row before it. T2 has no owner, KR3 is overdue.
const TABLE = tableOf([
  { ID: 'O1', Level: 'Objective', Title: 'Grow revenue to 2M', Owner: 'Ana', 'Due Date': '2026-12-31' },
  {
    ID: 'KR1',
    Level: 'Key Result',
    Title: 'Sign 20 new customers',
    'Parent ID': 'O1',
    Owner: 'Ana',
    Start: 0,
    Current: 5,
    Target: 20,
    'Due Date': '2026-09-30',
  },
  { ID: 'T1', Level: 'Task', Title: 'Call 40 leads', 'Parent ID': 'KR1', Owner: 'Bo', 'Due Date': '2026-06-30' },
  { ID: 'T2', Level: 'Task', Title: 'Send 10 offers', 'Parent ID': 'KR1', Owner: '', 'Due Date': '2026-07-31' },
  {
    ID: 'KR2',
    Level: 'Key Result',
    Title: 'Keep churn under 3%',
    'Parent ID': 'O1',
    Owner: 'Cy',
    Start: 5,
    Current: 4,
    Target: 3,
    'Due Date': '2026-09-30',
  },
  { ID: 'O2', Level: 'Objective', Title: 'Ship the app', Owner: 'Di', 'Due Date': '2026-11-30' },
  { ID: '', Level: '', Title: '' },
  {
    ID: 'KR3',
    Level: 'Key Result',
    Title: 'Publish 3 releases',
    'Parent ID': 'O2',
    Owner: 'Di',
    Start: 0,
    Current: 1,
    Target: 3,
    'Due Date': '2026-03-31',
  },
]);
const FULL = readPlan({ ...TABLE, headerRow: HEADER_ROW });
const COLUMNS = FULL.columns;
const rowOf = (id: string) => FULL.items.find((item) => item.id === id)!.row;
const column = (index: number | undefined) => TABLE.rows.map((line) => line[index as number]);
const STRUCTURE = planStructure(
  { id: column(COLUMNS.id), level: column(COLUMNS.level), parent: column(COLUMNS.parent) },
  HEADER_ROW,
);

describe('planStructure', () => {
  it('reads the tree from the ID, Level and Parent columns alone, rows keeping their sheet numbers', () => {
    expect(STRUCTURE.plan.items.map((item) => [item.id, item.row])).toEqual(
      FULL.items.map((item) => [item.id, item.row]),
    );
    expect(STRUCTURE.plan.tree.parent).toEqual(FULL.tree.parent);
    expect(STRUCTURE.lastRow).toBe(rowOf('KR3'));
    expect(STRUCTURE.plan.framework.id).toBe('okr');
  });

  it('ends at the last row with a structure cell and keeps a framework chosen in Settings', () => {
    const cells = { id: ['P1', 'M1', '', ''], level: ['Project', 'Milestone', '', ''], parent: ['', 'P1', '', null] };
    const read = planStructure(cells, 1, 'project');
    expect(read.lastRow).toBe(3);
    expect(read.plan.framework.id).toBe('project');
  });
});

describe('liveFamily', () => {
  it('re-checks the edited row, its parent and children; reads their ancestors and descendants too', () => {
    const family = liveFamily(STRUCTURE.plan, { rows: [rowOf('KR1')] }, COLUMNS);
    expect(family.recheck).toEqual(['O1', 'KR1', 'T1', 'T2'].map(rowOf));
    // KR2 is O1's child: O1's roll-up needs it. O2's branch is untouched.
    expect(new Set(family.context)).toEqual(new Set(['O1', 'KR1', 'T1', 'T2', 'KR2'].map(rowOf)));
  });

  it('after a one-cell edit of an ID, re-checks the rows the old ID named', () => {
    // KR3's ID was "KR1" a moment ago: T1 and T2 lost their parent, and KR1 its duplicate.
    const oneCell = { col: COLUMNS.id as number, oldValue: 'KR1' };
    const family = liveFamily(STRUCTURE.plan, { rows: [rowOf('KR3')], oneCell }, COLUMNS);
    for (const id of ['KR3', 'O2', 'KR1', 'T1', 'T2']) expect(family.recheck).toContain(rowOf(id));
    // The same edit of another column names no rows.
    const title = liveFamily(
      STRUCTURE.plan,
      { rows: [rowOf('KR3')], oneCell: { col: COLUMNS.title as number, oldValue: 'KR1' } },
      COLUMNS,
    );
    expect(title.recheck).toEqual([rowOf('O2'), rowOf('KR3')]);
  });

  it('re-checks every row sharing the edited row’s ID', () => {
    const cells = {
      id: ['O1', 'K1', 'K1'],
      level: ['Objective', 'Key Result', 'Key Result'],
      parent: ['', 'O1', 'O1'],
    };
    const family = liveFamily(planStructure(cells, 1).plan, { rows: [3] }, { id: 0, level: 1, parent: 2 });
    expect(family.recheck).toEqual([2, 3, 4]);
  });

  it('reads at most MAX_CONTEXT_ROWS rows of descendants, however large the subtree', () => {
    const n = MAX_CONTEXT_ROWS + 500;
    const id = ['O1', ...Array.from({ length: n }, (_, i) => `K${i}`)];
    const level = ['Objective', ...id.slice(1).map(() => 'Key Result')];
    const parent = ['', ...id.slice(1).map(() => 'O1')];
    const family = liveFamily(
      planStructure({ id, level, parent }, 1).plan,
      { rows: [3] },
      { id: 0, level: 1, parent: 2 },
    );
    // K0's parent O1 is re-checked: its roll-up wants its 2,500 children, of which 2,000 rows are read.
    expect(family.recheck).toEqual([2, 3]);
    expect(family.context.length).toBe(MAX_CONTEXT_ROWS);
  });
});

describe('written dates that read two ways', () => {
  it('are read in the order of the whole plan’s dates, and turned into dates', () => {
    // 25/06/2026 can only be day first: so is 06/07/2026 in the same plan.
    const order = planDateOrder(
      { dueDate: ['25/06/2026', '06/07/2026', null], startDate: [null, '', '01/02/2026'] },
      1,
    );
    expect(order).toBe('day first');
    expect(planDateOrder({ dueDate: ['12/25/2026', '06/07/2026'] }, 1)).toBe('month first');
    const line: CellValue[] = ['T1', 'Task', 'Call', '06/07/2026'];
    const columns = { id: 0, level: 1, title: 2, dueDate: 3 };
    expect(hasAmbiguousDate([line], columns)).toBe(true);
    settleDates([line], columns, order);
    expect(line[3]).toBeInstanceOf(Date);
    expect((line[3] as Date).toISOString().slice(0, 10)).toBe('2026-07-06');
    expect(hasAmbiguousDate([line, ['T2', 'Task', 'x', '25/06/2026']], columns)).toBe(false);
  });
});

describe('liveSummaries', () => {
  it('gives each row re-checked the Check cell a full check gives it, from the family’s rows alone', () => {
    const full = checkSummaries(FULL, checkPlan(FULL, { today: TODAY }));
    const fullByRow = new Map(FULL.items.map((item, i) => [item.row, full[i]]));
    for (const edited of ['KR1', 'T2', 'KR3']) {
      const family = liveFamily(STRUCTURE.plan, { rows: [rowOf(edited)] }, COLUMNS);
      const cells = new Map(family.context.map((row) => [row, TABLE.rows[row - HEADER_ROW - 1]]));
      const header = TABLE.header;
      const summaries = liveSummaries({
        header,
        headerRow: HEADER_ROW,
        lastRow: STRUCTURE.lastRow,
        cells,
        framework: 'okr',
        today: TODAY,
        recheck: family.recheck,
      });
      expect([...summaries.keys()]).toEqual(family.recheck);
      for (const row of family.recheck) expect(summaries.get(row)).toBe(fullByRow.get(row));
    }
    // Not every row is clean, or the comparison would prove little.
    expect(full.some((text) => text !== '✓ OK')).toBe(true);
  });

  it('leaves the Check cell of a row that is not an item blank', () => {
    const blankRow = rowOf('O2') + 1;
    const cells = new Map([[blankRow, TABLE.rows[blankRow - HEADER_ROW - 1]]]);
    const summaries = liveSummaries({
      header: TABLE.header,
      headerRow: HEADER_ROW,
      lastRow: STRUCTURE.lastRow,
      cells,
      framework: 'okr',
      today: TODAY,
      recheck: [blankRow],
    });
    expect(summaries.get(blankRow)).toBe('');
  });
});
