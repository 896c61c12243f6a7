// Running again: nothing changed → no write; a change → only that page, only those properties;
// rows removed → trashed; rows added → created with their relation; parents changed → relation moved.
import { describe, expect, it } from 'vitest';
import { formatDryRun, formatSummary, syncMirror } from '../../notion-sync/index.js';
import { databasesUnder } from './emulator/index.js';
import { expectInSync, mirrorOf, okrPlan, PLAN, world } from './helpers.js';
import type { PlanRow } from './helpers.js';

type Body = { properties?: Record<string, unknown>; in_trash?: boolean };

describe('re-sync', () => {
  it('makes no write when nothing changed: only reads, about one query per 100 rows per database', async () => {
    const w = await world();
    await w.sync(okrPlan());
    w.emu.clearLog();
    const report = await w.sync(okrPlan());
    expect(w.emu.writes()).toEqual([]);
    expect(w.emu.countByKind()).toEqual({
      'blocks.children.list': 1,
      'databases.retrieve': 3,
      'dataSources.retrieve': 3,
      'dataSources.query': 3,
      // The workspace's members, for Owner (person): once per run.
      'users.list': 1,
    });
    expect(report.databases.map((d) => d.unchanged)).toEqual([2, 3, 3]);
    expect(report.changes).toEqual([]);
  });

  it('updates only the changed page and only its changed properties', async () => {
    const w = await world();
    await w.sync(okrPlan());
    const rows = okrPlan();
    rows[1].Current = 30; // KR1: 20 → 30 accounts moves KR1's and O1's progress, nothing else
    w.emu.clearLog();
    await w.sync(rows);
    const writes = w.emu.writes();
    expect(writes.map((e) => e.kind)).toEqual(['pages.update', 'pages.update']);
    const byPage = new Map(
      writes.map((e) => [e.path.split('/').pop(), Object.keys((e.body as Body).properties!).sort()]),
    );
    // Current is part of the check-in, so what Cascade last wrote of it (Cascade sync) moves with it.
    expect(byPage.get(w.rows('Key Results').get('KR1')!.id)).toEqual(['Cascade sync', 'Current', 'Progress']);
    expect(byPage.get(w.rows('Objectives').get('O1')!.id)).toEqual(['Progress']);
    expectInSync(w, rows);
  });

  it('moves pages of rows removed from the plan to the trash, children first', async () => {
    const w = await world();
    await w.sync(okrPlan());
    const kr3 = w.rows('Key Results').get('KR3')!.id;
    const t3 = w.rows('Tasks').get('T3')!.id;
    const rows = okrPlan().filter((r) => r.ID !== 'KR3' && r.ID !== 'T3');
    w.emu.clearLog();
    const report = await w.sync(rows);
    const writes = w.emu.writes();
    expect(writes.map((e) => [e.path.split('/').pop(), (e.body as Body).in_trash])).toEqual([
      [w.rows('Objectives').get('O2')!.id, undefined], // O2 lost its only KR: its progress changes
      [t3, true],
      [kr3, true],
    ]);
    expect(w.emu.model.pages.get(kr3)!.inTrash).toBe(true);
    expect(report.changes.filter((c) => c.kind === 'trash').map((c) => c.id)).toEqual(['T3', 'KR3']);
    expectInSync(w, rows);
  });

  it('creates an added row with its relation set, after its new parent', async () => {
    const w = await world();
    await w.sync(okrPlan());
    const rows: PlanRow[] = [
      ...okrPlan(),
      {
        ID: 'KR4',
        Level: 'Key Result',
        Parent: 'O2',
        Title: 'Reach 90% setup completion in week one',
        Owner: 'Jon Ito',
        Start: 60,
        Target: 90,
        Current: 70,
        'Due date': '2026-06-30',
      },
      {
        ID: 'T4',
        Level: 'Task',
        Parent: 'KR4',
        Title: 'Add a setup checklist',
        Owner: 'Jon Ito',
        'Due date': '2026-05-20',
      },
    ];
    w.emu.clearLog();
    await w.sync(rows);
    const creates = w.emu.writes().filter((e) => e.kind === 'pages.create');
    expect(creates).toHaveLength(2);
    const kr4 = w.rows('Key Results').get('KR4')!;
    expect(w.rows('Tasks').get('T4')!.values.Parent).toEqual([kr4.id]);
    expect(w.rows('Objectives').get('O2')!.values['Key Results']).toContain(kr4.id);
    expectInSync(w, rows);
  });

  it('moves the relation when a row changes parent', async () => {
    const w = await world();
    await w.sync(okrPlan());
    const rows = okrPlan();
    rows.find((r) => r.ID === 'T2')!.Parent = 'KR3';
    w.emu.clearLog();
    await w.sync(rows);
    const t2 = w.rows('Tasks').get('T2')!;
    const kr3 = w.rows('Key Results').get('KR3')!;
    expect(t2.values.Parent).toEqual([kr3.id]);
    expect(kr3.values.Tasks).toContain(t2.id);
    expect(w.rows('Key Results').get('KR1')!.values.Tasks).not.toContain(t2.id);
    const update = w.emu.writes().find((e) => e.path.endsWith(t2.id))!;
    expect(Object.keys((update.body as Body).properties!)).toEqual(['Parent']);
    expectInSync(w, rows);
  });

  it('moves a row whose level changes to the other database', async () => {
    const w = await world();
    await w.sync(okrPlan());
    const rows = okrPlan().map((r) =>
      r.ID === 'T3' ? { ...r, Level: 'Key Result', Parent: 'O2', Start: 0, Target: 3, Current: 1 } : r,
    );
    await w.sync(rows);
    expect(w.rows('Tasks').has('T3')).toBe(false);
    expect(w.rows('Key Results').get('T3')!.values.Parent).toEqual([w.rows('Objectives').get('O2')!.id]);
    expectInSync(w, rows);
  });

  it('follows an ID whose case changed without making a new page', async () => {
    const w = await world();
    await w.sync(okrPlan());
    const before = w.rows('Tasks').get('T1')!.id;
    const rows = okrPlan().map((r) => (r.ID === 'T1' ? { ...r, ID: 't1' } : r));
    await w.sync(rows);
    expect(w.rows('Tasks').get('t1')!.id).toBe(before);
  });

  it('keeps today a setting: a later today changes pace and check, and only those', async () => {
    const w = await world();
    await w.sync(okrPlan());
    w.emu.clearLog();
    await w.sync(okrPlan(), { today: '2026-07-15' });
    const changed = new Set(w.emu.writes().flatMap((e) => Object.keys((e.body as Body).properties!)));
    expect([...changed].sort()).toEqual(['Check', 'Pace status']);
    expectInSync(w, okrPlan(), { today: '2026-07-15' });
  });
});

describe('--dry-run', () => {
  it('lists what would be created on a first run and writes nothing', async () => {
    const w = await world();
    const report = await w.sync(okrPlan(), { dryRun: true });
    expect(w.emu.writes()).toEqual([]);
    expect(databasesUnder(w.emu.model, w.parent)).toEqual([]);
    expect(report.changes.filter((c) => c.kind === 'create')).toHaveLength(8);
    const text = formatDryRun(report);
    expect(text).toContain('Dry run: nothing was changed in Notion.');
    expect(text).toContain('create the database "Key Results"');
    expect(text).toContain('+ create KR1 "Sign 50 new SMB accounts"');
    expect(formatSummary(report)).toMatch(
      /^Dry run: 8 to create, 0 to update, 0 to trash, 0 unchanged · 2 API calls \(2 reads, 0 writes\) · /,
    );
  });

  it('lists updates with their properties and trashes, per database, and writes nothing', async () => {
    const w = await world();
    await w.sync(okrPlan());
    const rows = okrPlan().filter((r) => r.ID !== 'T2');
    rows[1].Owner = 'Ana Gomez';
    w.emu.clearLog();
    const report = await w.sync(rows, { dryRun: true });
    expect(w.emu.writes()).toEqual([]);
    const text = formatDryRun(report);
    expect(text).toContain('Key Results: 0 to create, 1 to update, 0 to trash, 2 unchanged');
    expect(text).toContain('~ update KR1 "Sign 50 new SMB accounts": Owner');
    expect(text).toContain('- trash  T2 "Run a webinar for accountants" (no longer in the plan)');
    // What the dry run announced is what a real run then does.
    const real = await w.sync(rows);
    expect(real.changes.map((c) => [c.kind, c.id])).toEqual(report.changes.map((c) => [c.kind, c.id]));
  });

  it('says when Notion is up to date', async () => {
    const w = await world();
    await w.sync(okrPlan());
    const report = await w.sync(okrPlan(), { dryRun: true });
    expect(formatDryRun(report)).toContain('nothing: Notion is up to date.');
  });
});

describe('safety', () => {
  it('refuses an empty plan instead of trashing every page', async () => {
    const w = await world();
    await w.sync(okrPlan());
    w.emu.clearLog();
    await expect(w.sync([])).rejects.toThrow(/The plan has no rows, so there is nothing to mirror/);
    expect(w.emu.log).toEqual([]);
  });

  it('asks before trashing most of the pages (the wrong file?), and goes ahead when told', async () => {
    const w = await world();
    const many: PlanRow[] = [
      ...okrPlan(),
      ...Array.from({ length: 12 }, (_, i): PlanRow => ({
        ID: `X${i}`,
        Level: 'Task',
        Parent: 'KR2',
        Title: `Extra task ${i}`,
        Owner: 'Mei Chen',
      })),
    ];
    await w.sync(many);
    const few = okrPlan().slice(0, 2);
    w.emu.clearLog();
    await expect(w.sync(few)).rejects.toThrow(/This would move 18 of the 20 pages in Notion to the trash.*--force/);
    expect(w.emu.writes()).toEqual([]);
    const dry = await w.sync(few, { dryRun: true });
    expect(dry.warnings.join('\n')).toContain('This would move 18 of the 20 pages');
    const report = await syncMirror(mirrorOf(few), {
      api: w.api(),
      parentPageId: w.parent,
      allowMassTrash: true,
      plan: PLAN,
    });
    expect(report.changes.filter((c) => c.kind === 'trash')).toHaveLength(18);
    expectInSync(w, few);
  });
});
