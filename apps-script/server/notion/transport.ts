// Notion's I/O on Apps Script: a fetch on UrlFetchApp and a clock on Utilities.sleep. UrlFetchApp
// waits for its answer, so each promise is settled by the time it is handed back; requests made
// side by side (the mirror keeps a few in flight) go out together in one UrlFetchApp.fetchAll.
import type { Clock, NotionFetch } from '../../../notion-sync/index.js';

type Request = GoogleAppsScript.URL_Fetch.URLFetchRequest;
type Answer = Awaited<ReturnType<NotionFetch>>;

interface Pending {
  request: Request;
  resolve: (answer: Answer) => void;
  reject: (error: unknown) => void;
}

/** Microtask turns to wait before sending, so that requests started together are sent together. */
const GATHER_TURNS = 8;

export function urlFetch(): NotionFetch {
  let queue: Pending[] = [];
  const send = () => {
    const batch = queue;
    queue = [];
    let answers: GoogleAppsScript.URL_Fetch.HTTPResponse[];
    try {
      answers =
        batch.length === 1
          ? [UrlFetchApp.fetch(batch[0].request.url, batch[0].request)]
          : UrlFetchApp.fetchAll(batch.map((p) => p.request));
    } catch (error) {
      // DNS, timeouts, a refused address: the mirror retries these as network errors.
      const failure = new TypeError(`fetch failed: ${(error as Error)?.message ?? String(error)}`);
      for (const p of batch) p.reject(failure);
      return;
    }
    batch.forEach((p, i) => p.resolve(answerOf(answers[i])));
  };
  return (url, init = {}) =>
    new Promise<Answer>((resolve, reject) => {
      queue.push({ request: requestOf(url, init), resolve, reject });
      if (queue.length === 1) afterTurns(GATHER_TURNS, send);
    });
}

function afterTurns(turns: number, then: () => void): void {
  let chain = Promise.resolve();
  for (let i = 0; i < turns; i++) chain = chain.then(() => undefined);
  void chain.then(then);
}

function requestOf(url: string, init: NonNullable<Parameters<NotionFetch>[1]>): Request {
  const headers: Record<string, string> = {};
  let contentType: string | undefined;
  for (const [name, value] of Object.entries(init.headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-type') contentType = value;
    // Apps Script sets its own User-Agent.
    else if (lower !== 'user-agent') headers[name] = value;
  }
  const request: Request = {
    url,
    method: (init.method ?? 'GET').toLowerCase() as GoogleAppsScript.URL_Fetch.HttpMethod,
    headers,
    muteHttpExceptions: true,
    followRedirects: false,
  };
  if (typeof init.body === 'string') {
    request.payload = init.body;
    request.contentType = contentType ?? 'application/json';
  }
  return request;
}

function answerOf(response: GoogleAppsScript.URL_Fetch.HTTPResponse): Answer {
  const status = response.getResponseCode();
  const text = response.getContentText();
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: response.getAllHeaders(),
    text: () => Promise.resolve(text),
  };
}

/** Time on Apps Script: Date for the hour, Utilities.sleep to wait (it blocks; nothing else runs meanwhile anyway). */
export const appsScriptClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => {
    if (ms > 0) Utilities.sleep(Math.ceil(ms));
    return Promise.resolve();
  },
};
