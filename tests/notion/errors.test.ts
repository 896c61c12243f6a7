// The errors a user meets, in words that say what to do: no token, a wrong token, a parent page
// not shared with the integration, a value Notion refuses (named by row and column).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { formatSummary, NotionApi, redact, SyncError, syncMirror } from '../../notion-sync/index.js';
import { FAST, mirrorOf, okrPlan, PLAN, world } from './helpers.js';

async function failure(promise: Promise<unknown>): Promise<SyncError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SyncError);
  return error as SyncError;
}

describe('error messages', () => {
  it('401: the token is refused', async () => {
    const w = await world();
    const error = await failure(w.sync(okrPlan(), { api: w.api({ token: 'ntn_not_the_right_one_4242' }) }));
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toMatch(/Notion refused the token in NOTION_TOKEN \(401 unauthorized\)/);
    expect(error.message).not.toContain('ntn_not_the_right_one_4242');
  });

  it('404: the parent page is not shared, with how to share it', async () => {
    const w = await world();
    const hidden = w.emu.model.addPage('Private plans', { shared: false });
    const error = await failure(syncMirror(mirrorOf(okrPlan()), { api: w.api(), parentPageId: hidden, plan: PLAN }));
    expect(error.kind).toBe('parent-not-found');
    expect(error.message).toContain(
      `Notion cannot find the parent page ${hidden}, or it is not shared with your integration (404).`,
    );
    expect(error.message).toContain('••• (top right) → Connections → add your integration');
    expect(w.emu.writes()).toEqual([]);
  });

  it('a parent page in the trash: says to restore it or choose another page', async () => {
    const w = await world();
    w.emu.model.pages.get(w.parent)!.inTrash = true;
    const error = await failure(w.sync(okrPlan()));
    expect(error.kind).toBe('parent-trashed');
    expect(error.message).toBe(
      `The parent page ${w.parent} is in Notion's trash, so nothing can be added under it. Restore it (Notion → Trash → Restore), ` +
        'or pass another page with --parent, then run sync again.',
    );
    expect(w.emu.writes().filter((e) => e.status === 200)).toEqual([]);
  });

  it('a value Notion refuses is named by its plan row and column, and the other rows still go through', async () => {
    const w = await world();
    w.emu.inject({
      kind: 'pages.create',
      status: 400,
      code: 'validation_error',
      message:
        'body failed validation: body.properties.Owner.rich_text[0].text.content should be a valid name, instead was `"Mei Chen"`.',
      match: ({ body }) => JSON.stringify(body).includes('Mei Chen'),
    });
    const report = await w.sync(okrPlan());
    expect(report.rejected).toEqual([
      {
        database: 'Key Results',
        id: 'KR2',
        row: 4,
        column: 'Owner',
        message:
          'body failed validation: body.properties.Owner.rich_text[0].text.content should be a valid name, instead was `"Mei Chen"`.',
      },
    ]);
    expect(formatSummary(report)).toContain(
      'Notion refused row 4 (KR2), column Owner in Key Results: body failed validation',
    );
    expect(w.rows('Key Results').has('KR2')).toBe(false);
    expect(w.rows('Key Results').size).toBe(2);
    expect(w.rows('Tasks').size).toBe(3);
  });

  it('counts every row once in the summary when a refused parent leaves a child unlinked', async () => {
    const w = await world();
    await w.sync(okrPlan());
    // A new KR9 that Notion refuses, and T1 moved under it: T1's only change cannot be written.
    const rows = okrPlan().map((r) => (r.ID === 'T1' ? { ...r, Parent: 'KR9' } : r));
    rows.push({
      ID: 'KR9',
      Level: 'Key Result',
      Parent: 'O1',
      Title: 'Refused by Notion',
      Owner: 'Ana Ruiz',
      Start: 0,
      Target: 5,
      Current: 1,
      'Due date': '2026-06-30',
    });
    w.emu.inject({
      kind: 'pages.create',
      status: 400,
      message: 'body failed validation: body.properties.Owner.rich_text[0].text.content is refused.',
      times: 1,
    });
    const t1 = w.rows('Tasks').get('T1')!.id;
    w.emu.clearLog();
    const report = await w.sync(rows);
    expect(report.rejected.map((r) => r.id)).toEqual(['KR9']);
    expect(report.warnings.join('\n')).toMatch(/Row \d+ \(T1\) is not linked to its parent kr9/);
    expect(w.emu.writes().filter((e) => e.path.endsWith(t1))).toEqual([]);
    const tasks = report.databases.find((d) => d.database === 'Tasks')!;
    expect(tasks).toEqual({
      database: 'Tasks',
      databaseId: expect.any(String),
      created: 0,
      updated: 0,
      trashed: 0,
      unchanged: 3,
    });
    const counted = report.databases.reduce((n, d) => n + d.created + d.updated + d.trashed + d.unchanged, 0);
    expect(counted + report.rejected.length).toBe(rows.length);
  });

  it('names the Title column for the title property, whatever Notion calls it', async () => {
    const w = await world();
    w.emu.inject({
      kind: 'pages.create',
      status: 400,
      message:
        'body failed validation: body.properties.Name.title[0].text.content.length should be ≤ `2000`, instead was `2400`.',
      times: 1,
    });
    const report = await w.sync(okrPlan());
    expect(report.rejected[0]).toMatchObject({ row: 2, id: 'O1', column: 'Title' });
  });

  it('a value the emulator itself refuses is reported the same way', async () => {
    const w = await world();
    // A Unit longer than Notion's 2,000 characters per text object is split by the mirror; a
    // request built by hand without splitting is refused, naming the property.
    await w.sync(okrPlan());
    const ds = w.db('Tasks').dataSourceId;
    const error = await failure(
      w
        .api()
        .createPage(
          ds,
          { Unit: { rich_text: [{ type: 'text', text: { content: 'x'.repeat(2001) } }] } },
          'creating a test page',
          async () => null,
        ),
    );
    expect(error.kind).toBe('rejected');
    expect(error.notion).toMatchObject({ status: 400, code: 'validation_error' });
    expect(error.message).toContain(
      'body.properties.Unit.rich_text[0].text.content.length should be ≤ `2000`, instead was `2001`',
    );
  });

  it('network: an address where nothing listens', async () => {
    const w = await world();
    const url = w.emu.url;
    await w.emu.stop();
    const api = new NotionApi({ token: w.emu.token, baseUrl: url, ...FAST, retry: { attempts: 2, baseMs: 1 } });
    const error = await failure(syncMirror(mirrorOf(okrPlan()), { api, parentPageId: w.parent, plan: PLAN }));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(
      new RegExp(`Could not reach Notion at ${url} while listing the parent page \\(ECONNREFUSED\\)`),
    );
  });

  it("an answer that is not Notion's (a wrong NOTION_BASE_URL) gives a message, not a crash", async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"hello":"world"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const api = new NotionApi({
        token: 'ntn_x_12345',
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        ...FAST,
      });
      const error = await failure(
        syncMirror(mirrorOf(okrPlan()), { api, parentPageId: '0123456789abcdef0123456789abcdef', plan: PLAN }),
      );
      expect(error.kind).toBe('unexpected');
      expect(error.message).toMatch(
        /Notion answered listing the parent page in a shape cascade does not know \(results: .*\)\. Is NOTION_BASE_URL pointing at the Notion API\?/,
      );
    } finally {
      server.close();
    }
  });

  it('never lets the token out in an error, even one the client throws with the request in it', async () => {
    const w = await world();
    const token = w.emu.token;
    const api = w.api();
    // As an HTTP client may do: the failed request, headers and all, in the message and on the error.
    api.client.blocks.children.list = async () => {
      const error = new Error(`GET ${w.emu.url}/v1/blocks failed: {"authorization":"Bearer ${token}"}`);
      Object.assign(error, { request: { headers: { authorization: `Bearer ${token}` } } });
      throw error;
    };
    const error = await failure(syncMirror(mirrorOf(okrPlan()), { api, parentPageId: w.parent, plan: PLAN }));
    expect(error.message).toContain('Bearer ***');
    for (const text of [error.message, String(error.stack), JSON.stringify(error), JSON.stringify(error.notion)]) {
      expect(text).not.toContain(token);
    }
  });

  it('says plainly when the token has characters no Notion secret has (a space, a line break)', () => {
    for (const token of ['ntn_abc123\rdef456', 'ntn_abc 123def456', 'ntn_abc123’def456']) {
      let error: unknown;
      try {
        new NotionApi({ token, baseUrl: 'http://127.0.0.1:9' });
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(token)).toBeInstanceOf(SyncError);
      expect((error as SyncError).kind).toBe('token-invalid');
      expect((error as SyncError).message).toMatch(/NOTION_TOKEN has a character that a Notion secret never has/);
      expect((error as SyncError).message).not.toContain('abc123');
    }
  });

  it('redacts the token wherever it would appear', () => {
    expect(redact('Bearer ntn_abc123secret and ntn_abc123secret', 'ntn_abc123secret')).toBe('Bearer *** and ***');
    expect(redact('nothing here', undefined)).toBe('nothing here');
  });
});
