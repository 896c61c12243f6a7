// The emulator refuses what Notion refuses, with Notion's status codes and error bodies; otherwise
// the mirror's tests would prove nothing.
import { Client } from '@notionhq/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from './emulator/index.js';
import type { NotionEmulator } from './emulator/index.js';

let emu: NotionEmulator;
let parent: string;
let notion: Client;

beforeEach(async () => {
  emu = await startEmulator();
  parent = emu.model.addPage('Plans');
  notion = new Client({ auth: emu.token, baseUrl: emu.url, retry: false, logger: () => {} });
});
afterEach(async () => {
  await emu.stop();
});

async function raw(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  const response = await fetch(`${emu.url}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${emu.token}`,
      'notion-version': '2025-09-03',
      'content-type': 'application/json',
      ...init.headers,
    },
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

async function refused(promise: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { status: number; code: string; message: string } | null;
  expect(error, 'the request is refused').not.toBeNull();
  return error!;
}

async function tasksDatabase() {
  const db = (await notion.databases.create({
    parent: { type: 'page_id', page_id: parent },
    title: [{ text: { content: 'Tasks' } }],
    initial_data_source: {
      properties: {
        Name: { title: {} },
        Estimate: { number: { format: 'number' } },
        Stage: { select: { options: [{ name: 'Open', color: 'green' }] } },
        Due: { date: {} },
      },
    },
  })) as { id: string; data_sources: { id: string }[] };
  return { databaseId: db.id, dataSourceId: db.data_sources[0].id };
}

describe('the emulator, at the HTTP level', () => {
  it('answers 401 unauthorized, in Notion error shape, to a wrong or missing token', async () => {
    const wrong = await raw(`/v1/blocks/${parent}/children`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({
      object: 'error',
      status: 401,
      code: 'unauthorized',
      message: 'API token is invalid.',
    });
    const missing = await fetch(`${emu.url}/v1/blocks/${parent}/children`, {
      headers: { 'notion-version': '2025-09-03' },
    });
    expect(missing.status).toBe(401);
  });

  it('requires the Notion-Version header', async () => {
    const stripped = await fetch(`${emu.url}/v1/blocks/${parent}/children`, {
      headers: { authorization: `Bearer ${emu.token}` },
    });
    expect(stripped.status).toBe(400);
    expect(await stripped.json()).toMatchObject({ code: 'missing_version' });
    const old = await raw(`/v1/blocks/${parent}/children`, { headers: { 'notion-version': '2022-06-28' } });
    expect(old.status).toBe(400);
  });

  it('answers 400 to unknown URLs, bad JSON and ids that are not UUIDs', async () => {
    expect((await raw('/v1/nowhere')).body).toMatchObject({ status: 400, code: 'invalid_request_url' });
    expect((await raw('/v1/pages', { method: 'POST', body: '{not json' })).body).toMatchObject({
      code: 'invalid_json',
    });
    expect((await raw('/v1/pages/not-a-uuid')).body).toMatchObject({
      code: 'validation_error',
      message: expect.stringContaining('path.page_id should be a valid uuid'),
    });
  });

  it('rate limits when asked: 429 rate_limited with Retry-After in whole seconds', async () => {
    emu.setRateLimit({ rate: 3, burst: 2 });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 4; i++) {
      const r = await raw(`/v1/blocks/${parent}/children`);
      statuses.push(r.status);
      if (r.status === 429) retryAfter = r.headers.get('retry-after');
    }
    expect(statuses).toEqual([200, 200, 429, 429]);
    expect(retryAfter).toMatch(/^\d+$/);
  });
});

describe('the emulator, with the SDK', () => {
  it('hides pages that are not shared with the integration (404 object_not_found)', async () => {
    const hidden = emu.model.addPage('Secret', { shared: false });
    const error = await refused(notion.blocks.children.list({ block_id: hidden }));
    expect(error).toMatchObject({ status: 404, code: 'object_not_found' });
    expect(error.message).toContain('Make sure the relevant pages and databases are shared with your integration.');
    await refused(notion.databases.create({ parent: { type: 'page_id', page_id: hidden }, title: [] }));
  });

  it('lists databases as child_database blocks of their page, with their data sources', async () => {
    emu.model.addBlock(parent, { type: 'paragraph', text: 'Our plans live here.' });
    const { databaseId, dataSourceId } = await tasksDatabase();
    const children = (await notion.blocks.children.list({ block_id: parent })) as {
      results: { id: string; type: string; child_database?: { title: string } }[];
    };
    expect(children.results.map((b) => b.type)).toEqual(['paragraph', 'child_database']);
    expect(children.results[1]).toMatchObject({ id: databaseId, child_database: { title: 'Tasks' } });
    const db = await notion.databases.retrieve({ database_id: databaseId });
    expect(db).toMatchObject({
      object: 'database',
      data_sources: [{ id: dataSourceId, name: 'Tasks' }],
      parent: { type: 'page_id', page_id: parent },
    });
    const ds = (await notion.dataSources.retrieve({ data_source_id: dataSourceId })) as {
      properties: Record<string, { type: string }>;
    };
    expect(Object.fromEntries(Object.entries(ds.properties).map(([k, v]) => [k, v.type]))).toEqual({
      Name: 'title',
      Estimate: 'number',
      Stage: 'select',
      Due: 'date',
    });
  });

  it('refuses unknown properties, wrong value types and bad values', async () => {
    const { dataSourceId } = await tasksDatabase();
    const create = (properties: Record<string, unknown>) =>
      notion.pages.create({ parent: { data_source_id: dataSourceId }, properties: properties as never });
    expect(await refused(create({ Owner: { rich_text: [] } }))).toMatchObject({
      status: 400,
      code: 'validation_error',
      message: 'Owner is not a property that exists.',
    });
    expect((await refused(create({ Estimate: { rich_text: [] } }))).message).toBe('Estimate is expected to be number.');
    expect((await refused(create({ Estimate: { number: '3' } }))).message).toContain(
      'body.properties.Estimate.number should be a number or `null`',
    );
    expect((await refused(create({ Name: { title: [{ text: { content: 'x'.repeat(2001) } }] } }))).message).toContain(
      'body.properties.Name.title[0].text.content.length should be ≤ `2000`, instead was `2001`',
    );
    const many = Array.from({ length: 101 }, () => ({ text: { content: 'a' } }));
    expect((await refused(create({ Name: { title: many } }))).message).toContain(
      'body.properties.Name.title.length should be ≤ `100`',
    );
    expect((await refused(create({ Stage: { select: { name: 'Open, later' } } }))).message).toContain('commas');
    expect((await refused(create({ Due: { date: { start: 'next Friday' } } }))).message).toContain(
      'body.properties.Due.date.start should be a valid ISO 8601 date string',
    );
  });

  it('refuses a parent whose type names another kind of parent than the id it gives', async () => {
    const { dataSourceId } = await tasksDatabase();
    const parentOf = (p: Record<string, unknown>) => notion.pages.create({ parent: p as never, properties: {} });
    expect(await refused(parentOf({ type: 'database_id', data_source_id: dataSourceId }))).toMatchObject({
      status: 400,
      code: 'validation_error',
    });
    expect((await refused(parentOf({ type: 'database_id', data_source_id: dataSourceId }))).message).toContain(
      'body.parent.database_id should be defined',
    );
    await expect(parentOf({ type: 'data_source_id', data_source_id: dataSourceId })).resolves.toMatchObject({
      object: 'page',
    });
    const database = (p: Record<string, unknown>) =>
      notion.databases.create({ parent: p as never, title: [{ text: { content: 'X' } }] });
    expect((await refused(database({ type: 'workspace', page_id: parent }))).message).toContain(
      'body.parent.type should be `"page_id"`',
    );
  });

  it('adds a select option written by name, as Notion does', async () => {
    const { dataSourceId } = await tasksDatabase();
    await notion.pages.create({
      parent: { data_source_id: dataSourceId },
      properties: { Stage: { select: { name: 'Blocked' } } },
    });
    const ds = (await notion.dataSources.retrieve({ data_source_id: dataSourceId })) as unknown as {
      properties: { Stage: { select: { options: { name: string }[] } } };
    };
    expect(ds.properties.Stage.select.options.map((o) => o.name)).toEqual(['Open', 'Blocked']);
  });

  it('refuses relation targets outside the related data source', async () => {
    const { dataSourceId } = await tasksDatabase();
    const other = (await notion.databases.create({
      parent: { type: 'page_id', page_id: parent },
      title: [{ text: { content: 'Goals' } }],
      initial_data_source: { properties: { Name: { title: {} } } },
    })) as { data_sources: { id: string }[] };
    await notion.dataSources.update({
      data_source_id: dataSourceId,
      properties: {
        Goal: { relation: { data_source_id: other.data_sources[0].id, type: 'dual_property', dual_property: {} } },
      },
    });
    const task = await notion.pages.create({ parent: { data_source_id: dataSourceId }, properties: {} });
    const error = await refused(
      notion.pages.update({ page_id: task.id, properties: { Goal: { relation: [{ id: task.id }] } } }),
    );
    expect(error).toMatchObject({ status: 400, code: 'validation_error' });
    expect(error.message).toContain('is not in the data source this relation points to');
  });

  it('paginates queries 100 at a time and refuses a page_size over 100', async () => {
    const { dataSourceId } = await tasksDatabase();
    for (let i = 0; i < 250; i++)
      await notion.pages.create({ parent: { data_source_id: dataSourceId }, properties: { Estimate: { number: i } } });
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await notion.dataSources.query({ data_source_id: dataSourceId, start_cursor: cursor });
      sizes.push(page.results.length);
      cursor = page.next_cursor ?? undefined;
      expect(page.has_more).toBe(cursor !== undefined);
    } while (cursor);
    expect(sizes).toEqual([100, 100, 50]);
    expect(
      (await refused(notion.dataSources.query({ data_source_id: dataSourceId, page_size: 101 }))).message,
    ).toContain('page_size should be ≤ `100`');
  });

  it('filters by a property, leaves trashed pages out, and refuses edits to a trashed page', async () => {
    const { dataSourceId } = await tasksDatabase();
    const a = await notion.pages.create({
      parent: { data_source_id: dataSourceId },
      properties: { Name: { title: [{ text: { content: 'Alpha' } }] } },
    });
    await notion.pages.create({
      parent: { data_source_id: dataSourceId },
      properties: { Name: { title: [{ text: { content: 'Beta' } }] } },
    });
    const found = await notion.dataSources.query({
      data_source_id: dataSourceId,
      filter: { property: 'Name', title: { equals: 'Alpha' } },
    });
    expect(found.results.map((p) => p.id)).toEqual([a.id]);
    await notion.pages.update({ page_id: a.id, in_trash: true });
    const live = await notion.dataSources.query({ data_source_id: dataSourceId });
    expect(live.results).toHaveLength(1);
    const error = await refused(notion.pages.update({ page_id: a.id, properties: { Estimate: { number: 1 } } }));
    expect(error.message).toContain("Can't edit block that is archived");
    expect(
      (
        await refused(
          notion.dataSources.query({
            data_source_id: dataSourceId,
            filter: { property: 'Nope', rich_text: { equals: 'x' } },
          }),
        )
      ).message,
    ).toContain('Could not find property with name or id: Nope');
  });

  it('injects faults for the next N requests of an endpoint, and can lose a response after doing the work', async () => {
    const { dataSourceId } = await tasksDatabase();
    emu.inject({ kind: 'pages.create', status: 502, afterProcessing: true, times: 1 });
    const error = await refused(notion.pages.create({ parent: { data_source_id: dataSourceId }, properties: {} }));
    expect(error.status).toBe(502);
    expect((await notion.dataSources.query({ data_source_id: dataSourceId })).results).toHaveLength(1);
    await notion.pages.create({ parent: { data_source_id: dataSourceId }, properties: {} });
    expect(emu.writes().map((e) => e.status)).toEqual([200, 502, 200]);
  });
});
