// The built bundle dist/Code.js loaded as Apps Script loads it: one classic script in a fresh
// context whose globals are the fake services. Everything the tests call goes through the
// top-level functions of Code.js, so a bundling mistake fails them.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type { Api, ApiName } from '../../apps-script/protocol.js';
import { newerSource } from '../build-freshness.js';
import { FakeWorld } from './fake/services.js';
import type { WorldOptions } from './fake/services.js';
import { a1Of } from './fake/sheets.js';
import type { FakeSheet } from './fake/sheets.js';

export const DIST = path.resolve('dist');
const CODE = path.join(DIST, 'Code.js');

let cachedCode: string | null = null;
function code(): string {
  if (cachedCode === null) {
    if (!existsSync(CODE))
      throw new Error('dist/Code.js is missing: run `npm run build` (or node scripts/build.mjs) first.');
    // dist/help.html comes from docs/add-on.md in the same build: a newer guide is a stale Help page.
    const stale = newerSource(CODE, [
      'apps-script',
      'shared',
      'scripts/build-addon.mjs',
      'scripts/help-page.mjs',
      'docs/add-on.md',
      'package.json',
    ]);
    if (stale) throw new Error(`dist/Code.js is older than ${path.relative('.', stale)}: run \`npm run build\` first.`);
    cachedCode = readFileSync(CODE, 'utf8');
  }
  return cachedCode;
}

/** ScriptApp.AuthMode: an enum whose values print as their names. */
export type AuthMode = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';
class FakeAuthMode {
  constructor(private readonly name: AuthMode) {}
  toString(): string {
    return this.name;
  }
  toJSON(): string {
    return this.name;
  }
}

export interface Loaded {
  world: FakeWorld;
  context: vm.Context;
  /** A top-level function of Code.js, called as Apps Script would (arguments as given). */
  run(name: string, ...args: unknown[]): unknown;
  /** A google.script.run target: arguments and result cross as JSON, as they do in Apps Script. */
  api<K extends ApiName>(name: K, ...args: Parameters<Api[K]>): ReturnType<Api[K]>;
  /** A google.script.run target that returns a promise: Apps Script waits for it, then sends its value as JSON. */
  apiAsync<K extends ApiName>(name: K, ...args: Parameters<Api[K]>): Promise<Awaited<ReturnType<Api[K]>>>;
  /**
   * A user edit: the cells change, then the simple trigger onEdit runs with its event, in
   * AuthMode.LIMITED (the add-on is enabled in the document) unless `authMode` says otherwise.
   */
  edit(sheet: FakeSheet, row: number, col: number, values: unknown[][], authMode?: AuthMode): void;
}

export function loadBundle(options: WorldOptions = {}): Loaded {
  const world = new FakeWorld({ distDir: DIST, ...options });
  const context = vm.createContext({ ...world.globals });
  vm.runInContext(code(), context, { filename: 'Code.js' });
  // Each top-level call is one execution: when it ends, Apps Script releases the locks it holds.
  const run = (name: string, ...args: unknown[]) => {
    const fn = context[name];
    if (typeof fn !== 'function') throw new Error(`Code.js has no top-level function ${name}.`);
    try {
      return (fn as (...a: unknown[]) => unknown)(...args);
    } finally {
      world.lock.endExecution();
    }
  };
  const parseInContext = vm.runInContext('JSON.parse', context) as (text: string) => unknown;
  return {
    world,
    context,
    run,
    api(name, ...args) {
      const sent = parseInContext(JSON.stringify(args)) as unknown[];
      const result = run(name, ...sent);
      assertJsonSafe(result, name);
      return JSON.parse(JSON.stringify(result));
    },
    async apiAsync(name, ...args) {
      const sent = parseInContext(JSON.stringify(args)) as unknown[];
      const result = await run(name, ...sent);
      assertJsonSafe(result, name);
      return JSON.parse(JSON.stringify(result));
    },
    edit(sheet, row, col, values, authMode = 'LIMITED') {
      const rows = values.length;
      const cols = values[0].length;
      const old = rows === 1 && cols === 1 ? sheet.shown(row, col) : undefined;
      sheet.range(row, col, rows, cols).setValues(values);
      const range = sheet.range(row, col, rows, cols).api;
      const event: Record<string, unknown> = {
        authMode: new FakeAuthMode(authMode),
        range,
        source: world.spreadsheet.api,
        user: { getEmail: () => 'manager@example.com' },
      };
      if (rows === 1 && cols === 1) {
        event.value = values[0][0];
        if (old !== '' && old !== undefined) event.oldValue = typeof old === 'string' ? old : String(old);
      }
      run('onEdit', event);
    },
  };
}

/** What may cross google.script.run: no Date, undefined, function, NaN or class instance. */
export function assertJsonSafe(value: unknown, where: string, at = '$'): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${where}: ${at} is ${value}, which JSON cannot carry.`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertJsonSafe(v, where, `${at}[${i}]`));
    return;
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== null && Object.getPrototypeOf(proto) !== null)
      throw new Error(`${where}: ${at} is not a plain object.`);
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined) throw new Error(`${where}: ${at}.${k} is undefined (google.script.run drops it).`);
      assertJsonSafe(v, where, `${at}.${k}`);
    }
    return;
  }
  throw new Error(`${where}: ${at} is a ${typeof value}, which google.script.run cannot carry.`);
}

export { a1Of };
