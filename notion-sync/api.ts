// The Notion calls the mirror makes, each one paced by the token bucket, retried when Notion asks
// for it (429 Retry-After) or fails in passing (5xx, 409, timeouts), and counted.
import { Client } from '@notionhq/client';
import { systemClock } from './clock.js';
import type { Clock } from './clock.js';
import type { z } from 'zod';
import { checkToken, classify, explain, redactError, SyncError } from './errors.js';
import {
  blockShape,
  databaseShape,
  dataSourceShape,
  listShape,
  pageShape,
  relationItemShape,
  userShape,
  viewShape,
} from './shapes.js';
import { NOTION_RATE, TokenBucket } from './limiter.js';
import type { LimiterOptions } from './limiter.js';
import type { PagePropertyValue, PropertyRequest } from './values.js';

export const NOTION_VERSION = '2025-09-03';
export const DEFAULT_BASE_URL = 'https://api.notion.com';

export interface RetryOptions {
  /** Attempts for 5xx, 409, timeouts and network errors (the first one included). */
  attempts: number;
  /** First backoff delay; it doubles on each attempt, with jitter. */
  baseMs: number;
  maxMs: number;
  /** Attempts when Notion answers 429 (each waits for Retry-After). */
  rateLimitedAttempts: number;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 6, baseMs: 500, maxMs: 15_000, rateLimitedAttempts: 30 };

export interface NotionApiOptions {
  token: string;
  baseUrl?: string;
  limiter?: LimiterOptions;
  retry?: Partial<RetryOptions>;
  /** Per request; Notion itself gives up after 60 s. */
  timeoutMs?: number;
  /** How requests are sent: the platform's fetch by default (Apps Script passes one on UrlFetchApp). */
  fetch?: NotionFetch;
  /** How time is read and waited for: Node's timers by default. */
  clock?: Clock;
}

/** The fetch @notionhq/client calls: a URL and method, headers and a JSON body; an answer with status, headers and text. */
export type NotionFetch = NonNullable<NonNullable<ConstructorParameters<typeof Client>[0]>['fetch']>;

export interface CallStats {
  total: number;
  reads: number;
  writes: number;
  retries: number;
  byKind: Record<string, number>;
}

/** The parts of Notion's objects the mirror reads. */
export interface NotionPage {
  id: string;
  created_time: string;
  last_edited_time?: string;
  /** Who changed the page last: the integration's bot, or a person. */
  last_edited_by?: { id: string };
  in_trash?: boolean;
  properties: Record<string, PagePropertyValue>;
}

export interface NotionBlock {
  id: string;
  type: string;
  has_children?: boolean;
  in_trash?: boolean;
  child_database?: { title: string };
}

export interface NotionDatabase {
  id: string;
  created_time: string;
  in_trash?: boolean;
  data_sources: { id: string; name: string }[];
}

export interface PropertySchema {
  id: string;
  name: string;
  type: string;
  description?: string | null;
  number?: { format: string };
  relation?: {
    data_source_id: string;
    type?: 'single_property' | 'dual_property';
    dual_property?: { synced_property_id: string; synced_property_name?: string };
  };
}

export interface NotionDataSource {
  id: string;
  in_trash?: boolean;
  created_by?: { id: string };
  properties: Record<string, PropertySchema>;
}

/** A member of the workspace, or a bot. */
export interface NotionUser {
  id: string;
  type?: string;
  name?: string | null;
  person?: { email?: string };
}

/** A property's configuration in a create or update request. */
export type PropertyConfig = Record<string, unknown>;

interface ListResponse<T> {
  results: T[];
  has_more: boolean;
  next_cursor: string | null;
}

/** Notion's answer, checked against the shape the mirror reads. */
async function checked<T>(shape: z.ZodType, answer: Promise<unknown>, doing: string): Promise<T> {
  const result = shape.safeParse(await answer);
  if (result.success) return result.data as T;
  const issue = result.error.issues[0];
  throw new SyncError(
    'unexpected',
    `Notion answered ${doing} in a shape cascade does not know (${issue.path.join('.') || 'the answer'}: ${issue.message}). ` +
      'Is NOTION_BASE_URL pointing at the Notion API?',
  );
}

export class NotionApi {
  readonly client: Client;
  readonly bucket: TokenBucket;
  readonly baseUrl: string;
  readonly clock: Clock;
  readonly stats: CallStats = { total: 0, reads: 0, writes: 0, retries: 0, byKind: {} };
  private readonly retry: RetryOptions;
  private readonly token: string;

  constructor(options: NotionApiOptions) {
    checkToken(options.token);
    this.token = options.token;
    this.baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.clock = options.clock ?? systemClock;
    this.bucket = new TokenBucket(options.limiter ?? NOTION_RATE, this.clock);
    this.client = new Client({
      auth: options.token,
      baseUrl: this.baseUrl,
      notionVersion: NOTION_VERSION,
      timeoutMs: options.timeoutMs ?? 60_000,
      // Retries are ours, so that they are paced and a lost create is looked for before it is sent again.
      retry: false,
      // The SDK's own log lines would clutter the command's output.
      logger: () => {},
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  /**
   * One request, paced and retried. `verify` runs before a write is sent again after a failure that
   * may hide a success (a 502 or a timeout after Notion did the work): what it finds is the result.
   */
  async call<T>(
    kind: string,
    write: boolean,
    doing: string,
    send: () => Promise<T>,
    verify?: () => Promise<T | null>,
  ): Promise<T> {
    let backoffs = 0;
    let rateLimited = 0;
    for (let attempt = 1; ; attempt++) {
      await this.bucket.take();
      this.count(kind, write, attempt > 1);
      try {
        return await send();
      } catch (error) {
        const failure = classify(error, this.clock.now());
        const spent = failure.retry === 'rate' ? ++rateLimited : ++backoffs;
        const limit = failure.retry === 'rate' ? this.retry.rateLimitedAttempts : this.retry.attempts;
        if (failure.retry === 'none' || spent >= limit) {
          // An error may carry the request it failed on, Authorization header included.
          throw redactError(explain(error, doing, { baseUrl: this.baseUrl, attempts: attempt }), this.token);
        }
        if (failure.retry === 'rate') this.bucket.pause(failure.waitMs ?? 1000);
        else await this.clock.sleep(this.backoff(backoffs));
        if (write && failure.ambiguous && verify) {
          const found = await verify();
          if (found !== null) return found;
        }
      }
    }
  }

  private backoff(n: number): number {
    const ceiling = Math.min(this.retry.maxMs, this.retry.baseMs * 2 ** (n - 1));
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }

  private count(kind: string, write: boolean, retry: boolean): void {
    this.stats.total++;
    if (write) this.stats.writes++;
    else this.stats.reads++;
    if (retry) this.stats.retries++;
    this.stats.byKind[kind] = (this.stats.byKind[kind] ?? 0) + 1;
  }

  /** Every page of a paginated list, 100 at a time. */
  private async all<T>(
    kind: string,
    doing: string,
    fetchPage: (cursor: string | undefined) => Promise<ListResponse<T>>,
  ): Promise<T[]> {
    const results: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.call(kind, false, doing, () => fetchPage(cursor));
      results.push(...page.results);
      cursor = page.has_more && page.next_cursor ? page.next_cursor : undefined;
    } while (cursor);
    return results;
  }

  listChildren(blockId: string): Promise<NotionBlock[]> {
    const doing = 'listing the parent page';
    return this.all('blocks.children.list', doing, (cursor) =>
      checked<ListResponse<NotionBlock>>(
        listShape(blockShape),
        this.client.blocks.children.list({ block_id: blockId, page_size: 100, start_cursor: cursor }),
        doing,
      ),
    );
  }

  retrieveDatabase(databaseId: string): Promise<NotionDatabase> {
    const doing = 'reading a database';
    return this.call('databases.retrieve', false, doing, () =>
      checked<NotionDatabase>(databaseShape, this.client.databases.retrieve({ database_id: databaseId }), doing),
    );
  }

  retrieveDataSource(dataSourceId: string): Promise<NotionDataSource> {
    const doing = "reading a database's properties";
    return this.call('dataSources.retrieve', false, doing, () =>
      checked<NotionDataSource>(
        dataSourceShape,
        this.client.dataSources.retrieve({ data_source_id: dataSourceId }),
        doing,
      ),
    );
  }

  /** Every page of a data source (not in the trash), 100 per request. */
  queryPages(dataSourceId: string, filter?: Record<string, unknown>): Promise<NotionPage[]> {
    const doing = 'reading pages';
    return this.all('dataSources.query', doing, (cursor) =>
      checked<ListResponse<NotionPage>>(
        listShape(pageShape),
        this.client.dataSources.query({
          data_source_id: dataSourceId,
          page_size: 100,
          start_cursor: cursor,
          ...(filter ? { filter: filter as never } : {}),
        }),
        doing,
      ),
    );
  }

  createDatabase(
    parentPageId: string,
    title: string,
    properties: Record<string, PropertyConfig>,
    verify: () => Promise<NotionDatabase | null>,
  ): Promise<NotionDatabase> {
    return this.call(
      'databases.create',
      true,
      `creating the database "${title}"`,
      () =>
        checked<NotionDatabase>(
          databaseShape,
          this.client.databases.create({
            parent: { type: 'page_id', page_id: parentPageId },
            title: [{ type: 'text', text: { content: title } }],
            is_inline: true,
            initial_data_source: { properties: properties as never },
          }),
          `creating the database "${title}"`,
        ),
      verify,
    );
  }

  updateDataSource(
    dataSourceId: string,
    properties: Record<string, PropertyConfig | null>,
    doing: string,
  ): Promise<NotionDataSource> {
    return this.call('dataSources.update', true, doing, () =>
      checked<NotionDataSource>(
        dataSourceShape,
        this.client.dataSources.update({ data_source_id: dataSourceId, properties: properties as never }),
        doing,
      ),
    );
  }

  createPage(
    dataSourceId: string,
    properties: Record<string, PropertyRequest>,
    doing: string,
    verify: () => Promise<NotionPage | null>,
  ): Promise<NotionPage> {
    return this.call(
      'pages.create',
      true,
      doing,
      () =>
        checked<NotionPage>(
          pageShape,
          this.client.pages.create({
            parent: { type: 'data_source_id', data_source_id: dataSourceId },
            properties: properties as never,
          }),
          doing,
        ),
      verify,
    );
  }

  updatePage(pageId: string, properties: Record<string, PropertyRequest>, doing: string): Promise<NotionPage> {
    return this.call('pages.update', true, doing, () =>
      checked<NotionPage>(
        pageShape,
        this.client.pages.update({ page_id: pageId, properties: properties as never }),
        doing,
      ),
    );
  }

  trashPage(pageId: string, doing: string): Promise<NotionPage> {
    return this.call('pages.update', true, doing, () =>
      checked<NotionPage>(pageShape, this.client.pages.update({ page_id: pageId, in_trash: true }), doing),
    );
  }

  /** The integration's own bot user: what it writes shows under this id in last_edited_by. */
  me(): Promise<NotionUser> {
    const doing = 'asking Notion who the integration is';
    return this.call('users.me', false, doing, () => checked<NotionUser>(userShape, this.client.users.me({}), doing));
  }

  /** Every member of the workspace (people and bots). */
  listUsers(): Promise<NotionUser[]> {
    const doing = 'listing the members of the workspace';
    return this.all('users.list', doing, (cursor) =>
      checked<ListResponse<NotionUser>>(
        listShape(userShape),
        this.client.users.list({ page_size: 100, start_cursor: cursor }),
        doing,
      ),
    );
  }

  /** A view (a tab) of a database. */
  createView(dataSourceId: string, view: Record<string, unknown>, doing: string): Promise<{ id: string }> {
    return this.call('views.create', true, doing, () =>
      checked<{ id: string }>(
        viewShape,
        this.client.views.create({ data_source_id: dataSourceId, ...view } as never),
        doing,
      ),
    );
  }

  /** Every target of a relation property, past the 25 a page object lists. */
  async relationIds(pageId: string, propertyId: string): Promise<string[]> {
    const doing = 'reading a relation';
    const items = await this.all('pages.properties.retrieve', doing, (cursor) =>
      checked<ListResponse<{ relation: { id: string } }>>(
        listShape(relationItemShape),
        this.client.pages.properties.retrieve({
          page_id: pageId,
          property_id: propertyId,
          page_size: 100,
          start_cursor: cursor,
        }),
        doing,
      ),
    );
    return items.map((item) => item.relation.id);
  }
}
