// What users do in Notion between runs: add properties (kept), delete or retype ours (restored),
// copy pages (duplicates resolved), rename things. Users act through the API, as an integration would.
import { Client } from '@notionhq/client';
import { describe, expect, it } from 'vitest';
import { PAGE_RELATION_LIMIT, rowsOf } from './emulator/index.js';
import { expectInSync, okrPlan, world } from './helpers.js';
import type { PlanRow, World } from './helpers.js';

function user(w: World): Client {
  return new Client({ auth: w.emu.token, baseUrl: w.emu.url, retry: false, logger: () => {} });
}

describe('schema drift', () => {
  it('keeps properties that users added, and their values', async () => {
    const w = await world();
    await w.sync(okrPlan());
    const notion = user(w);
    const ds = w.db('Key Results').dataSourceId;
    await notion.dataSources.update({
      data_source_id: ds,
      properties: { Notes: { rich_text: {} }, Confidence: { select: { options: [{ name: 'High' }] } } },
    });
    const kr1 = w.rows('Key Results').get('KR1')!.id;
    await notion.pages.update({
      page_id: kr1,
      properties: {
        Notes: { rich_text: [{ text: { content: 'Ask Tom on Friday' } }] },
        Confidence: { select: { name: 'High' } },
      },
    });
    w.emu.clearLog();
    await w.sync(okrPlan());
    expect(w.emu.writes()).toEqual([]);
    expect(w.rows('Key Results').get('KR1')!.values).toMatchObject({ Notes: 'Ask Tom on Friday', Confidence: 'High' });
    expect(w.db('Key Results').schema.Notes).toBe('rich_text');
  });

  it('restores a property of ours that was deleted, and fills it again', async () => {
    const w = await world();
    await w.sync(okrPlan());
    await user(w).dataSources.update({ data_source_id: w.db('Key Results').dataSourceId, properties: { Owner: null } });
    expect(w.db('Key Results').schema.Owner).toBeUndefined();
    w.emu.clearLog();
    const report = await w.sync(okrPlan());
    const writes = w.emu.writes();
    expect(writes[0].kind).toBe('dataSources.update');
    expect(writes[0].body).toEqual({
      properties: {
        Owner: {
          rich_text: {},
          description: expect.stringMatching(/\(cascade:owner;plan=company-okrs;level=Key%20Result\)$/),
        },
      },
    });
    expect(writes.slice(1).map((e) => Object.keys((e.body as { properties: object }).properties))).toEqual([
      ['Owner'],
      ['Owner'],
      ['Owner'],
    ]);
    expect(report.schema).toEqual([{ database: 'Key Results', kind: 'restore properties', properties: ['Owner'] }]);
    expectInSync(w, okrPlan());
  });

  it('restores a property of ours that was retyped, and Progress shown as a percent', async () => {
    const w = await world();
    await w.sync(okrPlan());
    const ds = w.db('Tasks').dataSourceId;
    await user(w).dataSources.update({
      data_source_id: ds,
      properties: {
        'Due date': { rich_text: {} },
        Progress: { number: { format: 'number' } },
        Status: { rich_text: {} },
      },
    });
    expect(w.db('Tasks').schema['Due date']).toBe('rich_text');
    await w.sync(okrPlan());
    expect(w.db('Tasks').schema).toMatchObject({ 'Due date': 'date', Status: 'select' });
    expect(w.db('Tasks').props.find((p) => p.name === 'Progress')!.number).toEqual({ format: 'percent' });
    expectInSync(w, okrPlan());
    w.emu.clearLog();
    await w.sync(okrPlan());
    expect(w.emu.writes()).toEqual([]);
  });

  it('restores the two-way relation when a user deleted the reverse property on the parent', async () => {
    const w = await world();
    await w.sync(okrPlan());
    await user(w).dataSources.update({
      data_source_id: w.db('Objectives').dataSourceId,
      properties: { 'Key Results': null },
    });
    await w.sync(okrPlan());
    expect(w.db('Objectives').schema['Key Results']).toBe('relation → Key Results');
    expect(w.db('Key Results').schema.Parent).toBe('relation → Objectives');
    expectInSync(w, okrPlan());
  });

  it('writes the title under whatever name a user gave the title property', async () => {
    const w = await world();
    await w.sync(okrPlan());
    await user(w).dataSources.update({
      data_source_id: w.db('Tasks').dataSourceId,
      properties: { Name: { name: 'Task' } },
    });
    const rows = okrPlan();
    rows[6].Title = 'Run two webinars for accountants';
    w.emu.clearLog();
    await w.sync(rows);
    expect(w.emu.writes().map((e) => e.body)).toEqual([
      { properties: { Task: { title: [{ type: 'text', text: { content: 'Run two webinars for accountants' } }] } } },
    ]);
  });

  it('takes over pages by title when the Cascade ID property was deleted, instead of duplicating them', async () => {
    const w = await world();
    await w.sync(okrPlan());
    const before = w.rows('Tasks').get('T1')!.id;
    await user(w).dataSources.update({
      data_source_id: w.db('Tasks').dataSourceId,
      properties: { 'Cascade ID': null },
    });
    await w.sync(okrPlan());
    expect(w.rows('Tasks').get('T1')!.id).toBe(before);
    expectInSync(w, okrPlan());
  });
});

describe('duplicates', () => {
  it('trashes copies of a page (same Cascade ID) and keeps the one that matches', async () => {
    const w = await world();
    await w.sync(okrPlan());
    const notion = user(w);
    const ds = w.db('Key Results').dataSourceId;
    const original = w.rows('Key Results').get('KR2')!;
    const copy = await notion.pages.create({
      parent: { data_source_id: ds },
      properties: {
        Name: { title: [{ text: { content: 'Raise NPS from 30 to 45 (copy)' } }] },
        'Cascade ID': { rich_text: [{ text: { content: 'KR2' } }] },
      },
    });
    const report = await w.sync(okrPlan());
    expect(report.changes).toEqual([expect.objectContaining({ kind: 'trash', id: 'KR2', reason: 'duplicate' })]);
    expect(w.emu.model.pages.get(copy.id)!.inTrash).toBe(true);
    expect(w.rows('Key Results').get('KR2')!.id).toBe(original.id);
    expectInSync(w, okrPlan());
  });

  it('leaves alone a database a person made with the same title as ours', async () => {
    const w = await world();
    await w.sync(okrPlan());
    const notion = user(w);
    await notion.databases.create({
      parent: { type: 'page_id', page_id: w.parent },
      title: [{ text: { content: 'Tasks' } }],
      initial_data_source: { properties: { Name: { title: {} } } },
    });
    w.emu.clearLog();
    const report = await w.sync(okrPlan());
    expect(w.emu.writes()).toEqual([]);
    expect(report.warnings).toEqual([]);
  });
});

/** Objective O1 with `count` key results KR1…KRn, and one task T1 under KR1. */
function objectiveWithKeyResults(count: number): PlanRow[] {
  const krs = Array.from({ length: count }, (_, i): PlanRow => ({
    ID: `KR${i + 1}`,
    Level: 'Key Result',
    Parent: 'O1',
    Title: `Sign ${i + 10} accounts in region ${i + 1}`,
    Owner: 'Tom Baker',
    Start: 0,
    Target: i + 10,
    Current: 1,
    'Due date': '2026-06-30',
  }));
  return [
    okrPlan()[0],
    ...krs,
    {
      ID: 'T1',
      Level: 'Task',
      Parent: 'KR1',
      Title: 'Call the first leads',
      Owner: 'Tom Baker',
      'Due date': '2026-05-30',
    },
  ];
}

describe('relations past 25', () => {
  it('reads a relation with more than 25 targets through the property endpoint', async () => {
    const w = await world();
    const tasks = Array.from({ length: 30 }, (_, i): PlanRow => ({
      ID: `T${i + 1}`,
      Level: 'Task',
      Parent: 'KR1',
      Title: `Call lead number ${i + 1}`,
      Owner: 'Tom Baker',
      'Due date': '2026-05-30',
    }));
    const rows = [...okrPlan().filter((r) => r.Level !== 'Task'), ...tasks];
    await w.sync(rows);
    const kr1 = w.rows('Key Results').get('KR1')!;
    expect(kr1.values.Tasks).toHaveLength(30);
    // The page object lists 25 and says there are more; the property endpoint gives all 30.
    const notion = user(w);
    const page = (await notion.pages.retrieve({ page_id: kr1.id })) as unknown as {
      properties: Record<string, { id: string; relation: unknown[]; has_more: boolean }>;
    };
    expect(page.properties.Tasks.relation).toHaveLength(PAGE_RELATION_LIMIT);
    expect(page.properties.Tasks.has_more).toBe(true);
    const first = await notion.pages.properties.retrieve({
      page_id: kr1.id,
      property_id: page.properties.Tasks.id,
      page_size: 20,
    });
    expect(first).toMatchObject({ object: 'list', has_more: true });
    expectInSync(w, rows);
  });

  it('puts right a Parent that a user had filled with more than 25 pages', async () => {
    const w = await world();
    const rows = objectiveWithKeyResults(30);
    await w.sync(rows);
    const t1 = w.rows('Tasks').get('T1')!.id;
    await user(w).pages.update({
      page_id: t1,
      properties: { Parent: { relation: [...w.rows('Key Results').values()].map((kr) => ({ id: kr.id })) } },
    });
    expect(w.rows('Tasks').get('T1')!.values.Parent).toHaveLength(30);
    w.emu.clearLog();
    await w.sync(rows);
    expect(w.emu.countByKind()['pages.properties.retrieve']).toBe(1);
    expect(w.emu.writes().map((e) => e.body)).toEqual([
      { properties: { Parent: { relation: [{ id: w.rows('Key Results').get('KR1')!.id }] } } },
    ]);
    expectInSync(w, rows);
  });

  it('reads a relation of more than 100 targets (made in the Notion app) page by page, and puts it right', async () => {
    const w = await world();
    const rows = objectiveWithKeyResults(130);
    await w.sync(rows);
    // The API takes at most 100 targets per write; the UI has no such limit.
    const parent = w.db('Tasks').props.find((p) => p.name === 'Parent')!;
    w.emu.model.pages.get(w.rows('Tasks').get('T1')!.id)!.values.set(
      parent.id,
      [...w.rows('Key Results').values()].map((kr) => kr.id),
    );
    expect(w.rows('Tasks').get('T1')!.values.Parent).toHaveLength(130);
    w.emu.clearLog();
    await w.sync(rows);
    const reads = w.emu.log.filter((e) => e.kind === 'pages.properties.retrieve');
    expect(reads.map((e) => e.status)).toEqual([200, 200]);
    expect(w.emu.writes().map((e) => e.body)).toEqual([
      { properties: { Parent: { relation: [{ id: w.rows('Key Results').get('KR1')!.id }] } } },
    ]);
    expectInSync(w, rows);
  });
});

describe('no local state', () => {
  it('finds the databases again from another machine (a fresh client) and sees no change', async () => {
    const w = await world();
    await w.sync(okrPlan());
    w.emu.clearLog();
    await w.sync(okrPlan(), { api: w.api() });
    expect(w.emu.writes()).toEqual([]);
    expect(rowsOf(w.emu.model, w.db('Objectives').dataSourceId)).toHaveLength(2);
  });
});
