// A first sync into an empty parent page: the databases, their properties, the relations both
// ways and every value, field by field.
import { describe, expect, it } from 'vitest';
import { PROPERTIES } from '../../notion-sync/index.js';
import { database, databasesUnder, rowsOf } from './emulator/index.js';
import { expectInSync, mirrorOf, okrPlan, world } from './helpers.js';
import type { PlanRow } from './helpers.js';

describe('first sync', () => {
  it('creates one database per level, titled in the plural, with every property of the plan', async () => {
    const w = await world();
    const report = await w.sync(okrPlan());
    const dbs = databasesUnder(w.emu.model, w.parent);
    expect(dbs.map((d) => d.title)).toEqual(['Objectives', 'Key Results', 'Tasks']);
    const expected = {
      Name: 'title',
      'Cascade ID': 'rich_text',
      Owner: 'rich_text',
      'Owner (person)': 'people',
      Type: 'select',
      Start: 'number',
      Target: 'number',
      Current: 'number',
      Unit: 'rich_text',
      'Start date': 'date',
      'Due date': 'date',
      Review: 'rich_text',
      'Last check-in': 'date',
      'Last check-in note': 'rich_text',
      Status: 'select',
      Weight: 'number',
      Progress: 'number',
      'Pace status': 'select',
      Check: 'rich_text',
      Note: 'rich_text',
      'Cascade sync': 'rich_text',
    };
    expect(w.db('Objectives').schema).toEqual({ ...expected, 'Key Results': 'relation → Key Results' });
    expect(w.db('Key Results').schema).toEqual({
      ...expected,
      Parent: 'relation → Objectives',
      Tasks: 'relation → Tasks',
    });
    expect(w.db('Tasks').schema).toEqual({ ...expected, Parent: 'relation → Key Results' });
    const progress = w.db('Tasks').props.find((p) => p.name === 'Progress')!;
    expect(progress.number).toEqual({ format: 'percent' });
    const status = w.db('Tasks').props.find((p) => p.name === 'Status')!;
    expect(status.options!.map((o) => o.name)).toEqual([
      'Not started',
      'On track',
      'At risk',
      'Off track',
      'Done',
      'Paused',
      'Dropped',
    ]);
    expect(report.schema.map((s) => s.kind)).toEqual(['create database', 'create database', 'create database']);
  });

  it('makes the Parent relation two-way: the parent shows its children under the level in the plural', async () => {
    const w = await world();
    await w.sync(okrPlan());
    const parent = w.db('Key Results').props.find((p) => p.name === 'Parent')!;
    const reverse = w.db('Objectives').props.find((p) => p.name === 'Key Results')!;
    expect(parent.relation).toEqual({ dataSourceId: w.db('Objectives').dataSourceId, partner: reverse.id });
    expect(reverse.relation).toEqual({ dataSourceId: w.db('Key Results').dataSourceId, partner: parent.id });
    const objectives = w.rows('Objectives');
    const krs = w.rows('Key Results');
    expect(objectives.get('O1')!.values['Key Results']).toEqual([krs.get('KR1')!.id, krs.get('KR2')!.id]);
    expect(krs.get('KR1')!.values.Tasks).toHaveLength(2);
  });

  it('writes every value as the plan has it, with progress, pace and check from the core', async () => {
    const w = await world();
    await w.sync(okrPlan());
    expectInSync(w, okrPlan());
    // A few figures spelled out, so that the mirror and the core cannot be wrong together.
    const kr1 = w.rows('Key Results').get('KR1')!.values;
    expect(kr1).toMatchObject({
      Name: 'Sign 50 new SMB accounts',
      Start: 0,
      Target: 50,
      Current: 20,
      Unit: 'accounts',
      Progress: 0.4,
      'Pace status': 'on track',
      'Due date': '2026-06-30',
      Status: 'On track',
      Review: 'weekly',
      Check: '✓ OK',
    });
    expect(w.rows('Key Results').get('KR3')!.values).toMatchObject({ Type: 'decrease', Progress: 0.4 });
    expect(w.rows('Tasks').get('T1')!.values).toMatchObject({ Status: 'Done', Progress: 1, 'Pace status': 'done' });
  });

  it('creates exactly one page per row plus a constant number of calls', async () => {
    const w = await world();
    const report = await w.sync(okrPlan());
    const kinds = w.emu.countByKind();
    expect(kinds['pages.create']).toBe(8);
    expect(kinds['databases.create']).toBe(3);
    expect(kinds['pages.update'] ?? 0).toBe(0);
    expect(report.calls.total).toBe(w.emu.log.length);
    expect(report.databases.map((d) => d.created)).toEqual([2, 3, 3]);
  });

  it('sends a 10,000-character title in pieces Notion takes, and it arrives whole', async () => {
    const w = await world();
    const long = `${'Grow 🌱 revenue '.repeat(625).slice(0, 9_999)}!`;
    expect(long).toHaveLength(10_000);
    const rows = okrPlan();
    rows[0].Title = long;
    const report = await w.sync(rows);
    expect(report.rejected).toEqual([]);
    const stored = String(w.rows('Objectives').get('O1')!.values.Name);
    expect(stored.length).toBe(10_000);
    expect(stored === long, 'the title arrives whole').toBe(true);
    const create = w.emu.log.find((e) => e.kind === 'pages.create' && JSON.stringify(e.body).includes('Grow'))!;
    const pieces = (create.body as { properties: { Name: { title: { text: { content: string } }[] } } }).properties.Name
      .title;
    expect(pieces.length).toBe(5);
    expect(Math.max(...pieces.map((p) => p.text.content.length))).toBeLessThanOrEqual(2000);
    w.emu.clearLog();
    await w.sync(rows);
    expect(w.emu.writes()).toEqual([]);
  });

  it('shapes values Notion would refuse as they are: commas in a select, numbers past a double, dates with a time', async () => {
    const w = await world();
    const rows = okrPlan();
    rows[1] = {
      ...rows[1],
      Status: 'Stalled, waiting on legal',
      Type: 'grow, then hold',
      Target: '1e400',
      Weight: 'Infinity',
      'Due date': '2026-06-30T17:45:00',
    };
    const report = await w.sync(rows);
    expect(report.rejected).toEqual([]);
    expect(w.rows('Key Results').get('KR1')!.values).toMatchObject({
      Status: 'Stalled; waiting on legal',
      Type: 'grow; then hold',
      Target: null,
      Weight: null,
      'Due date': '2026-06-30',
    });
    type Sent = { properties?: Record<string, { number?: unknown; date?: { start: string } | null }> };
    const sent = w.emu.writes().flatMap((e) => Object.values((e.body as Sent).properties ?? {}));
    const dates = sent.map((v) => v.date?.start).filter((d) => d !== undefined);
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(date, 'a date without a time').toMatch(/^\d{4}-\d{2}-\d{2}$/);
    w.emu.clearLog();
    await w.sync(rows);
    expect(w.emu.writes()).toEqual([]);
  });

  it('links a task straight under an objective through a relation of its own', async () => {
    const w = await world();
    const rows: PlanRow[] = [
      ...okrPlan(),
      {
        ID: 'T9',
        Level: 'Task',
        Parent: 'O2',
        Title: 'Record a welcome video',
        Owner: 'Jon Ito',
        'Due date': '2026-05-20',
      },
    ];
    await w.sync(rows);
    expect(w.db('Tasks').schema['Parent (Objective)']).toBe('relation → Objectives');
    expect(w.db('Objectives').schema.Tasks).toBe('relation → Tasks');
    const t9 = w.rows('Tasks').get('T9')!.values;
    expect(t9['Parent (Objective)']).toEqual([w.rows('Objectives').get('O2')!.id]);
    expect(t9.Parent).toEqual([]);
    expect(w.rows('Objectives').get('O2')!.values.Tasks).toEqual([w.rows('Tasks').get('T9')!.id]);
  });

  it('leaves out rows it cannot key, and says why', async () => {
    const w = await world();
    const rows: PlanRow[] = [
      ...okrPlan(),
      { ID: '', Level: 'Task', Parent: 'KR1', Title: 'A task without an ID' },
      { ID: 'KR1', Level: 'Key Result', Parent: 'O1', Title: 'A second KR1' },
      { ID: 'E1', Level: 'Epic', Title: 'Not a level of OKR' },
    ];
    const report = await w.sync(rows);
    expect(report.warnings.join('\n')).toMatch(/Row 10 is not mirrored: no ID/);
    expect(report.warnings.join('\n')).toMatch(/Row 11 \(KR1\) is not mirrored: its ID repeats/);
    expect(report.warnings.join('\n')).toMatch(/Row 12 \(E1\) is not mirrored: level "Epic"/);
    expect(w.rows('Key Results').get('KR1')!.values.Name).toBe('Sign 50 new SMB accounts');
    expect(rowsOf(w.emu.model, w.db('Tasks').dataSourceId)).toHaveLength(3);
  });

  it('mirrors each framework with its own levels', async () => {
    const w = await world();
    const rows: PlanRow[] = [
      {
        ID: 'G1',
        Level: 'Goal',
        Title: "Migrate the client's infrastructure to AWS by July 31",
        Owner: 'Dana Ruiz',
        'Due date': '2026-07-31',
      },
      {
        ID: 'O1',
        Level: 'Objective',
        Parent: 'G1',
        Title: 'Migrate 50% of workloads',
        Owner: 'Priya Shah',
        Start: 0,
        Target: 40,
        Current: 10,
        'Due date': '2026-05-15',
      },
      {
        ID: 'M1',
        Level: 'Milestone',
        Parent: 'O1',
        Title: 'Network design signed off',
        Owner: 'Marco Bianchi',
        Type: 'milestone',
        Current: 'done',
        'Due date': '2026-04-30',
      },
      {
        ID: 'T1',
        Level: 'Task',
        Parent: 'M1',
        Title: 'Document the current VPC topology',
        Owner: 'Sam Lee',
        'Due date': '2026-04-20',
        Status: 'Done',
      },
    ];
    await w.sync(rows);
    expect(databasesUnder(w.emu.model, w.parent).map((d) => d.title)).toEqual([
      'Goals',
      'Objectives',
      'Milestones',
      'Tasks',
    ]);
    expect(database(w.emu.model, w.parent, 'Milestones').schema.Parent).toBe('relation → Objectives');
    expectInSync(w, rows);
    expect(w.rows('Milestones').get('M1')!.values.Progress).toBe(1);
  });

  it('builds the desired state from shared/ alone: every property the plan has is mirrored', () => {
    const mirror = mirrorOf(okrPlan());
    expect(mirror.levels.map((l) => l.rows.length)).toEqual([2, 3, 3]);
    expect(Object.keys(mirror.levels[1].rows[0].values).sort()).toEqual(PROPERTIES.map((p) => p.key).sort());
  });
});
