// The mirror in a workspace where people work too: their databases are never written, two plans
// under one page stay apart, our databases are found again however people rename, decorate or move
// them, a database in the trash stops the run, and renamed properties are followed, not fought.
import { Client } from '@notionhq/client';
import { describe, expect, it } from 'vitest';
import { SyncError } from '../../notion-sync/index.js';
import { databasesUnder, rowsOf } from './emulator/index.js';
import { expectInSync, mirrorOf, okrPlan, world } from './helpers.js';
import type { PlanRow, World } from './helpers.js';

function person(w: World): Client {
  const someone = w.emu.addPerson('Ana Silva', 'ana@example.com');
  return new Client({ auth: someone.token, baseUrl: w.emu.url, retry: false, logger: () => {} });
}

/** The team's own "Tasks" database: a Notion status property and three pages in progress. */
async function teamTasks(w: World, notion: Client): Promise<{ databaseId: string; dataSourceId: string }> {
  const db = (await notion.databases.create({
    parent: { type: 'page_id', page_id: w.parent },
    title: [{ text: { content: 'Tasks' } }],
    is_inline: true,
    initial_data_source: { properties: { Name: { title: {} }, Status: { status: {} } as never } },
  })) as unknown as { id: string; data_sources: { id: string }[] };
  const dataSourceId = db.data_sources[0].id;
  for (const name of ['Fix the login page', 'Plan the offsite', 'Hire a designer']) {
    await notion.pages.create({
      parent: { type: 'data_source_id', data_source_id: dataSourceId },
      properties: { Name: { title: [{ text: { content: name } }] }, Status: { status: { name: 'In progress' } } },
    });
  }
  return { databaseId: db.id, dataSourceId };
}

function projectPlan(): PlanRow[] {
  return [
    {
      ID: 'G1',
      Level: 'Goal',
      Title: 'Open the Lisbon office by September',
      Owner: 'Rita Gomes',
      'Due date': '2026-09-30',
    },
    {
      ID: 'O1',
      Level: 'Objective',
      Parent: 'G1',
      Title: 'Find and fit out the office space',
      Owner: 'Rita Gomes',
      'Due date': '2026-07-31',
    },
    {
      ID: 'M1',
      Level: 'Milestone',
      Parent: 'O1',
      Title: 'Lease signed',
      Owner: 'Rita Gomes',
      'Due date': '2026-06-15',
    },
    {
      ID: 'T1',
      Level: 'Task',
      Parent: 'M1',
      Title: 'Visit five buildings',
      Owner: 'Paulo Reis',
      'Due date': '2026-05-30',
    },
  ];
}

describe('ownership', () => {
  it("never writes to a team's own database that has a level's title; ours gets a distinct title", async () => {
    const w = await world();
    const notion = person(w);
    const team = await teamTasks(w, notion);
    const before = JSON.stringify(rowsOf(w.emu.model, team.dataSourceId));
    const report = await w.sync(okrPlan());
    expect(w.emu.log.filter((e) => e.write && e.path.includes(team.dataSourceId.replace(/-/g, '')))).toEqual([]);
    expect(w.emu.log.filter((e) => e.write && e.path.includes(team.dataSourceId))).toEqual([]);
    expect(JSON.stringify(rowsOf(w.emu.model, team.dataSourceId))).toBe(before);
    expect(w.emu.model.dataSources.get(team.dataSourceId)!.props.map((p) => `${p.name}:${p.type}`)).toEqual([
      'Name:title',
      'Status:status',
    ]);
    expect(databasesUnder(w.emu.model, w.parent).map((d) => d.title)).toEqual([
      'Tasks',
      'Objectives',
      'Key Results',
      'Tasks (company-okrs)',
    ]);
    expect(report.schema.map((s) => s.database)).toContain('Tasks (company-okrs)');
    const ours = databasesUnder(w.emu.model, w.parent).find((d) => d.title === 'Tasks (company-okrs)')!;
    expect(rowsOf(w.emu.model, ours.dataSourceId).map((r) => r.values['Cascade ID'])).toEqual(['T1', 'T2', 'T3']);
    w.emu.clearLog();
    await w.sync(okrPlan());
    expect(w.emu.writes()).toEqual([]);
  });

  it('stops with one line when both the title and the distinct title are taken by databases not ours', async () => {
    const w = await world();
    const notion = person(w);
    await teamTasks(w, notion);
    await notion.databases.create({
      parent: { type: 'page_id', page_id: w.parent },
      title: [{ text: { content: 'Tasks (company-okrs)' } }],
      initial_data_source: { properties: { Name: { title: {} } } },
    });
    w.emu.clearLog();
    const error = await w.sync(okrPlan()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).message).toBe(
      'The parent page already has databases titled "Tasks" and "Tasks (company-okrs)" that are not this plan\'s; rename one of them in Notion, or give this plan another key (--plan).',
    );
    expect(w.emu.writes()).toEqual([]);
  });

  it('keeps two plans under one parent page fully apart, even with the same IDs', async () => {
    const w = await world();
    await w.sync(okrPlan());
    const okr = { objectives: w.rows('Objectives'), tasks: w.rows('Tasks') };
    const project = mirrorOf(projectPlan(), { framework: 'project' });
    const report = await w.sync(project, { plan: { key: 'lisbon-office', name: 'Lisbon office' } });
    expect(report.changes.filter((c) => c.kind === 'trash')).toEqual([]);
    expect(report.schema.map((s) => s.database)).toEqual([
      'Goals',
      'Objectives (Lisbon office)',
      'Milestones',
      'Tasks (Lisbon office)',
    ]);
    // The OKR plan's pages are exactly as they were.
    expect(w.rows('Objectives')).toEqual(okr.objectives);
    expect(w.rows('Tasks')).toEqual(okr.tasks);
    expectInSync(w, okrPlan());
    const lisbonTasks = databasesUnder(w.emu.model, w.parent).find((d) => d.title === 'Tasks (Lisbon office)')!;
    expect(rowsOf(w.emu.model, lisbonTasks.dataSourceId).map((r) => r.values.Name)).toEqual(['Visit five buildings']);
    // Each plan's next run finds its own databases and writes nothing.
    w.emu.clearLog();
    await w.sync(okrPlan());
    await w.sync(project, { plan: { key: 'lisbon-office', name: 'Lisbon office' } });
    expect(w.emu.writes()).toEqual([]);
  });

  it('makes no database for a level without rows, and makes it when a row appears', async () => {
    const w = await world();
    const rows = projectPlan()
      .filter((r) => r.Level !== 'Milestone')
      .map((r) => (r.ID === 'T1' ? { ...r, Parent: 'O1' } : r));
    const report = await w.sync(mirrorOf(rows, { framework: 'project' }));
    expect(databasesUnder(w.emu.model, w.parent).map((d) => d.title)).toEqual(['Goals', 'Objectives', 'Tasks']);
    expect(report.databases.map((d) => d.database)).toEqual(['Goals', 'Objectives', 'Tasks']);
    // The level without a database is not looked for in the page's other databases on every run.
    await person(w).databases.create({
      parent: { type: 'page_id', page_id: w.parent },
      title: [{ text: { content: 'Roadmap' } }],
      initial_data_source: { properties: { Name: { title: {} } } },
    });
    w.emu.clearLog();
    await w.sync(mirrorOf(rows, { framework: 'project' }));
    expect(w.emu.countByKind()['databases.retrieve']).toBe(3);
    await w.sync(mirrorOf(projectPlan(), { framework: 'project' }));
    expect(databasesUnder(w.emu.model, w.parent).map((d) => d.title)).toEqual([
      'Goals',
      'Objectives',
      'Tasks',
      'Roadmap',
      'Milestones',
    ]);
    expect(w.rows('Milestones').get('M1')!.values.Name).toBe('Lease signed');
    expect(w.rows('Tasks').get('T1')!.values.Parent).toEqual([w.rows('Milestones').get('M1')!.id]);
  });
});

describe('found again', () => {
  it('finds a database renamed and given an icon, and writes nothing', async () => {
    const w = await world();
    await w.sync(okrPlan());
    const notion = person(w);
    const kr = w.db('Key Results');
    await notion.databases.update({
      database_id: kr.id,
      title: [{ text: { content: '🎯 Key Results' } }],
      icon: { type: 'emoji', emoji: '🎯' },
    });
    w.emu.clearLog();
    const report = await w.sync(okrPlan());
    expect(w.emu.writes()).toEqual([]);
    expect(report.schema).toEqual([]);
    expect(databasesUnder(w.emu.model, w.parent).map((d) => d.title)).toEqual([
      'Objectives',
      '🎯 Key Results',
      'Tasks',
    ]);
    const rows = okrPlan();
    rows[1].Current = 25;
    await w.sync(rows);
    expect(rowsOf(w.emu.model, kr.dataSourceId).find((r) => r.values['Cascade ID'] === 'KR1')!.values.Current).toBe(25);
  });

  it('finds databases moved into columns and a toggle, at a small, bounded read cost', async () => {
    const w = await world();
    await w.sync(okrPlan());
    const { model } = w.emu;
    model.addBlock(w.parent, { type: 'paragraph', text: 'Our plan for the quarter' });
    const columns = model.addBlock(w.parent, { type: 'column_list' });
    const left = model.addBlock(columns.id, { type: 'column' });
    const right = model.addBlock(columns.id, { type: 'column' });
    const toggle = model.addBlock(right.id, { type: 'toggle', text: 'Details' });
    model.moveBlock(w.db('Objectives').id, left.id);
    model.moveBlock(w.db('Tasks').id, toggle.id);
    w.emu.clearLog();
    const report = await w.sync(okrPlan());
    expect(w.emu.writes()).toEqual([]);
    expect(report.schema).toEqual([]);
    // The page, the column list, both columns and the toggle: one list each; then 2 reads per database and 1 query; the members once.
    expect(w.emu.countByKind()).toEqual({
      'blocks.children.list': 5,
      'databases.retrieve': 3,
      'dataSources.retrieve': 3,
      'dataSources.query': 3,
      'users.list': 1,
    });
  });

  it("stops when one of the plan's databases is in the trash, and starts it afresh with recreate", async () => {
    const w = await world();
    await w.sync(okrPlan());
    const notion = person(w);
    const kr = w.db('Key Results');
    await notion.databases.update({ database_id: kr.id, in_trash: true });
    w.emu.clearLog();
    const error = await w.sync(okrPlan()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).message).toMatch(
      /^This plan's "Key Results" database is in Notion's trash: restore it .* or run with --recreate/,
    );
    expect(w.emu.writes()).toEqual([]);
    // A dry run says the same: it would otherwise show a plan that cannot be carried out.
    await expect(w.sync(okrPlan(), { dryRun: true })).rejects.toThrow(/in Notion's trash/);

    const report = await w.sync(okrPlan(), { recreate: true });
    expect(report.rejected).toEqual([]);
    expectInSync(w, okrPlan());
    w.emu.clearLog();
    await w.sync(okrPlan());
    expect(w.emu.writes()).toEqual([]);
  });

  it('finds a restored database again', async () => {
    const w = await world();
    await w.sync(okrPlan());
    const notion = person(w);
    const kr = w.db('Key Results');
    await notion.databases.update({ database_id: kr.id, in_trash: true });
    await notion.databases.update({ database_id: kr.id, in_trash: false });
    w.emu.clearLog();
    await w.sync(okrPlan());
    expect(w.emu.writes()).toEqual([]);
  });
});

describe('settles', () => {
  it('keeps the names people gave our properties and the reverse relations, and writes nothing', async () => {
    const w = await world();
    await w.sync(okrPlan());
    const notion = person(w);
    await notion.dataSources.update({
      data_source_id: w.db('Objectives').dataSourceId,
      properties: { 'Key Results': { name: 'KRs' } },
    });
    await notion.dataSources.update({
      data_source_id: w.db('Key Results').dataSourceId,
      properties: { Owner: { name: 'Lead' }, Parent: { name: 'Objective' }, Name: { name: 'Key result' } },
    });
    w.emu.clearLog();
    const report = await w.sync(okrPlan());
    expect(w.emu.writes()).toEqual([]);
    expect(report.schema).toEqual([]);
    expect(w.db('Objectives').schema.KRs).toBe('relation → Key Results');
    expect(w.db('Key Results').schema).toMatchObject({
      Lead: 'rich_text',
      Objective: 'relation → Objectives',
      'Key result': 'title',
    });
    expect(w.db('Key Results').schema.Owner).toBeUndefined();
    // A change in the plan is written under the new names.
    const rows = okrPlan();
    rows[1].Owner = 'Ana Silva';
    rows[2].Parent = 'O2';
    await w.sync(rows);
    const kr1 = w.rows('Key Results').get('KR1')!.values;
    expect(kr1.Lead).toBe('Ana Silva');
    expect(w.rows('Key Results').get('KR2')!.values.Objective).toEqual([w.rows('Objectives').get('O2')!.id]);
    w.emu.clearLog();
    await w.sync(rows);
    expect(w.emu.writes()).toEqual([]);
  });

  it('settles after any schema edit: a property retyped, one deleted, a name of ours taken by a new one', async () => {
    const w = await world();
    await w.sync(okrPlan());
    const notion = person(w);
    const ds = w.db('Tasks').dataSourceId;
    await notion.dataSources.update({
      data_source_id: ds,
      properties: { Status: { rich_text: {} }, Owner: { name: 'Who' } },
    });
    await notion.dataSources.update({ data_source_id: ds, properties: { Unit: null, Owner: { people: {} } as never } });
    await w.sync(okrPlan());
    expect(w.db('Tasks').schema).toMatchObject({
      Status: 'select',
      Who: 'rich_text',
      Owner: 'people',
      Unit: 'rich_text',
    });
    const t1 = w.rows('Tasks').get('T1')!.values;
    expect(t1).toMatchObject({ Status: 'Done', Who: 'Tom Baker', Owner: [] });
    w.emu.clearLog();
    await w.sync(okrPlan());
    expect(w.emu.writes()).toEqual([]);
  });
});

describe('lenient reading', () => {
  it('reads past property types, fields and nulls it does not use', async () => {
    const w = await world();
    await w.sync(okrPlan());
    const notion = person(w);
    // A one-way relation of the team's own, whose synced name Notion sends as null, and a status property.
    await notion.dataSources.update({
      data_source_id: w.db('Key Results').dataSourceId,
      properties: {
        Blocked: { relation: { data_source_id: w.db('Tasks').dataSourceId, type: 'dual_property', dual_property: {} } },
        Stage: { status: {} } as never,
      },
    });
    w.emu.rewrite = (kind, answer) => {
      if (kind === 'dataSources.retrieve') {
        const properties = answer.properties as Record<string, Record<string, any>>;
        if (properties.Blocked) properties.Blocked.relation.dual_property.synced_property_name = null;
        properties.Formula = {
          id: 'f%3A1',
          name: 'Formula',
          type: 'formula',
          description: null,
          formula: { expression: null },
        };
        properties.Button = { id: 'b%3A1', name: 'Button', type: 'button', button: {} };
      }
      if (kind === 'dataSources.query') {
        for (const page of answer.results as Record<string, any>[]) {
          page.properties.Formula = { id: 'f%3A1', type: 'formula', formula: { type: 'number', number: null } };
          page.properties.Button = { id: 'b%3A1', type: 'button', button: {} };
          page.properties.Stage = { id: 'st', type: 'status', status: { id: null, name: null } };
          page.extra_field = { anything: [1, 2, 3] };
        }
      }
      return answer;
    };
    w.emu.clearLog();
    const report = await w.sync(okrPlan());
    expect(report.rejected).toEqual([]);
    expect(w.emu.writes()).toEqual([]);
  });
});

describe('Owner (person)', () => {
  it('names the workspace members the written Owner names, by email or exact name, and keeps the text beside it', async () => {
    const w = await world();
    w.emu.addPerson('Tom Baker', 'tom.baker@example.com');
    w.emu.addPerson('Mei Chen', 'mei@example.com');
    const rows = okrPlan();
    rows[2].Owner = 'MEI@example.com';
    rows[0].Owner = 'Lena Park'; // not a member: the text only
    rows[5].Owner = 'Tom Baker, mei@example.com';
    await w.sync(rows);
    const kr = w.rows('Key Results');
    expect(kr.get('KR1')!.values).toMatchObject({ Owner: 'Tom Baker', 'Owner (person)': ['Tom Baker'] });
    expect(kr.get('KR2')!.values).toMatchObject({ Owner: 'MEI@example.com', 'Owner (person)': ['Mei Chen'] });
    expect(w.rows('Objectives').get('O1')!.values).toMatchObject({ Owner: 'Lena Park', 'Owner (person)': [] });
    expect(w.rows('Tasks').get('T1')!.values['Owner (person)']).toEqual(['Tom Baker', 'Mei Chen']);
    w.emu.clearLog();
    await w.sync(rows);
    expect(w.emu.writes()).toEqual([]);
    // Lena joins the workspace: the next run links her.
    w.emu.addPerson('Lena Park');
    await w.sync(rows);
    expect(w.rows('Objectives').get('O1')!.values['Owner (person)']).toEqual(['Lena Park']);
  });

  it("leaves Owner (person) as it is, with a warning, when the integration may not read the workspace's members", async () => {
    const w = await world();
    w.emu.addPerson('Tom Baker');
    await w.sync(okrPlan());
    w.emu.inject({
      kind: 'users.list',
      status: 403,
      code: 'restricted_resource',
      message: 'Insufficient permissions for this endpoint.',
    });
    w.emu.clearLog();
    const report = await w.sync(okrPlan());
    expect(w.emu.writes()).toEqual([]);
    expect(report.warnings.join('\n')).toMatch(/allow 'Read user information'/);
    expect(w.rows('Key Results').get('KR1')!.values['Owner (person)']).toEqual(['Tom Baker']);
  });
});
