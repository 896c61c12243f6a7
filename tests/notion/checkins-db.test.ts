// The Check-ins database: one page per check-in of the plan's history, related to its item's page,
// marked as the plan's like the level databases, created and never rewritten; found again with no
// local state (by each check-in's key), so no check-in is made twice, and a run with nothing new
// writes nothing. The figures here are the ones docs/notion.md gives.
import { Client } from '@notionhq/client';
import { describe, expect, it } from 'vitest';
import { buildMirror } from '../../notion-sync/index.js';
import type { MirrorPlan } from '../../notion-sync/index.js';
import { dayFromIso, readPlan } from '../../shared/index.js';
import type { CheckIn } from '../../shared/index.js';
import { databasesUnder, rowsOf } from './emulator/index.js';
import type { Row } from './emulator/index.js';
import { okrPlan, table, TODAY, world } from './helpers.js';
import type { World } from './helpers.js';

function record(id: string, date: string, current: number | null, note = '', change: CheckIn['change'] = ''): CheckIn {
  return {
    date: dayFromIso(date),
    id,
    current,
    progress: current === null ? null : current / 50,
    status: 'On track',
    note,
    who: 'Ana Silva',
    change,
    before: [],
    after: [],
  };
}

/** KR1 checked in weekly, KR2 once, a replanning choice (no check-in), and an ID no longer in the plan. */
function history(): CheckIn[] {
  return [
    record('KR1', '2026-04-17', 10, 'kick-off'),
    record('KR2', '2026-04-17', 33),
    record('KR1', '2026-04-24', 15),
    record('KR1', '2026-04-24', 16, 'corrected the same day'),
    record('KR1', '2026-05-01', 20, 'two deals slipped'),
    record('KR1', '2026-05-01', 20, 'extended', 'extend'),
    record('KR9', '2026-04-17', 5),
  ];
}

/** The live pages of a Check-ins database (several per Cascade ID). */
const checkInPages = (w: World, title = 'Check-ins'): Row[] =>
  rowsOf(w.emu.model, w.db(title).dataSourceId).filter((r) => !r.inTrash);

const mirrorWith = (records: CheckIn[]): MirrorPlan =>
  buildMirror(readPlan(table(okrPlan())), { today: dayFromIso(TODAY), history: records });

describe('the Check-ins database', () => {
  it("gets one page per check-in, related to its item's page, marked as the plan's; the next run only reads", async () => {
    const w = await world();
    await w.sync(mirrorWith([]));
    // No history: no database.
    expect(databasesUnder(w.emu.model, w.parent).map((d) => d.title)).not.toContain('Check-ins');
    w.emu.clearLog();
    await w.sync(mirrorWith([]));
    const withoutHistory = w.emu.log.length;

    w.emu.clearLog();
    const first = await w.sync(mirrorWith(history()));
    const db = w.db('Check-ins');
    expect(db.schema).toMatchObject({
      Name: 'title',
      Date: 'date',
      'Cascade ID': 'rich_text',
      Current: 'number',
      Progress: 'number',
      Status: 'select',
      Note: 'rich_text',
      Who: 'rich_text',
      'Cascade check-in': 'rich_text',
      Objective: 'relation → Objectives',
      'Key Result': 'relation → Key Results',
      Task: 'relation → Tasks',
    });
    for (const p of db.props)
      expect(p.description, p.name).toMatch(/\(cascade:[^;]+;plan=company-okrs;level=Check-ins\)$/);
    const pages = checkInPages(w);
    expect(pages.map((p) => p.values.Name).sort()).toEqual([
      'KR1 · 2026-04-17',
      'KR1 · 2026-04-24',
      'KR1 · 2026-04-24 (2)',
      'KR1 · 2026-05-01',
      'KR2 · 2026-04-17',
    ]);
    const slipped = pages.find((p) => p.values.Name === 'KR1 · 2026-05-01')!.values;
    expect(slipped).toMatchObject({
      Date: '2026-05-01',
      'Cascade ID': 'KR1',
      Current: 20,
      Progress: 0.4,
      Status: 'On track',
      Note: 'two deals slipped',
      Who: 'Ana Silva',
    });
    expect(slipped['Key Result']).toEqual([w.rows('Key Results').get('KR1')!.id]);
    // The item databases are left as they were: the relation is one way.
    expect(Object.keys(w.db('Key Results').schema)).not.toContain('Check-ins');
    expect(first.databases.find((d) => d.database === 'Check-ins')).toMatchObject({ created: 5, unchanged: 0 });
    const kinds = w.emu.countByKind();
    expect([kinds['databases.create'], kinds['views.create'], kinds['pages.create']]).toEqual([1, 1, 5]);

    w.emu.clearLog();
    const again = await w.sync(mirrorWith(history()));
    expect(w.emu.writes()).toEqual([]);
    expect(again.databases.find((d) => d.database === 'Check-ins')).toMatchObject({ created: 0, unchanged: 5 });
    // Two reads to find the database, one query per 100 check-ins.
    expect(w.emu.log.length).toBe(withoutHistory + 3);
  });

  it('adds only the new check-ins, never rewrites a page a person changed, and never makes one twice when an answer was lost', async () => {
    const w = await world();
    await w.sync(mirrorWith(history()));
    const ana = w.emu.addPerson('Ana Silva', 'ana@example.com');
    const notion = new Client({ auth: ana.token, baseUrl: w.emu.url, retry: false, logger: () => {} });
    const kickOff = checkInPages(w).find((p) => p.values.Name === 'KR1 · 2026-04-17')!;
    await notion.pages.update({
      page_id: kickOff.id,
      properties: { Note: { rich_text: [{ text: { content: 'kick-off, with the whole team' } }] } },
    });

    w.emu.inject({ kind: 'pages.create', status: 502, afterProcessing: true, times: 1 });
    w.emu.clearLog();
    const report = await w.sync(
      mirrorWith([...history(), record('KR2', '2026-05-01', 36, 'survey sent'), record('KR3', '2026-05-01', 8)]),
    );
    expect(
      report.changes
        .filter((c) => c.database === 'Check-ins')
        .map((c) => c.title)
        .sort(),
    ).toEqual(['KR2 · 2026-05-01', 'KR3 · 2026-05-01']);
    // Check-in pages are only ever created: none was written to.
    const ids = checkInPages(w).map((p) => p.id);
    expect(w.emu.writes().filter((e) => ids.some((id) => e.path.includes(id)))).toEqual([]);
    expect(checkInPages(w)).toHaveLength(7);
    expect(checkInPages(w).filter((p) => p.values.Name === 'KR2 · 2026-05-01')).toHaveLength(1);
    expect(checkInPages(w).find((p) => p.id === kickOff.id)!.values.Note).toBe('kick-off, with the whole team');
  });

  it('a run stopped at its deadline is finished by the next ones: every check-in once', async () => {
    const w = await world();
    const many: CheckIn[] = [];
    for (let i = 0; i < 150; i++) many.push(record(['KR1', 'KR2', 'KR3'][i % 3], '2026-04-01', i));
    // Time moves one second per write: each run may write for 40 seconds.
    let writes = 0;
    w.emu.onWrite = () => void writes++;
    const clock = { now: () => writes * 1000, sleep: async () => {} };
    const reports = [];
    for (let run = 0; run < 10; run++) {
      const report = await w.sync(mirrorWith(many), { api: w.api({ clock }), deadline: clock.now() + 40_000 });
      reports.push(report);
      if (!report.incomplete) break;
    }
    expect(reports.length).toBeGreaterThan(3);
    expect(reports.at(-1)!.incomplete).toBeUndefined();
    const names = checkInPages(w).map((p) => p.values.Name);
    expect(names).toHaveLength(150);
    expect(new Set(names).size).toBe(150);
  });

  it("leaves a Check-ins database that is not the plan's alone, and makes its own beside it", async () => {
    const w = await world();
    const someone = w.emu.addPerson('Ana Silva', 'ana@example.com');
    const notion = new Client({ auth: someone.token, baseUrl: w.emu.url, retry: false, logger: () => {} });
    const theirs = (
      await notion.databases.create({
        parent: { type: 'page_id', page_id: w.parent },
        title: [{ text: { content: 'Check-ins' } }],
        initial_data_source: { properties: { Name: { title: {} } } },
      })
    ).id;
    w.emu.clearLog();
    await w.sync(mirrorWith(history()));
    expect(w.db('Check-ins (company-okrs)')).toBeDefined();
    expect(checkInPages(w, 'Check-ins (company-okrs)')).toHaveLength(5);
    expect(w.emu.writes().some((e) => e.path.includes(theirs))).toBe(false);
  });

  it('a dry run lists the check-ins it would add and writes nothing', async () => {
    const w = await world();
    await w.sync(mirrorWith([]));
    w.emu.clearLog();
    const report = await w.sync(mirrorWith(history()), { dryRun: true });
    expect(report.changes.filter((c) => c.database === 'Check-ins')).toHaveLength(5);
    expect(report.schema).toEqual([{ database: 'Check-ins', kind: 'create database', properties: [] }]);
    expect(w.emu.writes()).toEqual([]);
  });
});
