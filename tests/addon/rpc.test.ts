// The sidebar's google.script.run wrapper, with a stand-in for the runner Apps Script injects.
import { afterEach, describe, expect, test } from 'vitest';
import { ApiError, MAX_IN_FLIGHT, call, inFlightCount, onBusyChange, unwrap } from '../../apps-script/sidebar/rpc.js';

type Handler = (value: unknown) => void;
interface Pending {
  name: string;
  args: unknown[];
  succeed: Handler;
  fail: Handler;
}

function fakeRunner(pending: Pending[]) {
  const make = (succeed: Handler, fail: Handler): unknown =>
    new Proxy(
      {},
      {
        get(_target, property: string) {
          if (property === 'withSuccessHandler') return (h: Handler) => make(h, fail);
          if (property === 'withFailureHandler') return (h: Handler) => make(succeed, h);
          return (...args: unknown[]) => pending.push({ name: property, args, succeed, fail });
        },
      },
    );
  return make(
    () => {},
    () => {},
  );
}

const g = globalThis as unknown as { window?: unknown };
afterEach(() => {
  delete g.window;
});

describe('call()', () => {
  test('resolves with the server’s value and sends JSON-safe copies of the arguments', async () => {
    const pending: Pending[] = [];
    g.window = { google: { script: { run: fakeRunner(pending) } } };
    const request = { sheet: null, extra: undefined } as unknown as { sheet: null };
    const promise = call('apiCheck', request);
    expect(pending).toHaveLength(1);
    expect(pending[0].name).toBe('apiCheck');
    expect(pending[0].args).toEqual([{ sheet: null }]);
    expect(Object.keys(pending[0].args[0] as object)).toEqual(['sheet']);
    pending[0].succeed({ ok: true, value: 42 });
    await expect(promise).resolves.toEqual({ ok: true, value: 42 });
  });

  test('never has more than 10 calls in flight; the others wait their turn, in order', async () => {
    const pending: Pending[] = [];
    g.window = { google: { script: { run: fakeRunner(pending) } } };
    const busy: boolean[] = [];
    onBusyChange((b) => busy.push(b));
    const promises = Array.from({ length: 25 }, (_, i) => call('apiSelect', { sheet: 'Plan', row: i + 2, col: null }));
    expect(MAX_IN_FLIGHT).toBe(10);
    expect(pending).toHaveLength(10);
    expect(inFlightCount()).toBe(10);
    let answered = 0;
    while (answered < 25) {
      expect(inFlightCount()).toBeLessThanOrEqual(10);
      const next = pending[answered];
      next.succeed({ ok: true, value: { selected: `row ${(next.args[0] as { row: number }).row}` } });
      answered++;
    }
    const results = await Promise.all(promises);
    expect(results.map((r) => unwrap(r).selected)).toEqual(Array.from({ length: 25 }, (_, i) => `row ${i + 2}`));
    expect(inFlightCount()).toBe(0);
    expect(busy).toEqual([true, false]);
  });

  test('a server failure rejects with its message; outside Sheets the call says so', async () => {
    const pending: Pending[] = [];
    g.window = { google: { script: { run: fakeRunner(pending) } } };
    const promise = call('apiGetState');
    pending[0].fail({ name: 'ScriptError', message: 'Exceeded maximum execution time' });
    await expect(promise).rejects.toThrow('Exceeded maximum execution time');
    g.window = {};
    await expect(call('apiGetState')).rejects.toThrow(/inside Google Sheets/);
  });

  test('a server failure reads as its words: no "Error:" prefix, no stack, never "[object Object]"', async () => {
    const pending: Pending[] = [];
    g.window = { google: { script: { run: fakeRunner(pending) } } };
    const failures: unknown[] = [
      new Error('Error: Service Spreadsheets timed out while accessing document with id 1a2b.'),
      { name: 'ScriptError', message: 'Exception: Too many simultaneous invocations: Spreadsheets' },
      {
        name: 'ScriptError',
        message:
          'TypeError: Cannot read properties of null (reading "getName")\n    at pickSheet (Code:14995:19)\n    at runCheck (Code:15010:3)',
      },
      {},
      undefined,
      '',
    ];
    const messages: string[] = [];
    for (const failure of failures) {
      const promise = call('apiGetState');
      pending.at(-1)!.fail(failure);
      messages.push(
        await promise.then(
          () => 'resolved',
          (error: Error) => error.message,
        ),
      );
    }
    expect(messages).toEqual([
      'Service Spreadsheets timed out while accessing document with id 1a2b.',
      'Too many simultaneous invocations: Spreadsheets',
      'TypeError: Cannot read properties of null (reading "getName")',
      'Google Sheets did not say why. Try again in a moment.',
      'Google Sheets did not say why. Try again in a moment.',
      'Google Sheets did not say why. Try again in a moment.',
    ]);
  });

  test('unwrap turns a refused request into an ApiError with the server’s code and words', () => {
    expect(unwrap({ ok: true, value: 1 })).toBe(1);
    try {
      unwrap({ ok: false, error: { code: 'not-a-plan', message: 'The sheet "Budget" is not a plan.' } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('not-a-plan');
      expect((error as ApiError).message).toBe('The sheet "Budget" is not a plan.');
    }
  });
});
