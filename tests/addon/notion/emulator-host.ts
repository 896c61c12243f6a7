// Runs in a worker thread: the Notion emulator (tests/notion/emulator) on 127.0.0.1, and a relay
// that sends the requests of the add-on's UrlFetchApp fake to it over real HTTP. The add-on runs
// on the test's thread, which blocks on each request as UrlFetchApp does (Atomics.wait); the
// emulator, on this thread, keeps answering meanwhile.
import { parentPort } from 'node:worker_threads';
import { Client } from '@notionhq/client';
import { databasesUnder, liveRows, rowsOf, startEmulator } from '../../notion/emulator/index.js';

const emu = await startEmulator({});
const parent = emu.model.addPage('Company plan');
const unshared = emu.model.addPage('Private plan', { shared: false });
const port = parentPort!;

export interface RelayRequest {
  path: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

interface Message {
  type: string;
  id?: number;
  shared?: SharedArrayBuffer;
  request?: RelayRequest;
  parent?: string;
  title?: string;
  checkIn?: { cascadeId: string; current: number; status: string; note?: string };
}

port.on('message', (message: Message) => {
  const under = message.parent ?? parent;
  if (message.type === 'fetch') void relay(message.shared!, message.request!);
  else if (message.type === 'check-in') {
    void checkIn(under, message.title!, message.checkIn!).then((result) =>
      port.postMessage({ id: message.id, result }),
    );
  } else port.postMessage({ id: message.id, result: inspect(message.type, under, message.title) });
});

/** A person (not the integration) sets Current and Status (and a Note) on a page, as a check-in in Notion. */
async function checkIn(under: string, title: string, change: NonNullable<Message['checkIn']>): Promise<null> {
  const db = databasesUnder(emu.model, under).find((d) => d.title === title)!;
  const page = liveRows(emu.model, db.dataSourceId).get(change.cascadeId)!;
  const ana = emu.addPerson('Ana Silva', 'ana@example.com');
  const notion = new Client({ auth: ana.token, baseUrl: emu.url, retry: false, logger: () => {} });
  await notion.pages.update({
    page_id: page.id,
    properties: {
      Current: { number: change.current },
      Status: { select: { name: change.status } },
      ...(change.note ? { Note: { rich_text: [{ text: { content: change.note } }] } } : {}),
    },
  });
  return null;
}
port.postMessage({ type: 'ready', url: emu.url, token: emu.token, parent, unshared });

async function relay(shared: SharedArrayBuffer, request: RelayRequest): Promise<void> {
  let answer: unknown;
  try {
    const response = await fetch(emu.url + request.path, {
      method: request.method,
      headers: request.headers,
      body: request.body,
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    answer = { status: response.status, headers, text: await response.text() };
  } catch (error) {
    answer = { error: String(error) };
  }
  const bytes = new TextEncoder().encode(JSON.stringify(answer));
  new Uint8Array(shared, 8).set(bytes);
  const flags = new Int32Array(shared, 0, 2);
  flags[1] = bytes.length;
  Atomics.store(flags, 0, 1);
  Atomics.notify(flags, 0);
}

function inspect(kind: string, under: string, title?: string): unknown {
  switch (kind) {
    case 'new-page':
      return emu.model.addPage(title ?? 'Company plan');
    case 'databases':
      return databasesUnder(emu.model, under).map((d) => {
        const all = rowsOf(emu.model, d.dataSourceId).filter((r) => !r.inTrash);
        return {
          title: d.title,
          ids: all.map((r) => String(r.values['Cascade ID'])),
          live: liveRows(emu.model, d.dataSourceId).size,
        };
      });
    case 'rows': {
      const db = databasesUnder(emu.model, under).find((d) => d.title === title);
      return db ? rowsOf(emu.model, db.dataSourceId).filter((r) => !r.inTrash) : [];
    }
    case 'writes':
      return emu.log.filter((e) => e.write).length;
    case 'requests':
      return emu.log.length;
    case 'reset-log':
      emu.log.length = 0;
      return null;
    default:
      throw new Error(`unknown inspection ${kind}`);
  }
}
