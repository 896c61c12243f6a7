// The built add-on with its Notion services, as the tests and the bench drive it: executions on
// the fake clock (stopped at 6 minutes), clock triggers fired as Apps Script fires them.
import type { NotionStateResponse } from '../../../apps-script/protocol.js';
import { FakeClock } from '../fake/notion-services.js';
import { loadBundle } from '../harness.js';
import type { Loaded } from '../harness.js';
import type { NotionSide } from './notion-world.js';

/** Notion's answers take about this long from Apps Script. */
export const LATENCY_MS = 300;

export interface NotionAddon extends Loaded {
  notion: NotionSide;
  clock: FakeClock;
  /** The Notion page this add-on mirrors under. */
  parent: string;
  /** One execution from the sidebar (the clock starts it, and stops it at 6 minutes). */
  execute<T>(work: () => Promise<T> | T): Promise<T>;
  /** Fires a clock trigger as Apps Script does: no active spreadsheet, a fresh execution. */
  fire(triggerId: string): Promise<void>;
}

export function notionAddon(notion: NotionSide): NotionAddon {
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
    notion,
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

/** Connects to a page (by default a new one: tests share the emulator); throws unless Notion found it. */
export async function connect(a: NotionAddon, page?: string): Promise<NotionStateResponse> {
  a.parent = page ?? (await a.notion.newPage());
  const result = await a.execute(() =>
    a.apiAsync('apiNotionConnect', { secret: a.notion.token, page: a.notion.link(a.parent) }),
  );
  if (!result.ok) throw new Error(result.error.message);
  if (!result.value.ok) throw new Error(result.value.message);
  return result.value.state;
}

export async function mirrorNow(a: NotionAddon): Promise<NotionStateResponse> {
  const result = await a.execute(() => a.apiAsync('apiNotionMirror', { sheet: null }));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Fires the pending continuation triggers until none is left; returns the executions the mirror took in all. */
export async function finishMirror(a: NotionAddon, limit = 50): Promise<number> {
  for (let fired = 0; a.world.notion!.triggers.length > 0; fired++) {
    if (fired >= limit) throw new Error(`The mirror was not done after ${limit} follow-up executions.`);
    await a.fire(a.world.notion!.triggers[0].id);
  }
  return a.api('apiNotionState').run.executions;
}
