// The Notion side of an add-on test: the emulator in a worker thread, a UrlFetchApp fake that
// forwards each request to it synchronously (as UrlFetchApp is), and a way to look at what Notion holds.
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RelayRequest } from './emulator-host.js';

export const NOTION_API = 'https://api.notion.com';
/** Room for the largest answer (a page of 100 pages with their properties). */
const ANSWER_BYTES = 32 * 1024 * 1024;

let bundled: Promise<string> | null = null;
function hostScript(): Promise<string> {
  bundled ??= (async () => {
    const outfile = path.join(mkdtempSync(path.join(tmpdir(), 'cascade-notion-host-')), 'host.mjs');
    await build({
      entryPoints: [path.resolve('tests/addon/notion/emulator-host.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      logLevel: 'silent',
    });
    return outfile;
  })();
  return bundled;
}

export interface SyncAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

export interface NotionSide {
  token: string;
  parent: string;
  unshared: string;
  /** A page link as Notion's "Copy link" gives it. */
  link(pageId: string, title?: string): string;
  /** One request, answered before it returns. */
  send(request: { url: string; method: string; headers: Record<string, string>; body?: string }): SyncAnswer;
  /** What Notion holds under a page (the first parent page unless given), or the request log. */
  inspect<T>(
    kind: 'databases' | 'rows' | 'writes' | 'requests' | 'reset-log',
    options?: { parent?: string; title?: string },
  ): Promise<T>;
  /** A person checks in on a page in Notion: new Current and Status, and a Note when given. */
  checkIn(
    parent: string,
    database: string,
    change: { cascadeId: string; current: number; status: string; note?: string },
  ): Promise<void>;
  /** A new page shared with the integration, for a test of its own. */
  newPage(title?: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startNotionSide(): Promise<NotionSide> {
  const worker = new Worker(await hostScript());
  const ready = await new Promise<{ url: string; token: string; parent: string; unshared: string }>(
    (resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    },
  );
  const shared = new SharedArrayBuffer(8 + ANSWER_BYTES);
  const flags = new Int32Array(shared, 0, 2);
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  worker.on('message', (m: { id?: number; result?: unknown }) => {
    if (m.id !== undefined) waiting.get(m.id)?.(m.result);
  });
  const inspect = <T>(kind: string, options: Record<string, unknown> = {}): Promise<T> => {
    const id = nextId++;
    return new Promise((resolve) => {
      waiting.set(id, resolve as (r: unknown) => void);
      worker.postMessage({ type: kind, id, ...options });
    });
  };
  return {
    token: ready.token,
    parent: ready.parent,
    unshared: ready.unshared,
    link: (pageId, title = 'Company-plan') => `https://www.notion.so/acme/${title}-${pageId.replace(/-/g, '')}?pvs=4`,
    send(request) {
      if (!request.url.startsWith(NOTION_API))
        throw new Error(`The add-on called ${request.url}, which is not Notion's API.`);
      const relay: RelayRequest = {
        path: request.url.slice(NOTION_API.length),
        method: request.method,
        headers: request.headers,
        body: request.body,
      };
      Atomics.store(flags, 0, 0);
      worker.postMessage({ type: 'fetch', shared, request: relay });
      if (Atomics.wait(flags, 0, 0, 30_000) === 'timed-out')
        throw new Error('The Notion emulator did not answer in 30 s.');
      const answer = JSON.parse(new TextDecoder().decode(new Uint8Array(shared, 8, flags[1]).slice())) as
        SyncAnswer | { error: string };
      if ('error' in answer) throw new Error(`Address unavailable: ${answer.error}`);
      return answer;
    },
    inspect,
    checkIn: (parent, database, change) => inspect('check-in', { parent, title: database, checkIn: change }),
    newPage: (title = 'Company plan') => inspect<string>('new-page', { title }),
    stop: async () => {
      await worker.terminate();
    },
  };
}
