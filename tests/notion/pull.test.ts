// Check-ins made in Notion come back into the plan: a value a person changed is pulled, the
// plan's progress recomputed and pushed; the integration's own writes are never pulled; a value
// changed on both sides goes to the newer; a run where nothing changed in Notion costs nothing more.
import { Client } from '@notionhq/client';
import { describe, expect, it } from 'vitest';
import type { MirrorPlan, PulledValue } from '../../notion-sync/index.js';
import { mirrorOf, okrPlan, world } from './helpers.js';
import type { PlanRow, World } from './helpers.js';

/** A person's Notion client (their edits show under their name in last_edited_by). */
function person(w: World): Client {
  const ana = w.emu.addPerson('Ana Silva', 'ana@example.com');
  return new Client({ auth: ana.token, baseUrl: w.emu.url, retry: false, logger: () => {} });
}

const COLUMN_OF: Record<string, string> = { current: 'Current', status: 'Status', lastCheckIn: 'Last check-in' };

/** The plan as a caller keeps it: pulled values are written into its rows, and the mirror recomputed. */
function planFile(rows: PlanRow[]) {
  const calls: PulledValue[][] = [];
  return {
    rows,
    calls,
    pull: (pulled: PulledValue[]): MirrorPlan => {
      calls.push(pulled);
      for (const p of pulled) {
        if (p.field === 'note') continue;
        rows.find((r) => r.ID === p.id)![COLUMN_OF[p.field]] = p.notionValue;
      }
      return mirrorOf(rows);
    },
  };
}

async function checkIn(notion: Client, pageId: string, current: number, status = 'At risk', note?: string) {
  await notion.pages.update({
    page_id: pageId,
    properties: {
      Current: { number: current },
      Status: { select: { name: status } },
      'Last check-in': { date: { start: '2026-04-30' } },
      ...(note ? { Note: { rich_text: [{ text: { content: note } }] } } : {}),
    },
  });
}

describe('check-ins from Notion', () => {
  it("pulls a person's check-in into the plan, recomputes progress and pushes it, then settles", async () => {
    const w = await world();
    await w.sync(okrPlan());
    const kr1 = w.rows('Key Results').get('KR1')!.id;
    await checkIn(person(w), kr1, 45, 'At risk', 'Two big deals slipped to June');
    const file = planFile(okrPlan());
    w.emu.clearLog();
    const report = await w.sync(file.rows, { pull: file.pull });
    expect(report.pulled.map((p) => [p.id, p.column, p.planValue, p.notionValue, p.outcome, p.byName])).toEqual([
      ['KR1', 'Current', 20, 45, 'pulled', 'Ana Silva'],
      ['KR1', 'Status', 'On track', 'At risk', 'pulled', 'Ana Silva'],
      ['KR1', 'Last check-in', '2026-04-28', '2026-04-30', 'pulled', 'Ana Silva'],
      ['KR1', 'Note', null, 'Two big deals slipped to June', 'pulled', 'Ana Silva'],
    ]);
    expect(file.rows[1]).toMatchObject({ Current: 45, Status: 'At risk', 'Last check-in': '2026-04-30' });
    // Notion keeps the person's values; progress moves with them, on KR1 and on its objective.
    const values = w.rows('Key Results').get('KR1')!.values;
    expect(values).toMatchObject({
      Current: 45,
      Status: 'At risk',
      'Last check-in': '2026-04-30',
      Progress: 0.9,
      Note: 'Two big deals slipped to June',
    });
    const krWrite = w.emu.writes().find((e) => e.path.endsWith(kr1))!;
    expect((krWrite.body as { properties: object }).properties).toHaveProperty('Progress');
    expect((krWrite.body as { properties: object }).properties).not.toHaveProperty('Current');
    expect(w.rows('Objectives').get('O1')!.values.Progress).toBeGreaterThan(0.5);
    w.emu.clearLog();
    const again = await w.sync(file.rows, { pull: file.pull });
    expect(again.pulled).toEqual([]);
    expect(w.emu.writes()).toEqual([]);
  });

  it('never pulls what the integration itself wrote: Notion is brought back to the plan', async () => {
    const w = await world();
    await w.sync(okrPlan());
    const kr1 = w.rows('Key Results').get('KR1')!.id;
    const integration = new Client({ auth: w.emu.token, baseUrl: w.emu.url, retry: false, logger: () => {} });
    await checkIn(integration, kr1, 45);
    const file = planFile(okrPlan());
    const report = await w.sync(file.rows, { pull: file.pull });
    expect(report.pulled).toEqual([]);
    expect(file.calls).toEqual([]);
    expect(w.rows('Key Results').get('KR1')!.values).toMatchObject({ Current: 20, Status: 'On track' });
  });

  it('settles a value changed on both sides by the newer change, and lists the one overridden', async () => {
    for (const [planEditedAt, winner] of [
      ['2000-01-01T00:00:00.000Z', 45],
      ['2100-01-01T00:00:00.000Z', 30],
    ] as const) {
      const w = await world();
      await w.sync(okrPlan());
      await checkIn(person(w), w.rows('Key Results').get('KR1')!.id, 45, 'On track');
      const file = planFile(okrPlan());
      file.rows[1].Current = 30;
      const report = await w.sync(file.rows, { pull: file.pull, planEditedAt });
      const current = report.pulled.find((p) => p.field === 'current')!;
      expect(current).toMatchObject({
        planValue: 30,
        notionValue: 45,
        bothChanged: true,
        outcome: winner === 45 ? 'pulled' : 'overridden',
      });
      expect(w.rows('Key Results').get('KR1')!.values.Current).toBe(winner);
      expect(file.rows[1].Current).toBe(winner);
    }
  });

  it('adds no call when nothing changed in Notion, and none when a person only touched a property of their own', async () => {
    const w = await world();
    await w.sync(okrPlan());
    w.emu.clearLog();
    await w.sync(okrPlan());
    const oneWay = w.emu.countByKind();
    const file = planFile(okrPlan());
    w.emu.clearLog();
    await w.sync(file.rows, { pull: file.pull });
    expect(w.emu.countByKind()).toEqual(oneWay);
    expect(file.calls).toEqual([]);
  });

  it('is one way without a pull: a check-in made in Notion is overwritten, as before', async () => {
    const w = await world();
    await w.sync(okrPlan());
    await checkIn(person(w), w.rows('Key Results').get('KR1')!.id, 45);
    const report = await w.sync(okrPlan());
    expect(report.pulled).toEqual([]);
    expect(w.rows('Key Results').get('KR1')!.values).toMatchObject({ Current: 20, Status: 'On track' });
  });

  it('in a dry run, lists what would be pulled and writes nothing', async () => {
    const w = await world();
    await w.sync(okrPlan());
    await checkIn(person(w), w.rows('Key Results').get('KR1')!.id, 45);
    const file = planFile(okrPlan());
    w.emu.clearLog();
    const report = await w.sync(file.rows, { pull: file.pull, dryRun: true });
    expect(report.pulled.filter((p) => p.outcome === 'pulled').map((p) => p.column)).toEqual([
      'Current',
      'Status',
      'Last check-in',
    ]);
    expect(w.emu.writes()).toEqual([]);
    // KR1's own values are not listed as updates that would undo the check-in.
    const kr1 = report.changes.find((c) => c.id === 'KR1');
    expect(kr1?.properties ?? []).not.toContain('Current');
  });
});
