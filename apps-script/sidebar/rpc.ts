import type { Api, ApiName, ErrorCode, Result } from '../protocol.js';

// A typed promise wrapper over google.script.run: call('apiCheck', request) resolves with the
// server's typed answer. At most MAX_IN_FLIGHT calls run at once (Apps Script refuses more);
// others wait their turn. Arguments are sent as JSON-safe copies (no Date, no undefined).

interface Runner {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: unknown) => void): Runner;
  [name: string]: unknown;
}

declare global {
  interface Window {
    google?: { script?: { run?: Runner } };
  }
}

export const MAX_IN_FLIGHT = 10;

let inFlight = 0;
const waiting: (() => void)[] = [];
const busyListeners: ((busy: boolean) => void)[] = [];

/** Called with true when the first call starts and false when the last one ends. */
export function onBusyChange(listener: (busy: boolean) => void): void {
  busyListeners.push(listener);
}

export function inFlightCount(): number {
  return inFlight;
}

/** Thrown for a problem the server reported in words the user can act on. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function call<K extends ApiName>(name: K, ...args: Parameters<Api[K]>): Promise<ReturnType<Api[K]>> {
  const payload = JSON.parse(JSON.stringify(args)) as unknown[];
  return new Promise((resolve, reject) => {
    const start = () => {
      setInFlight(inFlight + 1);
      const settle = () => {
        setInFlight(inFlight - 1);
        waiting.shift()?.();
      };
      const run = window.google?.script?.run;
      if (!run) {
        settle();
        reject(
          new ApiError('not-in-sheets', 'This page runs inside Google Sheets: open it from Extensions → Cascade.'),
        );
        return;
      }
      const runner = run
        .withSuccessHandler((value) => {
          settle();
          resolve(value as ReturnType<Api[K]>);
        })
        .withFailureHandler((error) => {
          settle();
          reject(failureError(error));
        });
      (runner[name] as (...a: unknown[]) => void)(...payload);
    };
    if (inFlight < MAX_IN_FLIGHT) start();
    else waiting.push(start);
  });
}

/** Said when Apps Script fails a call without a message. */
export const SILENT_FAILURE = 'Google Sheets did not say why. Try again in a moment.';

/**
 * The words of a failed call, as a person should read them. Apps Script hands the failure handler
 * an Error or an error-like object whose message may carry the server's "Error: " or "Exception: "
 * prefix and, for a script error, stack lines; a person needs neither.
 */
export function failureMessage(error: unknown): string {
  const raw = typeof error === 'string' ? error : (error as { message?: unknown } | null | undefined)?.message;
  const text = typeof raw === 'string' ? raw : '';
  const firstLine = text.split('\n').find((line) => !/^\s+at\s/.test(line) && line.trim() !== '') ?? '';
  const words = firstLine.replace(/^(?:Error|Exception|ScriptError):\s*/, '').trim();
  return words === '' ? SILENT_FAILURE : words;
}

/**
 * Signed in to several Google accounts, a person whose default account is not the one using the
 * sheet gets these from every google.script.run call: a documented Apps Script limitation
 * (troubleshooting guide, "Multiple Google Accounts"), not something Cascade or the person did.
 */
const MULTIPLE_ACCOUNTS = /PERMISSION_DENIED|error occurred while reading from storage|Authorization is required/i;

/** A failed call as the error the sidebar shows: the multiple-accounts limitation, or Google's words. */
export function failureError(error: unknown): ApiError {
  const words = failureMessage(error);
  if (MULTIPLE_ACCOUNTS.test(words)) {
    return new ApiError(
      'multiple-accounts',
      'Cascade cannot run: you are signed in to more than one Google account in this browser.',
    );
  }
  return new ApiError('google-failed', words);
}

/** The value of a Result, or an ApiError with the server's message. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message);
}

function setInFlight(count: number): void {
  const was = inFlight > 0;
  inFlight = count;
  if (was !== inFlight > 0) for (const listener of busyListeners) listener(inFlight > 0);
}
