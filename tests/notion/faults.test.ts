// Notion failing in passing: 429 with Retry-After, 5xx, 409, slow answers, lost responses, and a
// run that dies half way. Every storm ends with Notion holding the plan, field by field, and no
// page twice.
import { describe, expect, it } from 'vitest';
import { SyncError } from '../../notion-sync/index.js';
import { rowsOf } from './emulator/index.js';
import { expectInSync, okrPlan, world } from './helpers.js';
import type { PlanRow } from './helpers.js';

/** A plan of 2 objectives × 4 key results × 3 tasks (34 rows). */
function biggerPlan(): PlanRow[] {
  const rows: PlanRow[] = [];
  for (let o = 1; o <= 2; o++) {
    rows.push({
      ID: `O${o}`,
      Level: 'Objective',
      Title: `Objective number ${o} for the year`,
      Owner: 'Lena Park',
      'Start date': '2026-04-01',
      'Due date': '2026-06-30',
      Review: 'monthly',
    });
    for (let k = 1; k <= 4; k++) {
      const kr = `KR${o}.${k}`;
      rows.push({
        ID: kr,
        Level: 'Key Result',
        Parent: `O${o}`,
        Title: `Reach ${k * 10} signed accounts in segment ${k}`,
        Owner: 'Tom Baker',
        Start: 0,
        Target: k * 10,
        Current: k * 3,
        'Due date': '2026-06-30',
        Review: 'weekly',
      });
      for (let t = 1; t <= 3; t++) {
        rows.push({
          ID: `T${o}.${k}.${t}`,
          Level: 'Task',
          Parent: kr,
          Title: `Call lead list ${t} of segment ${k}`,
          Owner: 'Mei Chen',
          'Due date': '2026-05-30',
          Status: t === 1 ? 'Done' : 'On track',
        });
      }
    }
  }
  return rows;
}

describe('faults', () => {
  it('waits for Retry-After on 429 and holds every request back meanwhile', async () => {
    const w = await world();
    w.emu.inject({ kind: 'pages.create', status: 429, retryAfter: 1, times: 1 });
    const started = performance.now();
    const report = await w.sync(okrPlan());
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    const statuses = w.emu.log.filter((e) => e.kind === 'pages.create').map((e) => e.status);
    expect(statuses).toEqual([429, 200, 200, 200, 200, 200, 200, 200, 200]);
    expect(report.calls.retries).toBe(1);
    expectInSync(w, okrPlan());
  });

  it('retries 500, 502, 503, 504 and 409 with backoff', async () => {
    const w = await world();
    w.emu.inject({ kind: 'blocks.children.list', status: 500, times: 2 });
    w.emu.inject({ kind: 'databases.create', status: 503, times: 2 });
    w.emu.inject({ kind: 'pages.create', status: 502, times: 2 });
    w.emu.inject({ kind: 'pages.create', status: 504, times: 2 });
    w.emu.inject({ kind: 'pages.create', status: 409, times: 2 });
    const report = await w.sync(okrPlan());
    expect(
      w.emu.log
        .filter((e) => e.status >= 400)
        .map((e) => e.status)
        .sort(),
    ).toEqual([409, 409, 500, 500, 502, 502, 503, 503, 504, 504]);
    expect(report.calls.retries).toBe(10);
    expect(w.emu.countByKind()['pages.create']).toBe(8 + 6);
    expectInSync(w, okrPlan());
  });

  it('retries a gateway that answers with HTML instead of JSON', async () => {
    const w = await world();
    w.emu.inject({ status: 502, rawBody: '<html><body>502 Bad Gateway</body></html>', times: 3 });
    await w.sync(okrPlan());
    expectInSync(w, okrPlan());
  });

  it('does not create a page twice when Notion made it but the answer was lost', async () => {
    const w = await world();
    w.emu.inject({ kind: 'pages.create', status: 502, afterProcessing: true, times: 3 });
    w.emu.inject({ kind: 'databases.create', status: 503, afterProcessing: true, times: 1 });
    const report = await w.sync(okrPlan());
    // Each lost create is looked for (a query by Cascade ID, a new listing of the parent) and found.
    expect(w.emu.countByKind()['pages.create']).toBe(8);
    expect(w.emu.countByKind()['dataSources.query']).toBe(3);
    expect(w.emu.countByKind()['databases.create']).toBe(3);
    expect(w.emu.countByKind()['blocks.children.list']).toBe(2);
    expect(report.databases.map((d) => d.created)).toEqual([2, 3, 3]);
    expectInSync(w, okrPlan());
  });

  it('times out on slow answers, retries, and still makes no duplicate', async () => {
    const w = await world();
    w.emu.inject({ kind: 'dataSources.query', status: 200, delayMs: 400, times: 1 });
    w.emu.inject({ kind: 'pages.create', status: 200, delayMs: 400, afterProcessing: true, times: 2 });
    await w.sync(okrPlan(), { api: w.api({ timeoutMs: 150 }) });
    expectInSync(w, okrPlan());
    w.emu.clearLog();
    w.emu.inject({ kind: 'dataSources.query', status: 200, delayMs: 400, times: 2 });
    await w.sync(okrPlan(), { api: w.api({ timeoutMs: 150 }) });
    expect(w.emu.writes()).toEqual([]);
  });

  it('comes through a storm of 429s, 5xx, 409s, lost answers and slow answers with the plan intact', async () => {
    const w = await world({ seed: 7 });
    const rows = biggerPlan();
    w.emu.inject({ status: 429, retryAfter: 0.02, fraction: 0.15 });
    w.emu.inject({ status: 500, fraction: 0.04 });
    w.emu.inject({ status: 503, fraction: 0.04 });
    w.emu.inject({ status: 409, fraction: 0.04 });
    w.emu.inject({ kind: 'pages.create', status: 502, afterProcessing: true, fraction: 0.05 });
    w.emu.inject({ kind: 'pages.update', status: 504, afterProcessing: true, fraction: 0.05 });
    w.emu.inject({ status: 200, delayMs: 20, fraction: 0.1 });
    const api = w.api({ retry: { attempts: 10, baseMs: 2, maxMs: 20 } });
    const report = await w.sync(rows, { api });
    expect(report.calls.retries).toBeGreaterThan(5);
    expect(w.emu.log.some((e) => e.status === 429)).toBe(true);
    expectInSync(w, rows);
    // Then the plan changes under the same storm: still converges.
    const next = rows.filter((r) => r.ID !== 'T1.2.3').map((r) => (r.ID === 'KR2.1' ? { ...r, Current: 9 } : r));
    next.find((r) => r.ID === 'T1.1.2')!.Parent = 'KR1.3';
    await w.sync(next, { api: w.api({ retry: { attempts: 10, baseMs: 2, maxMs: 20 } }) });
    expectInSync(w, next);
    w.emu.clearFaults();
    w.emu.clearLog();
    await w.sync(next);
    expect(w.emu.writes()).toEqual([]);
  });

  it('gives up after bounded retries with a message that says to run again', async () => {
    const w = await world();
    w.emu.inject({ kind: 'pages.create', status: 503 });
    const error = await w.sync(okrPlan()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).kind).toBe('unavailable');
    expect((error as SyncError).message).toMatch(
      /Notion kept failing while creating row \d \(O\d\) in "Objectives" \(503 service_unavailable, 6 attempts\)/,
    );
    expect((error as SyncError).message).toMatch(/run sync again later/);
    // Both objectives' creates ran out of attempts; no task or key result was tried after that.
    expect(w.emu.countByKind()['pages.create']).toBe(2 * 6);
  });
});

describe('a run that dies half way', () => {
  it('converges on the next run with no duplicate page', async () => {
    const w = await world();
    const rows = biggerPlan();
    // After 9 pages Notion goes down for good: the run stops with some pages made.
    let pages = 0;
    w.emu.onWrite = (entry) => {
      if (entry.kind === 'pages.create' && ++pages === 9) w.emu.inject({ status: 503 });
    };
    await expect(w.sync(rows)).rejects.toThrow(/Notion kept failing/);
    const made =
      rowsOf(w.emu.model, w.db('Key Results').dataSourceId).length +
      rowsOf(w.emu.model, w.db('Objectives').dataSourceId).length;
    expect(made).toBeGreaterThan(0);
    w.emu.onWrite = null;
    w.emu.clearFaults();
    const report = await w.sync(rows);
    expect(report.databases.reduce((n, d) => n + d.created, 0)).toBe(rows.length - 9);
    expectInSync(w, rows);
  });

  it('converges when the crash left a page twice (a create repeated after a lost answer)', async () => {
    const w = await world();
    await w.sync(okrPlan());
    // As if a run had crashed between a lost answer and its check: two pages for KR2.
    const ds = w.db('Key Results').dataSourceId;
    const api = w.api();
    await api.createPage(
      ds,
      {
        'Cascade ID': { rich_text: [{ type: 'text', text: { content: 'KR2' } }] },
        Name: { title: [{ type: 'text', text: { content: 'Raise NPS from 30 to 45' } }] },
      },
      'test',
      async () => null,
    );
    expect(rowsOf(w.emu.model, ds).filter((r) => r.values['Cascade ID'] === 'KR2')).toHaveLength(2);
    await w.sync(okrPlan());
    expectInSync(w, okrPlan());
  });
});
