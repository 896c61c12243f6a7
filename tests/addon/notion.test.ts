// The Notion tab end to end: the built Code.js in a vm, its UrlFetchApp answered by the Notion
// emulator (in a worker thread, synchronously), time on a clock of the test's own that cuts an
// execution at Apps Script's 6 minutes, and triggers fired as Apps Script would.
import { describe, expect, test } from 'vitest';
import type { NotionStateResponse } from '../../apps-script/protocol.js';
import { pluralLevel, readPlan } from '../../shared/index.js';
import { FakeClock } from './fake/notion-services.js';
import { loadBundle } from './harness.js';
import type { Loaded } from './harness.js';
import { useNotionSide } from './notion/notion-world.js';
import { bigPlan, seedPlan, smallPlan } from './plans.js';

const notion = useNotionSide();

/** Notion's answers take about this long from Apps Script. */
const LATENCY_MS = 300;

interface Addon extends Loaded {
  clock: FakeClock;
  /** The Notion page this test mirrors under. */
  parent: string;
  /** One execution from the sidebar (the clock starts it, and stops it at 6 minutes). */
  execute<T>(work: () => Promise<T> | T): Promise<T>;
  /** Fires a clock trigger as Apps Script does: no active spreadsheet, a fresh execution. */
  fire(triggerId: string): Promise<void>;
}

function addon(): Addon {
  const clock = new FakeClock();
  const loaded = loadBundle({ notion: { notion, clock, latencyMs: LATENCY_MS } });
  const execute = async <T>(work: () => Promise<T> | T): Promise<T> => {
    clock.executionStart = clock.now;
    try {
      return await work();
    } finally {
      clock.executionStart = null;
    }
  };
  return {
    ...loaded,
    clock,
    parent: notion.parent,
    execute,
    async fire(triggerId) {
      const trigger = loaded.world.notion!.triggers.find((t) => t.id === triggerId);
      if (!trigger) throw new Error(`No trigger ${triggerId}`);
      clock.now = Math.max(clock.now, trigger.dueAt);
      loaded.world.activeDocument = false;
      try {
        await execute(() => loaded.run(trigger.handler, { authMode: 'FULL', triggerUid: trigger.id }));
      } finally {
        loaded.world.activeDocument = true;
      }
    },
  };
}

/** Connects to a page of the test's own (tests share the emulator) and returns the state. */
async function connect(a: Addon, page?: string): Promise<NotionStateResponse> {
  a.parent = page ?? (await notion.newPage());
  const result = await a.execute(() =>
    a.apiAsync('apiNotionConnect', { secret: notion.token, page: notion.link(a.parent) }),
  );
  if (!result.ok) throw new Error(result.error.message);
  expect(result.value.ok, result.value.message).toBe(true);
  return result.value.state;
}

async function mirrorNow(a: Addon): Promise<NotionStateResponse> {
  const result = await a.execute(() => a.apiAsync('apiNotionMirror', { sheet: null }));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** What Notion holds under the parent page: Cascade IDs per database (live pages only). */
async function pagesInNotion(parent: string): Promise<Map<string, string[]>> {
  const dbs = await notion.inspect<{ title: string; ids: string[] }[]>('databases', { parent });
  return new Map(dbs.map((d) => [d.title, [...d.ids].sort()]));
}

describe('Notion tab: connect', () => {
  test('Test connection names the page found; the secret is kept in the user properties only and shown as a hint', async () => {
    const a = addon();
    seedPlan(a.world, smallPlan());
    const state = await connect(a, notion.parent);
    expect(state.page?.title).toBe('Company plan');
    expect(state.connected).toBe(true);
    expect(state.secretHint).toBe(`ntn_…${notion.token.slice(-4)}`);
    expect(JSON.stringify(state)).not.toContain(notion.token);
    expect([...a.world.notion!.userProperties.store.values()]).toContain(notion.token);
    expect(JSON.stringify([...a.world.documentProperties.store])).not.toContain(notion.token);
  });

  test('a page not shared with the integration, a wrong secret and a link that is not Notion’s each say what to do', async () => {
    const a = addon();
    seedPlan(a.world, smallPlan());
    const unshared = await a.execute(() =>
      a.apiAsync('apiNotionConnect', { secret: notion.token, page: notion.link(notion.unshared, 'Private-plan') }),
    );
    expect(unshared.ok && unshared.value.message).toMatch(/not shared with your integration.*Connections/);
    const wrong = await a.execute(() =>
      a.apiAsync('apiNotionConnect', { secret: 'ntn_wrong_secret_000000000000', page: null }),
    );
    expect(wrong.ok && wrong.value.message).toMatch(/refused the secret \(401\)/);
    expect(JSON.stringify(wrong)).not.toContain('ntn_wrong_secret_000000000000');
    const notALink = await a.execute(() => a.apiAsync('apiNotionConnect', { secret: null, page: 'my plan page' }));
    expect(notALink.ok).toBe(false);
    expect(!notALink.ok && notALink.error.message).toMatch(/not a Notion page link.*Copy link/);
  });
});

describe('Notion tab: mirror', () => {
  test('a 1,000-row first sync takes two executions (cut before 6 minutes, continued by the trigger) and ends with one page per row; a re-run writes nothing', async () => {
    const a = addon();
    const table = bigPlan(1000);
    seedPlan(a.world, table);
    await connect(a);
    const first = await mirrorNow(a);
    expect(first.run.state).toBe('incomplete');
    expect(first.run.left).toBeGreaterThan(0);
    expect(first.run.continueAt).not.toBeNull();
    const triggers = a.world.notion!.triggers;
    expect(triggers).toHaveLength(1);
    expect(triggers[0]).toMatchObject({ handler: 'notionTimer', kind: 'after' });

    let executions = 1;
    while (a.world.notion!.triggers.length > 0 && executions < 10) {
      await a.fire(a.world.notion!.triggers[0].id);
      executions++;
    }
    const state = a.api('apiNotionState');
    expect(state.run.state).toBe('done');
    expect(state.run.executions).toBe(executions);
    expect(executions).toBeGreaterThanOrEqual(2);
    expect(a.world.notion!.triggers).toEqual([]);

    const plan = readPlan(table);
    const inNotion = await pagesInNotion(a.parent);
    for (const level of plan.framework.levels) {
      const ids = plan.items.filter((i) => i.level === level && i.id !== '').map((i) => i.id);
      const unique = [...new Set(ids)].sort();
      expect(inNotion.get(pluralLevel(level)), pluralLevel(level)).toEqual(unique);
    }
    const created = state.run.databases.reduce((n, d) => n + d.created, 0);
    expect(created).toBe([...inNotion.values()].reduce((n, ids) => n + ids.length, 0));
    for (const d of state.run.databases) expect(d.url).toMatch(/^https:\/\/www\.notion\.so\/[0-9a-f]{32}$/);

    await notion.inspect('reset-log');
    const again = await mirrorNow(a);
    expect(again.run.state).toBe('done');
    expect(await notion.inspect<number>('writes')).toBe(0);
    expect(again.run.databases.every((d) => d.created + d.updated + d.trashed === 0)).toBe(true);
  }, 120_000);

  test('the secret is in no request but the Authorization header, no log line, no sidebar answer, no document property', async () => {
    const a = addon();
    seedPlan(a.world, smallPlan());
    await connect(a);
    await mirrorNow(a);
    const state = a.api('apiNotionState');
    const everything = JSON.stringify({
      state,
      logs: [...a.world.errors, ...a.world.warnings],
      document: [...a.world.documentProperties.store],
      cache: [...a.world.notion!.cache.store],
      urls: a.world.notion!.requests.map((r) => r.url),
    });
    expect(everything).not.toContain(notion.token);
    for (const r of a.world.notion!.requests) {
      const carriers = Object.entries(r.headers).filter(([, v]) => v.includes(notion.token));
      expect(carriers.map(([k]) => k.toLowerCase())).toEqual(['authorization']);
    }
  });

  test('Keep Notion up to date: one trigger per spreadsheet, owned by the user; off removes it; a repeated failure is recorded once', async () => {
    const a = addon();
    seedPlan(a.world, smallPlan());
    await connect(a);
    a.api('apiNotionSchedule', { frequency: 'hourly' });
    a.api('apiNotionSchedule', { frequency: 'daily' });
    const triggers = a.world.notion!.triggers;
    expect(triggers).toHaveLength(1);
    expect(triggers[0]).toMatchObject({ handler: 'notionTimer', kind: 'daily' });

    await a.fire(triggers[0].id);
    let state = a.api('apiNotionState');
    expect(state.schedule.lastOutcome).toBe('Up to date.');
    expect(state.run.state).toBe('done');

    // The secret is revoked in Notion: the run fails, again and again, and is logged once.
    a.world.notion!.userProperties.setProperty('cascade.notion.secret', 'ntn_revoked_secret_0000000000');
    await a.fire(triggers[0].id);
    await a.fire(triggers[0].id);
    state = a.api('apiNotionState');
    expect(state.schedule.failing).toMatchObject({ runs: 2 });
    expect(state.schedule.failing!.message).toMatch(/refused the secret/);
    expect(a.world.warnings.filter((w) => w.includes('scheduled Notion mirror failed'))).toHaveLength(1);

    a.api('apiNotionSchedule', { frequency: null });
    expect(a.world.notion!.triggers).toEqual([]);
    expect(a.api('apiNotionState').schedule.frequency).toBeNull();
  });
});
