// What can go wrong talking to Notion, said so that a user knows what to do next.
import { APIErrorCode, APIResponseError, isHTTPResponseError, RequestTimeoutError } from '@notionhq/client';

export type SyncErrorKind =
  | 'token-missing'
  | 'token-invalid'
  | 'unauthorized'
  | 'parent-not-found'
  | 'parent-trashed'
  | 'restricted'
  | 'unavailable'
  | 'network'
  | 'rejected'
  | 'bad-plan'
  | 'mass-trash'
  | 'conflict'
  | 'database-trashed'
  | 'unexpected';

/** A failure meant for the user: the message says what happened and how to fix it. */
export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    /** Notion's answer, when there was one. */
    readonly notion: { status?: number; code?: string; message?: string } = {},
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export const SHARE_HINT =
  'Share the page with your integration: open it in Notion, click ••• (top right) → Connections → ' +
  'add your integration (its name as set at notion.so/profile/integrations), then run sync again.';

/** The parent page is unknown to the integration: Notion says 404 for a page that exists but is not shared. */
export function parentNotFound(pageId: string): SyncError {
  return new SyncError(
    'parent-not-found',
    `Notion cannot find the parent page ${pageId}, or it is not shared with your integration (404). ${SHARE_HINT}`,
    { status: 404, code: 'object_not_found' },
  );
}

/** Notion refuses to add under a page in its trash ("Can't edit block that is archived"): say how to get out of it. */
export function parentTrashed(pageId: string, error: unknown): unknown {
  if (
    !(error instanceof SyncError) ||
    error.kind !== 'rejected' ||
    !/archived|in_trash|in the trash/i.test(error.notion.message ?? '')
  )
    return error;
  return new SyncError(
    'parent-trashed',
    `The parent page ${pageId} is in Notion's trash, so nothing can be added under it. Restore it (Notion → Trash → Restore), ` +
      'or pass another page with --parent, then run sync again.',
    error.notion,
  );
}

export function missingToken(): SyncError {
  return new SyncError(
    'token-missing',
    'NOTION_TOKEN is not set. Create an internal integration at https://www.notion.so/profile/integrations, ' +
      'copy its secret, and set NOTION_TOKEN to it (e.g. export NOTION_TOKEN=ntn_…), then run sync again.',
  );
}

/**
 * A token that cannot be sent in a header (a line break, a space or a typographic quote picked up
 * by copy and paste) would fail deep in the HTTP client: say so, naming the place but not the token.
 */
export function checkToken(token: string): void {
  const at = token.search(/[^\x21-\x7e]/);
  if (at < 0) return;
  const char = token[at];
  const what = char === '\n' || char === '\r' ? 'a line break' : /\s/.test(char) ? 'a space' : `"${char}"`;
  throw new SyncError(
    'token-invalid',
    `NOTION_TOKEN has a character that a Notion secret never has (${what} at character ${at + 1}). Copy the secret ` +
      'again (notion.so/profile/integrations → your integration → Internal Integration Secret) and set NOTION_TOKEN to exactly that.',
  );
}

/** How a failed request should be retried. */
export interface Failure {
  /** 'rate': wait for Retry-After; 'backoff': wait and try again; 'none': give up. */
  retry: 'rate' | 'backoff' | 'none';
  /** The request may have been carried out even though it failed (a lost response). */
  ambiguous: boolean;
  /** Retry-After in ms, for 'rate'. */
  waitMs?: number;
  /** Short label for messages: "503 service_unavailable". */
  label: string;
}

const SERVER_CODES = new Set<string>([
  APIErrorCode.InternalServerError,
  APIErrorCode.ServiceUnavailable,
  APIErrorCode.ServiceOverload,
  APIErrorCode.GatewayTimeout,
  'database_connection_unavailable',
]);

/** `now`: the clock's time, against which a Retry-After date is read. */
export function classify(error: unknown, now = Date.now()): Failure {
  if (RequestTimeoutError.isRequestTimeoutError(error)) return { retry: 'backoff', ambiguous: true, label: 'timeout' };
  if (isHTTPResponseError(error)) {
    const label = `${error.status} ${error.code}`;
    if (error.status === 429 || error.code === APIErrorCode.RateLimited) {
      return { retry: 'rate', ambiguous: false, waitMs: retryAfterMs(error.headers, now), label };
    }
    if (error.status === 409 || error.code === APIErrorCode.ConflictError)
      return { retry: 'backoff', ambiguous: false, label };
    if (error.status >= 500 || SERVER_CODES.has(error.code)) return { retry: 'backoff', ambiguous: true, label };
    return { retry: 'none', ambiguous: false, label };
  }
  if (isNetworkError(error)) return { retry: 'backoff', ambiguous: true, label: networkCause(error) };
  return { retry: 'none', ambiguous: false, label: 'error' };
}

/** Retry-After in seconds (Notion sends whole seconds; decimals and HTTP dates are read too). Default 1 s. */
export function retryAfterMs(headers: unknown, now = Date.now()): number {
  const value = headerOf(headers, 'retry-after');
  if (value !== undefined) {
    const seconds = Number(value);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(value);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  return 1000;
}

/** fetch's Headers, or a plain object of them (UrlFetchApp's getAllHeaders). */
interface HeaderMap {
  get(name: string): string | null;
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (headers && typeof (headers as HeaderMap).get === 'function') return (headers as HeaderMap).get(name) ?? undefined;
  if (headers && typeof headers === 'object') {
    for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
      if (key.toLowerCase() === name) return String(value);
    }
  }
  return undefined;
}

function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError && /fetch failed|network|socket|terminated/i.test(error.message);
}

function networkCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

/** The request, in words, for messages: "creating a page". */
export type Doing = string;

/** A failed request → the error the user sees. Retryable failures reach here only after the retries ran out. */
export function explain(error: unknown, doing: Doing, context: { baseUrl: string; attempts: number }): SyncError {
  if (error instanceof SyncError) return error;
  if (isHTTPResponseError(error)) {
    const api = APIResponseError.isAPIResponseError(error);
    const notion = { status: error.status, code: error.code, message: api ? error.message : undefined };
    const notionSays = api ? ` Notion says: ${error.message}` : '';
    if (error.status === 401 || error.code === APIErrorCode.Unauthorized) {
      return new SyncError(
        'unauthorized',
        'Notion refused the token in NOTION_TOKEN (401 unauthorized). Check that it is the current secret of your ' +
          'integration (notion.so/profile/integrations → your integration → Internal Integration Secret), copied whole.',
        notion,
      );
    }
    if (error.status === 403 || error.code === APIErrorCode.RestrictedResource) {
      return new SyncError(
        'restricted',
        `Notion did not allow ${doing} (403 restricted_resource). Give the integration the capabilities Read, Update and ` +
          `Insert content (notion.so/profile/integrations → your integration → Capabilities).${notionSays}`,
        notion,
      );
    }
    const failure = classify(error);
    if (failure.retry !== 'none') {
      return new SyncError(
        'unavailable',
        `Notion kept failing while ${doing} (${failure.label}, ${context.attempts} attempts). Nothing is lost: run sync ` +
          `again later and it carries on where it stopped.${notionSays}`,
        notion,
      );
    }
    return new SyncError('rejected', `Notion refused ${doing} (${error.status} ${error.code}).${notionSays}`, notion);
  }
  if (RequestTimeoutError.isRequestTimeoutError(error)) {
    return new SyncError(
      'unavailable',
      `Notion did not answer in time while ${doing} (${context.attempts} attempts). Run sync again later: it carries on where it stopped.`,
    );
  }
  if (isNetworkError(error)) {
    return new SyncError(
      'network',
      `Could not reach Notion at ${context.baseUrl} while ${doing} (${networkCause(error)}). Check the network ` +
        '(and NOTION_BASE_URL, if set), then run sync again.',
    );
  }
  return new SyncError(
    'unexpected',
    `Unexpected failure while ${doing}: ${(error as Error)?.message ?? String(error)}`,
  );
}

/** The error with the secret taken out of its message and of Notion's words (a new error, so its stack is clean too). */
export function redactError(error: SyncError, secret: string): SyncError {
  const notion =
    error.notion.message === undefined
      ? error.notion
      : { ...error.notion, message: redact(error.notion.message, secret) };
  return new SyncError(error.kind, redact(error.message, secret), notion);
}

/** Replaces every occurrence of the secret by "***" (the token must never be printed). */
export function redact(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join('***');
}
