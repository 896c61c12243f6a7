// A local Notion API on 127.0.0.1 for the tests and the bench: bearer auth, the Notion-Version
// header, Notion's error bodies, an optional rate limit, injectable faults (429 with Retry-After,
// 5xx, 409, slow answers, lost responses) and a log of every request.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, UNAUTHORIZED } from './errors.js';
import { route } from './handlers.js';
import type { Route } from './handlers.js';
import { newId } from './ids.js';
import { BOT_USER, Model } from './model.js';
import type { UserRec } from './model.js';

export const API_VERSION = '2025-09-03';

export interface LogEntry {
  method: string;
  path: string;
  kind: string;
  write: boolean;
  body: unknown;
  status: number;
}

export interface Fault {
  /** Endpoint kind ("pages.create", "dataSources.query", …), or all when absent. */
  kind?: string;
  /** Only requests this accepts (e.g. a page create for one title). */
  match?: (request: { kind: string; body: Record<string, unknown>; path: string }) => boolean;
  /** Status to answer; 200 (with delayMs) makes a slow but good answer. */
  status: number;
  code?: string;
  message?: string;
  /** Retry-After header, in seconds (429). */
  retryAfter?: number;
  /** A body that is not Notion's JSON (a proxy's HTML page). */
  rawBody?: string;
  /** Wait this long before answering (before the work, or after it with afterProcessing). */
  delayMs?: number;
  /** Do the work, then answer with the fault (or late): the client may lose a response that succeeded. */
  afterProcessing?: boolean;
  /** For the next N matching requests (default: every one). */
  times?: number;
  /** Share of matching requests hit, from a seeded generator (default 1). */
  fraction?: number;
}

export interface EmulatorOptions {
  token?: string;
  /** Notion's limit: an average rate (requests/s) with bursts. Off by default. */
  rateLimit?: { rate: number; burst: number };
  seed?: number;
}

const DEFAULT_CODES: Record<number, [string, string]> = {
  400: ['validation_error', 'body failed validation.'],
  409: ['conflict_error', 'Conflict occurred while saving. Please try again.'],
  429: ['rate_limited', 'You have been rate limited. Please try again in a few minutes.'],
  500: ['internal_server_error', 'Unexpected error occurred.'],
  502: ['internal_server_error', 'Bad gateway.'],
  503: ['service_unavailable', 'Notion is unavailable, please try again later.'],
  504: ['gateway_timeout', 'Gateway timeout.'],
};

export class NotionEmulator {
  readonly model = new Model();
  readonly log: LogEntry[] = [];
  token: string;
  /** Changes a good answer before it is sent (tests use it for fields and types Notion may add). */
  rewrite: ((kind: string, answer: Record<string, unknown>) => Record<string, unknown>) | null = null;
  /** Called after every write Notion carried out (tests use it to crash a run half way). */
  onWrite: ((entry: LogEntry, writes: number) => void) | null = null;
  private faults: (Fault & { left: number })[] = [];
  private server: Server | null = null;
  private rate: { rate: number; burst: number; tokens: number; last: number } | null = null;
  private random: () => number;
  private writesDone = 0;
  /** Tokens of people acting in Notion (a test's stand-in for the Notion app), by token. */
  private people = new Map<string, string>();

  constructor(options: EmulatorOptions = {}) {
    this.token = options.token ?? 'ntn_test_emulator_token_0123456789';
    if (options.rateLimit) this.setRateLimit(options.rateLimit);
    let s = options.seed ?? 42;
    this.random = () => {
      // mulberry32: a seeded generator, so fault storms repeat exactly.
      s = (s + 0x6d2b79f5) | 0;
      let t = Math.imul(s ^ (s >>> 15), 1 | s);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('the emulator is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.serve(req, res));
    this.server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  setRateLimit(limit: { rate: number; burst: number } | null): void {
    this.rate = limit ? { ...limit, tokens: limit.burst, last: performance.now() } : null;
  }

  /** A member of the workspace and a token to act as them: their edits show as theirs in last_edited_by. */
  addPerson(name: string, email?: string): UserRec & { token: string } {
    const user = this.model.addPerson(name, email);
    const token = `ntn_person_${user.id.replace(/-/g, '')}`;
    this.people.set(token, user.id);
    return { ...user, token };
  }

  inject(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? Infinity });
  }

  clearFaults(): void {
    this.faults = [];
  }

  clearLog(): void {
    this.log.length = 0;
  }

  /** Writes Notion received (attempted, whatever the answer). */
  writes(): LogEntry[] {
    return this.log.filter((e) => e.write);
  }

  /** Requests by endpoint kind. */
  countByKind(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const e of this.log) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
    return counts;
  }

  private takeFault(kind: string, body: Record<string, unknown>, path: string): Fault | null {
    for (const fault of this.faults) {
      if (fault.left <= 0) continue;
      if (fault.kind !== undefined && fault.kind !== kind) continue;
      if (fault.match && !fault.match({ kind, body, path })) continue;
      if (fault.fraction !== undefined && this.random() >= fault.fraction) continue;
      fault.left--;
      return fault;
    }
    return null;
  }

  /** The server's own limit: a token bucket; past it, 429 with Retry-After in whole seconds. */
  private rateLimited(): number | null {
    const r = this.rate;
    if (!r) return null;
    const now = performance.now();
    r.tokens = Math.min(r.burst, r.tokens + ((now - r.last) / 1000) * r.rate);
    r.last = now;
    if (r.tokens >= 1) {
      r.tokens -= 1;
      return null;
    }
    return Math.max(1, Math.ceil((1 - r.tokens) / r.rate));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = parsed.pathname;
    const segments = path
      .replace(/^\/v1\/?/, '')
      .split('/')
      .filter(Boolean);
    const found: Route | null = path.startsWith('/v1/') ? route(method, segments) : null;
    const entry: LogEntry = {
      method,
      path,
      kind: found?.kind ?? 'unknown',
      write: found?.write ?? false,
      body: undefined,
      status: 0,
    };
    this.log.push(entry);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      entry.status = status;
      const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
      res.writeHead(status, {
        'content-type': typeof payload === 'string' ? 'text/html' : 'application/json',
        ...headers,
      });
      res.end(text);
    };
    const fail = (error: ApiError, headers: Record<string, string> = {}) =>
      send(
        error.status,
        { object: 'error', status: error.status, code: error.code, message: error.message, request_id: newId() },
        headers,
      );

    try {
      const auth = req.headers.authorization ?? '';
      const bearer = auth.startsWith('Bearer ') ? auth.slice(7) : '';
      const actor = bearer === this.token ? BOT_USER.id : this.people.get(bearer);
      if (actor === undefined) return fail(UNAUTHORIZED());
      const version = req.headers['notion-version'];
      if (version === undefined) {
        return fail(
          new ApiError(
            400,
            'missing_version',
            'Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.',
          ),
        );
      }
      if (version !== API_VERSION) {
        return fail(
          new ApiError(
            400,
            'validation_error',
            `Notion-Version header failed validation: the emulator speaks ${API_VERSION}, instead was \`${String(version)}\`.`,
          ),
        );
      }
      if (!found) return fail(new ApiError(400, 'invalid_request_url', 'Invalid request URL.'));
      let body: Record<string, unknown> = {};
      if (raw.trim() !== '') {
        try {
          body = JSON.parse(raw) as Record<string, unknown>;
        } catch {
          return fail(new ApiError(400, 'invalid_json', 'Error parsing JSON body.'));
        }
        if (typeof body !== 'object' || body === null || Array.isArray(body))
          return fail(new ApiError(400, 'invalid_json', 'Error parsing JSON body.'));
      }
      if ((method === 'GET' || method === 'DELETE') && raw.trim() !== '')
        return fail(new ApiError(400, 'invalid_request', 'GET requests take no body.'));
      entry.body = body;

      const wait = this.rateLimited();
      if (wait !== null)
        return fail(new ApiError(429, 'rate_limited', DEFAULT_CODES[429][1]), { 'retry-after': String(wait) });

      const fault = this.takeFault(found.kind, body, path);
      const delay = () => new Promise((resolve) => setTimeout(resolve, fault?.delayMs ?? 0));
      // A fault before the work (the request is refused), or after it (the response is lost).
      if (fault && !fault.afterProcessing) {
        await delay();
        if (fault.status !== 200) return this.answerFault(fault, send, fail);
      }
      const result = found.handle(this.model, { method, segments, query: parsed.searchParams, body, actor });
      if (found.write) {
        this.writesDone++;
        this.onWrite?.(entry, this.writesDone);
      }
      if (fault?.afterProcessing) {
        await delay();
        if (fault.status !== 200) return this.answerFault(fault, send, fail);
      }
      const answer = { ...(result as Record<string, unknown>), request_id: newId() };
      send(200, this.rewrite ? this.rewrite(found.kind, answer) : answer);
    } catch (error) {
      if (error instanceof ApiError) return fail(error);
      fail(new ApiError(500, 'internal_server_error', `Emulator failure: ${(error as Error).message}`));
    }
  }

  private answerFault(
    fault: Fault,
    send: (status: number, payload: unknown, headers?: Record<string, string>) => void,
    fail: (error: ApiError, headers?: Record<string, string>) => void,
  ): void {
    const headers: Record<string, string> =
      fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
    if (fault.rawBody !== undefined) return send(fault.status, fault.rawBody, headers);
    const [code, message] = DEFAULT_CODES[fault.status] ?? ['internal_server_error', 'Unexpected error occurred.'];
    fail(new ApiError(fault.status, fault.code ?? code, fault.message ?? message), headers);
  }
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<NotionEmulator> {
  return new NotionEmulator(options).start();
}
