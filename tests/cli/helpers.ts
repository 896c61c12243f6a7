// Helpers for the CLI tests: run the built command as a user would, on real files in a temp dir.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll } from 'vitest';
import { newerSource } from '../build-freshness.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/cascade.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

let built: Promise<void> | null = null;

/** What build/cascade.js is built from: a change to any of these makes the build stale. */
const CLI_SOURCES = ['cli', 'shared', 'notion-sync', 'scripts/build-cli.mjs', 'package.json'].map((p) => join(ROOT, p));

/**
 * `npm test` builds first; a lone `vitest run tests/cli` builds the command once if it is missing.
 * A build older than its sources is refused (it would test old code); test files run in parallel
 * workers, so rebuilding here could race another worker reading the file.
 */
function ensureBuilt(): Promise<void> {
  const bundle = join(ROOT, 'build/cascade.js');
  if (built === null && existsSync(bundle)) {
    const stale = newerSource(bundle, CLI_SOURCES);
    if (stale) throw new Error(`build/cascade.js is older than ${relative(ROOT, stale)}: run \`npm run build\` first.`);
  }
  built ??= existsSync(bundle)
    ? Promise.resolve()
    : import(join(ROOT, 'scripts/build-cli.mjs')).then((m: { buildCli: () => Promise<void> }) => m.buildCli());
  return built;
}

/** Runs `cascade ARGS` (node bin/cascade.js) and returns its exit code and output. Colours off unless env says. */
export async function cascade(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<RunResult> {
  await ensureBuilt();
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: '1',
    FORCE_COLOR: undefined,
    CASCADE_DEBUG: undefined,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd, env: env as NodeJS.ProcessEnv, maxBuffer: 512 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Parses the JSON a command printed, failing the test with its stderr when there is none. */
export function json<T = any>(result: RunResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`not JSON (exit ${result.code}): ${result.stdout.slice(0, 300)} ${result.stderr}`);
  }
}

/** A fresh temp directory, removed after the file's tests. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cascade-cli-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export const HEADER = [
  'ID',
  'Level',
  'Parent',
  'Title',
  'Owner',
  'Type',
  'Start',
  'Target',
  'Current',
  'Unit',
  'Start date',
  'Due date',
  'Review',
  'Last check-in',
  'Status',
  'Weight',
  'Progress',
];

export type Row = Record<
  string,
  string | number | Date | null | { formula: string; result?: unknown } | { error: string }
>;

/** A small OKR plan that passes the check on 2026-05-01 except where a test changes it. */
export function okrRows(): Row[] {
  const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
  return [
    {
      ID: 'O1',
      Level: 'Objective',
      Title: 'Grow SMB revenue to 50 new accounts by Q3',
      Owner: 'Ana',
      'Start date': d('2026-04-01'),
      'Due date': d('2026-06-30'),
      Review: 'weekly',
      'Last check-in': d('2026-04-28'),
      Status: 'On track',
    },
    {
      ID: 'KR1.1',
      Level: 'Key Result',
      Parent: 'O1',
      Title: 'Sign 50 new SMB accounts',
      Owner: 'Ben',
      Type: 'increase',
      Start: 0,
      Target: 50,
      Current: 25,
      Unit: 'accounts',
      'Start date': d('2026-04-01'),
      'Due date': d('2026-06-30'),
      Review: 'weekly',
      'Last check-in': d('2026-04-28'),
      Status: 'On track',
    },
    {
      ID: 'KR1.2',
      Level: 'Key Result',
      Parent: 'O1',
      Title: 'Cut onboarding time from 10 to 4 days',
      Owner: 'Cy',
      Type: 'decrease',
      Start: 10,
      Target: 4,
      Current: 7,
      Unit: 'days',
      'Start date': d('2026-04-01'),
      'Due date': d('2026-06-30'),
      Review: 'weekly',
      'Last check-in': d('2026-04-28'),
      Status: 'On track',
    },
    {
      ID: 'T1.1.1',
      Level: 'Task',
      Parent: 'KR1.1',
      Title: 'Call the 20 warmest leads',
      Owner: 'Ben',
      'Due date': d('2026-05-15'),
      Status: 'Done',
    },
  ];
}

/** Writes a plan as .xlsx (sheet "Cascade" unless told) with exceljs. */
export async function writeXlsxPlan(
  path: string,
  rows: Row[],
  options: { header?: string[]; sheet?: string } = {},
): Promise<void> {
  const header = options.header ?? HEADER;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheet ?? 'Cascade');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(header.map((h) => (row[h] ?? null) as ExcelJS.CellValue));
  for (const key of ['Start date', 'Due date', 'Last check-in']) {
    const col = header.indexOf(key);
    if (col >= 0) sheet.getColumn(col + 1).numFmt = 'yyyy-mm-dd';
  }
  await workbook.xlsx.writeFile(path);
}

/** Writes a plan as CSV text (dates as ISO). */
export async function writeCsvPlan(
  path: string,
  rows: Row[],
  options: { header?: string[]; delimiter?: string } = {},
): Promise<void> {
  const header = options.header ?? HEADER;
  const delimiter = options.delimiter ?? ',';
  const cell = (value: Row[string] | undefined) => {
    if (value === null || value === undefined) return '';
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    const text = String(value);
    return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [header.join(delimiter), ...rows.map((row) => header.map((h) => cell(row[h])).join(delimiter))];
  await writeFile(path, lines.join('\n') + '\n');
}
