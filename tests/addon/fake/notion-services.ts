// The services the Notion tab adds: UrlFetchApp (each request answered by the Notion emulator
// before it returns), ScriptApp's clock triggers, the user's properties, cache and lock, and a
// clock of the test's own that Utilities.sleep and each request move on. An execution that runs
// past Apps Script's 6 minutes on that clock is stopped with Apps Script's error.
import type { NotionSide } from '../notion/notion-world.js';
import { counted } from './counter.js';
import type { CallCounter } from './counter.js';
import { FakeLock, FakeProperties } from './services.js';

export const EXECUTION_LIMIT_MS = 6 * 60_000;

export class FakeClock {
  /** A Wednesday morning in May 2026. */
  now = Date.UTC(2026, 4, 6, 8, 0, 0);
  /** When the current execution started (null between executions). */
  executionStart: number | null = null;

  advance(ms: number): void {
    this.now += ms;
    if (this.executionStart !== null && this.now - this.executionStart > EXECUTION_LIMIT_MS) {
      throw new Error('Exceeded maximum execution time');
    }
  }

  /** A Date class for the script's context that reads this clock. */
  dateClass(): DateConstructor {
    const now = () => this.now;
    class ClockDate extends Date {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(now());
        else super(...(args as [string]));
      }
      static override now(): number {
        return now();
      }
    }
    return ClockDate as unknown as DateConstructor;
  }
}

export interface FakeTrigger {
  id: string;
  handler: string;
  /** 'after' for a one-off, else the schedule. */
  kind: 'after' | 'hourly' | 'daily';
  dueAt: number;
}

export class FakeCache {
  readonly store = new Map<string, string>();
  put(key: string, value: string): void {
    this.store.set(key, value);
  }
  get(key: string): string | null {
    return this.store.get(key) ?? null;
  }
  remove(key: string): void {
    this.store.delete(key);
  }
}

export interface NotionServicesOptions {
  notion: NotionSide;
  counter: CallCounter;
  clock: FakeClock;
  /** Time each request (or batch of requests sent together) takes. */
  latencyMs: number;
}

export class NotionServices {
  readonly userProperties: FakeProperties;
  readonly userLock: FakeLock;
  readonly cache = new FakeCache();
  readonly triggers: FakeTrigger[] = [];
  /** Every request sent: method and URL (the secret is in a header, checked apart). */
  readonly requests: { method: string; url: string; headers: Record<string, string> }[] = [];
  readonly globals: Record<string, unknown>;
  /** Called before each request is sent (a test can change the sheet while a run is under way). */
  beforeRequest: (() => void) | null = null;
  private nextTrigger = 1;

  constructor(private readonly options: NotionServicesOptions) {
    const { counter, clock } = options;
    this.userProperties = new FakeProperties(counter);
    this.userLock = new FakeLock(counter);

    const urlFetchApp = {
      fetch: (url: string, params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {}) => {
        const [answer] = this.sendAll([{ url, ...params }]);
        return answer;
      },
      fetchAll: (requests: GoogleAppsScript.URL_Fetch.URLFetchRequest[]) => this.sendAll(requests),
    };
    const triggerBuilder = (handler: string) => {
      const spec: Partial<FakeTrigger> = { handler };
      const create = () => {
        const trigger = { id: `trigger-${this.nextTrigger++}`, ...spec } as FakeTrigger;
        this.triggers.push(trigger);
        return { getUniqueId: () => trigger.id, getHandlerFunction: () => trigger.handler };
      };
      const clockBuilder = {
        after: (ms: number) => ({
          create: () => (Object.assign(spec, { kind: 'after', dueAt: clock.now + ms }), create()),
        }),
        everyHours: (n: number) => {
          if (n !== 1) throw new Error('The fake knows hourly schedules only.');
          return { create: () => (Object.assign(spec, { kind: 'hourly', dueAt: clock.now + 3_600_000 }), create()) };
        },
        everyDays: (n: number) => {
          if (n !== 1) throw new Error('The fake knows daily schedules only.');
          const daily = {
            atHour: () => daily,
            create: () => (Object.assign(spec, { kind: 'daily', dueAt: clock.now + 86_400_000 }), create()),
          };
          return daily;
        },
      };
      return { timeBased: () => clockBuilder };
    };
    const scriptApp = {
      newTrigger: (handler: string) => triggerBuilder(handler),
      getProjectTriggers: () =>
        this.triggers.map((t) => ({ getUniqueId: () => t.id, getHandlerFunction: () => t.handler })),
      deleteTrigger: (trigger: { getUniqueId(): string }) => {
        const at = this.triggers.findIndex((t) => t.id === trigger.getUniqueId());
        if (at >= 0) this.triggers.splice(at, 1);
      },
    };
    this.globals = {
      UrlFetchApp: counted(urlFetchApp, 'UrlFetchApp', counter),
      ScriptApp: counted(scriptApp, 'ScriptApp', counter),
      CacheService: counted({ getUserCache: () => this.cache }, 'CacheService', counter),
      Date: clock.dateClass(),
    };
  }

  private sendAll(requests: GoogleAppsScript.URL_Fetch.URLFetchRequest[]): GoogleAppsScript.URL_Fetch.HTTPResponse[] {
    this.beforeRequest?.();
    const answers = requests.map((request) => {
      const headers: Record<string, string> = { ...(request.headers as Record<string, string>) };
      if (request.contentType) headers['content-type'] = request.contentType;
      if (request.muteHttpExceptions !== true)
        throw new Error('Cascade must fetch with muteHttpExceptions (it reads Notion error answers itself).');
      this.requests.push({ method: String(request.method ?? 'get'), url: request.url, headers });
      const answer = this.options.notion.send({
        url: request.url,
        method: String(request.method ?? 'get').toUpperCase(),
        headers,
        body: typeof request.payload === 'string' ? request.payload : undefined,
      });
      return {
        getResponseCode: () => answer.status,
        getContentText: () => answer.text,
        getAllHeaders: () => answer.headers,
        getHeaders: () => answer.headers,
      } as unknown as GoogleAppsScript.URL_Fetch.HTTPResponse;
    });
    // Requests sent together take the time of one.
    this.options.clock.advance(this.options.latencyMs);
    return answers;
  }
}
