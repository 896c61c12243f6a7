import { describe, expect, it } from 'vitest';
import {
  convertPlan,
  formatColumnMapping,
  parseColumnMapping,
  previewRows,
  proposeMapping,
  readPlan,
  type RawTable,
} from '../../shared/index.js';

const sideBySide: RawTable = {
  header: ['Objective', 'Key Result', 'DRI', 'Target', 'Current', 'date', 'Notes', 'progress'],
  rows: [
    ['Grow revenue', 'Sign 50 new accounts', 'Ana', 50, 20, '2026-06-30', 'see deck', '40%'],
    [null, 'Raise NPS to 60', 'Bo', 60, 60, '2026-06-30', null, '100%'],
  ],
};

describe('parseColumnMapping', () => {
  it('reads Field=Header pairs, field names in any case, quoted headers with commas', () => {
    expect(parseColumnMapping('Title=Key result,owner=DRI, Due date = "Quarter, end"')).toEqual({
      title: 'Key result',
      owner: 'DRI',
      dueDate: 'Quarter, end',
    });
    expect(formatColumnMapping({ title: 'Key result', dueDate: 'Quarter, end' })).toBe(
      'Title=Key result,Due date="Quarter, end"',
    );
  });
  it('reads a level name as a column of that level, side by side', () => {
    expect(parseColumnMapping('Objective=Theme,Key Result=Result,Owner=Who')).toEqual({
      Objective: 'Theme',
      'Key Result': 'Result',
      owner: 'Who',
    });
    const plan = readPlan(
      {
        header: ['Theme', 'Result', 'Who'],
        rows: [
          ['Grow revenue', 'Sign 50 accounts', 'Ana'],
          [null, 'Raise NPS to 60', 'Bo'],
        ],
      },
      { columns: { Objective: 'Theme', 'Key Result': 'Result', owner: 'Who' } },
    );
    expect(plan.items.map((i) => [i.id, i.level, i.parentId, i.title, i.owner])).toEqual([
      ['O1', 'Objective', '', 'Grow revenue', ''],
      ['KR1.1', 'Key Result', 'O1', 'Sign 50 accounts', 'Ana'],
      ['KR1.2', 'Key Result', 'O1', 'Raise NPS to 60', 'Bo'],
    ]);
    expect(formatColumnMapping({ Objective: 'Theme', owner: 'Who' })).toBe('Objective=Theme,Owner=Who');
  });

  it('names a part that is not a field or not Field=Header', () => {
    expect(() => parseColumnMapping('Titel=Bar')).toThrow(/"Titel" is not a plan field; use one of ID, Level/);
    expect(() => parseColumnMapping('Title')).toThrow('"Title" is not Field=Header (for example Title=Key result).');
  });
});

describe('proposeMapping', () => {
  it('proposes a column per field with how it was recognised, and the level columns', () => {
    const proposal = proposeMapping(sideBySide);
    expect(proposal.mapping).toEqual({
      owner: 'DRI',
      target: 'Target',
      current: 'Current',
      dueDate: 'date',
      Objective: 'Objective',
      'Key Result': 'Key Result',
    });
    expect(proposal.fields.find((f) => f.key === 'dueDate')).toEqual({
      key: 'dueDate',
      label: 'Due date',
      header: 'date',
      index: 5,
      source: 'guess',
    });
    expect(proposal.fields.find((f) => f.key === 'title')).toMatchObject({ header: null, index: null });
    expect(proposal.levelColumns.map((c) => c.header)).toEqual(['Objective', 'Key Result']);
    expect(proposal.problem).toBeNull();
    expect(proposal.reading?.guesses).toEqual(['Due date from date']);
  });
  it('says why a table cannot be read yet, and reads it once mapped', () => {
    const unreadable: RawTable = { header: ['When', 'Count'], rows: [['2026-05-01', 3]] };
    expect(proposeMapping(unreadable).problem).toMatch(/no column holds the rows' titles/);
    const table: RawTable = { header: ['Theme', 'Result', 'Tier'], rows: [['x', 'Sign 50', 'Key Result']] };
    // The titles guessed from the cells (not the Theme groups), to start the mapping from.
    expect(proposeMapping(table).mapping.title).toBe('Result');
    const mapped = proposeMapping(table, { columns: { title: 'Result', level: 'Tier' } });
    expect(mapped.problem).toBeNull();
    expect(mapped.mapping).toEqual({ level: 'Tier', title: 'Result' });
    expect(previewRows(table, { columns: { title: 'Result', level: 'Tier' } })).toEqual([
      { row: 2, id: 'KR1', level: 'Key Result', levelText: 'Key Result', parent: '', title: 'Sign 50', owner: '' },
    ]);
  });
});

describe('convertPlan', () => {
  it("writes the canonical plan: ID, Level, Parent, Title filled, the person's other columns after Cascade's", () => {
    const spec = convertPlan(readPlan(sideBySide), { table: sideBySide });
    expect(spec.header.slice(0, 4)).toEqual(['ID', 'Level', 'Parent', 'Title']);
    expect(spec.header.slice(-2)).toEqual(['Notes', 'progress as written']);
    const col = (name: string) => spec.header.indexOf(name);
    expect(
      spec.rows.map((r) => [
        r[col('ID')],
        r[col('Level')],
        r[col('Parent')],
        r[col('Title')],
        r[col('Owner')],
        r[col('Notes')],
        r[col('progress as written')],
      ]),
    ).toEqual([
      ['O1', 'Objective', null, 'Grow revenue', null, null, null],
      ['KR1.1', 'Key Result', 'O1', 'Sign 50 new accounts', 'Ana', 'see deck', '40%'],
      ['KR1.2', 'Key Result', 'O1', 'Raise NPS to 60', 'Bo', null, '100%'],
    ]);
    expect(spec.rows[1][col('Due date')]).toEqual(new Date(Date.UTC(2026, 5, 30)));
    expect(String(spec.rows[1][col('Progress')])).toMatch(/^=IF\(/);
    // The converted plan reads back as Cascade's own, with nothing guessed.
    const again = readPlan({ header: spec.header, rows: spec.rows });
    expect(again.reading).toMatchObject({ layout: 'table', parents: 'parent column', summary: [], guesses: [] });
    expect(again.items.map((i) => [i.id, i.parentId])).toEqual([
      ['O1', ''],
      ['KR1.1', 'O1'],
      ['KR1.2', 'O1'],
    ]);
  });
});
