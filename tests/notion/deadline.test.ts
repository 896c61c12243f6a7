// A run with a deadline stops starting writes when it is reached and says how many are left; the
// next run, from nothing but what Notion holds, carries on: no duplicate, no lost page. Time is a
// fake clock that each request moves on, so "minutes" of Notion pass in milliseconds.
import { describe, expect, it } from 'vitest';
import { dayFromIso, pluralLevel, readPlan } from '../../shared/index.js';
import { buildMirror, NOTION_RATE, syncMirror } from '../../notion-sync/index.js';
import type { Clock, NotionFetch, SyncReport } from '../../notion-sync/index.js';
import { generatePlan } from '../../bench/generate-plan.js';
import { liveRows } from './emulator/index.js';
import { PLAN, TODAY, world } from './helpers.js';

/** A clock that only moves when told: each request takes `perRequestMs`, each sleep its length. */
function fakeClock(perRequestMs: number) {
  let t = Date.UTC(2026, 4, 1, 9);
  const clock: Clock = {
    now: () => t,
    sleep: async (ms) => {
      t += ms;
    },
  };
  const slow =
    (send: NotionFetch): NotionFetch =>
    (url, init) => {
      t += perRequestMs;
      return send(url, init);
    };
  return { clock, slow };
}

describe('a sync with a deadline', () => {
  it('stops before the deadline and the next runs finish it: one page per row, then nothing to do', async () => {
    const w = await world();
    const plan = readPlan(generatePlan(120));
    const mirror = buildMirror(plan, { today: dayFromIso(TODAY) });
    const { clock, slow } = fakeClock(200);
    const reports: SyncReport[] = [];
    for (let run = 0; run < 20; run++) {
      // Notion's pace (3/s) on the fake clock; each run may write for 15 s.
      const api = w.api({ clock, limiter: NOTION_RATE, fetch: slow(globalThis.fetch) });
      const report = await syncMirror(mirror, {
        api,
        parentPageId: w.parent,
        plan: PLAN,
        deadline: clock.now() + 15_000,
      });
      reports.push(report);
      if (!report.incomplete) break;
      expect(report.incomplete.left).toBeGreaterThan(0);
    }
    expect(reports.length).toBeGreaterThanOrEqual(3);
    const last = reports.at(-1)!;
    expect(last.incomplete).toBeUndefined();
    // Every run wrote something, and together exactly one create per row.
    const creates = reports.reduce((n, r) => n + r.changes.filter((c) => c.kind === 'create').length, 0);
    expect(creates).toBe(mirror.levels.reduce((n, l) => n + l.rows.length, 0));
    for (const r of reports) expect(r.changes.filter((c) => c.kind === 'trash')).toEqual([]);
    // What a run left is what the next ones made.
    for (let i = 1; i < reports.length; i++) {
      const made = reports.slice(i).reduce((n, r) => n + r.changes.length, 0);
      expect(made, `run ${i + 1} on`).toBe(reports[i - 1].incomplete!.left);
    }
    for (const { level, rows } of mirror.levels) {
      const db = w.db(pluralLevel(level));
      const pages = liveRows(w.emu.model, db.dataSourceId);
      expect([...pages.keys()].sort(), level).toEqual(rows.map((r) => String(r.values.id)).sort());
    }
    const again = await syncMirror(mirror, {
      api: w.api({ clock }),
      parentPageId: w.parent,
      plan: PLAN,
      deadline: clock.now() + 15_000,
    });
    expect(again.calls.writes).toBe(0);
    expect(again.incomplete).toBeUndefined();
  });

  it('a deadline already passed writes nothing and leaves every write for later', async () => {
    const w = await world();
    const mirror = buildMirror(readPlan(generatePlan(20)), { today: dayFromIso(TODAY) });
    const { clock } = fakeClock(0);
    const report = await syncMirror(mirror, {
      api: w.api({ clock }),
      parentPageId: w.parent,
      plan: PLAN,
      deadline: clock.now() - 1,
    });
    expect(report.changes).toEqual([]);
    expect(report.incomplete).toEqual({ left: 20 });
  });
});
