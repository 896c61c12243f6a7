// Add-on benchmark: the built bundle (dist/Code.js) against the counting fake of the Apps Script
// services, for plans of 1,000 / 10,000 / 50,000 rows. Per action: service calls (builder calls
// apart: they only assemble a rule locally) and time in this process (the fake's own work
// included; Apps Script adds a round trip per call). Check and Update progress are called as the
// sidebar calls them, with its settings, mappings and time zone. Goals: calls constant and under
// 10 per action (issue 11), sidebar HTML under 60 KB.
import { statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadBundle } from '../tests/addon/harness.js';
import type { Loaded } from '../tests/addon/harness.js';
import { seedPlan } from '../tests/addon/plans.js';
import { generatePlan } from './generate-plan.js';

const SIZES = [1_000, 10_000, 50_000];
const TODAY = '2026-05-01';
/** The issue's goal: fewer service calls than this per action. */
const CALL_GOAL = 10;

interface Measure {
  calls: number;
  builders: number;
  ms: number;
}

function measure(loaded: Loaded, action: () => void): Measure {
  loaded.world.counter.reset();
  const t0 = performance.now();
  action();
  const ms = performance.now() - t0;
  return { calls: loaded.world.counter.serviceCalls, builders: loaded.world.counter.builderCalls, ms };
}

function ok(result: { ok: boolean; error?: { message: string } }): void {
  if (!result.ok) throw new Error(result.error?.message ?? 'failed');
}

function plan(size: number): { loaded: Loaded; c: (header: string) => number } {
  const loaded = loadBundle({ timeZone: 'Europe/Paris' });
  ok(loaded.api('apiSaveSettings', { today: TODAY, allowOver: false, framework: null, liveCheck: true }));
  const table = generatePlan(size);
  seedPlan(loaded.world, table);
  return { loaded, c: (header) => table.header.indexOf(header) + 1 };
}

const kb = (file: string) => statSync(path.resolve('dist', file)).size / 1024;
const cell = (m: Measure) => `${String(m.calls).padStart(5)} ${m.ms.toFixed(0).padStart(7)}`;

export async function run(): Promise<void> {
  console.log(
    '\nadd-on: dist/Code.js in a vm against the counting Apps Script fake (calls per action, ms in this process)',
  );
  console.log(
    `  bundle: Code.js ${kb('Code.js').toFixed(0)} KB, sidebar.html ${kb('sidebar.html').toFixed(1)} KB (goal < 60 KB)`,
  );
  console.log(
    '  rows      check: calls    ms   progress: calls    ms   (first: calls    ms)   onEdit: calls    ms   template: calls    ms',
  );
  const all: Measure[][] = [];
  for (const size of SIZES) {
    const { loaded, c } = plan(size);
    const state = loaded.api('apiGetState');
    const request = {
      sheet: null,
      context: { settings: state.settings, mappings: state.mappings, timeZone: state.timeZone },
    };
    const check = measure(loaded, () => ok(loaded.api('apiCheck', request)));
    // The first update creates the Check-ins sheet; the second, with nothing new, is the usual price.
    const first = measure(loaded, () => ok(loaded.api('apiProgress', request)));
    const progress = measure(loaded, () => ok(loaded.api('apiProgress', request)));
    const sheet = loaded.world.spreadsheet.sheet('Plan');
    const row = Math.floor(size * 0.6);
    const edit = measure(loaded, () => loaded.edit(sheet, row, c('Owner'), [['Omar Haddad']]));
    if (loaded.world.warnings.length > 0) throw new Error(loaded.world.warnings.join('\n'));
    const template = measure(loaded, () =>
      ok(loaded.api('apiInsertTemplate', { framework: 'okr', examples: true, today: TODAY, allowOver: false })),
    );
    all.push([check, progress, edit, template]);
    console.log(
      `  ${size.toLocaleString('en-US').padEnd(9)}        ${cell(check)}            ${cell(progress)}          ${cell(first)}          ${cell(edit)}            ${cell(template)}`,
    );
  }
  const constant = [0, 1, 2, 3].map((a) => new Set(all.map((row) => row[a].calls)).size === 1);
  const names = ['check', 'progress', 'onEdit', 'template'];
  console.log(`  calls constant across sizes: ${names.map((n, i) => `${n} ${constant[i] ? 'yes' : 'NO'}`).join(', ')}`);
  const under = [0, 1, 2, 3].map((a) => all.every((row) => row[a].calls < CALL_GOAL));
  console.log(`  calls under ${CALL_GOAL}: ${names.map((n, i) => `${n} ${under[i] ? 'yes' : 'NO'}`).join(', ')}`);
  console.log(
    `  template also builds its dropdowns, colour rules and header style with ${all[0][3].builders} local builder calls (no document access)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
