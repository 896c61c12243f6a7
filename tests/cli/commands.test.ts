import { join } from 'node:path';
import { readFile, stat } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { cascade, HEADER, json, okrRows, tempDir, writeCsvPlan, writeXlsxPlan } from './helpers.js';

/** How a plan in Cascade's own layout is read: every column by its own header, nothing guessed. */
const OWN_LAYOUT = {
  layout: 'table',
  columns: Object.fromEntries(HEADER.map((h) => [h, h])),
  levels: 'level column',
  parents: 'parent column',
  ids: 'id column',
  summary: [],
  guesses: [],
};

let dir: string;
let plan: string;
let csvPlan: string;

beforeAll(async () => {
  dir = await tempDir();
  plan = join(dir, 'plan.xlsx');
  csvPlan = join(dir, 'plan.csv');
  await writeXlsxPlan(plan, okrRows());
  await writeCsvPlan(csvPlan, okrRows());
});

describe.concurrent('cascade --help and usage', () => {
  it('prints help listing every command, exit 0', async () => {
    const r = await cascade(['--help']);
    expect(r.code).toBe(0);
    for (const command of ['template', 'lint', 'progress', 'sync']) expect(r.stdout).toContain(command);
    expect(r.stdout).toContain('Exit codes');
  });

  it('prints each command help with its options', async () => {
    const r = await cascade(['progress', '--help']);
    expect(r.code).toBe(0);
    for (const option of ['--format', '--today', '--framework', '--write']) expect(r.stdout).toContain(option);
  });

  it('prints the version', async () => {
    const r = await cascade(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each([
    [['lint'], /missing required argument/],
    [['lint', 'x.xlsx', '--bogus'], /unknown option '--bogus'/],
    [['lint', 'x.xlsx', '--format', 'xml'], /Allowed choices are text, json/],
    [['lint', 'x.xlsx', '--framework', 'scrum'], /Allowed choices are okr, project, alignment, personal/],
    [['lint', 'x.xlsx', '--today', '2026-02-30'], /"2026-02-30" is not a date like 2026-05-01/],
    [['lint', 'x.xlsx', '--today', 'tomorrow'], /not a date/],
    [['lint', 'x.xlsx', '--today', '01.05.2026'], /"01\.05\.2026" is not a date like 2026-05-01: write 2026-05-01\./],
    [
      ['progress', 'x.xlsx', '--today', 'May 1, 2026'],
      /"May 1, 2026" is not a date like 2026-05-01: write 2026-05-01\./,
    ],
    [['lint', 'x.xlsx', '--today', '2026/5/1'], /"2026\/5\/1" is not a date like 2026-05-01: write 2026-05-01\./],
    [['template', 'x.xlsx'], /required option '--framework <framework>' not specified/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['lint', ''], /^cascade: no file given$/m],
    [['progress', '  '], /^cascade: no file given$/m],
    [['template', '', '--framework', 'okr'], /^cascade: no file given$/m],
    [['sync', '', '--parent', '0123456789abcdef0123456789abcdef'], /^cascade: no file given$/m],
  ])('usage error %j exits 2 with one clear message', async (args, message) => {
    const r = await cascade(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    // Commander's errors carry the same prefix as the command's own, then a pointer to the help.
    expect(r.stderr).toMatch(/^cascade: [^\n]+\n\(run "cascade( \w+)? --help" for usage\)\n$/);
    expect(r.stderr).not.toMatch(/^error:/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it('colours only the prefix of a usage error red when colour is on', async () => {
    const r = await cascade(['lint'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe("\x1b[31mcascade:\x1b[39m missing required argument 'file'");
  });

  it('help and version go to stdout with nothing on stderr', async () => {
    for (const args of [['--help'], ['lint', '--help'], ['help', 'sync'], ['--version']]) {
      const r = await cascade(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.stdout, args.join(' ')).not.toBe('');
    }
  });

  it('with no command shows the usage and exits 2', async () => {
    const r = await cascade([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: cascade');
  });
});

describe.concurrent('cascade lint', () => {
  it('a clean plan: exit 0, a summary line', async () => {
    const r = await cascade(['lint', plan, '--today', '2026-05-01']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('OKR plan');
    expect(r.stdout).toContain('4 rows');
    expect(r.stdout).toContain('No problems found in 4 rows.');
  });

  it('JSON exactly per cli.md: field names and order', async () => {
    const r = await cascade(['lint', plan, '--format', 'json', '--today', '2026-05-01']);
    expect(r.code).toBe(0);
    const out = json(r);
    expect(Object.keys(out)).toEqual(['file', 'framework', 'rows', 'reading', 'findings', 'counts']);
    expect(out).toEqual({
      file: plan,
      framework: 'okr',
      rows: 4,
      reading: OWN_LAYOUT,
      findings: [],
      counts: { error: 0, warning: 0 },
    });
  });

  it('errors: exit 1, findings grouped by row with ID, title, severity, message and hint', async () => {
    const rows = okrRows();
    rows[1].Owner = null; // owner/missing: error
    Object.assign(rows[2], { Title: 'Conduct customer surveys', Type: null, Start: null, Target: null, Current: null }); // no number: an error
    const file = join(dir, 'errors.xlsx');
    await writeXlsxPlan(file, rows);
    const r = await cascade(['lint', file, '--today', '2026-05-01']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Row 3 · KR1\.1 Sign 50 new SMB accounts\n\s+error\s+.*owner\/missing/);
    expect(r.stdout).toMatch(/Row 4 · KR1\.2 Conduct customer surveys/);
    expect(r.stdout).toContain('measurable/no-metric');
    expect(r.stdout).toMatch(/→ \S/); // a hint under each finding
    expect(r.stdout).toMatch(/✖ \d+ errors?(, \d+ warnings?)? in 2 of 4 rows\./);

    const data = json(await cascade(['lint', file, '--today', '2026-05-01', '--format', 'json']));
    expect(data.counts.error).toBeGreaterThanOrEqual(2);
    const owner = data.findings.find((f: any) => f.rule === 'owner/missing');
    expect(Object.keys(owner)).toEqual(['row', 'id', 'rule', 'severity', 'message', 'hint']);
    expect(owner).toMatchObject({ row: 3, id: 'KR1.1', severity: 'error' });
    expect(owner.message.length).toBeGreaterThan(10);
    expect(owner.hint.length).toBeGreaterThan(10);
    // errors come before warnings within a row
    const row4 = data.findings.filter((f: any) => f.row === 4).map((f: any) => f.severity);
    expect(row4).toEqual([...row4].sort());
  });

  it('warnings only: exit 0', async () => {
    const rows = okrRows();
    rows[0].Review = null; // review/no-cadence: warning
    const file = join(dir, 'warnings.xlsx');
    await writeXlsxPlan(file, rows);
    const r = await cascade(['lint', file, '--today', '2026-05-01', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(json(r).counts).toEqual({ error: 0, warning: 1 });
  });

  it('--today decides what is overdue', async () => {
    const before = json(await cascade(['lint', plan, '--format', 'json', '--today', '2026-05-01']));
    const after = json(await cascade(['lint', plan, '--format', 'json', '--today', '2026-08-01']));
    expect(before.findings.some((f: any) => f.rule === 'progress/overdue')).toBe(false);
    expect(after.findings.filter((f: any) => f.rule === 'progress/overdue').map((f: any) => f.id)).toContain('KR1.1');
  });

  it('--framework overrides the inferred framework', async () => {
    const r = await cascade(['lint', plan, '--format', 'json', '--today', '2026-05-01', '--framework', 'personal']);
    const data = json(r);
    expect(data.framework).toBe('personal');
    expect(data.findings.some((f: any) => f.rule === 'structure/unknown-level')).toBe(true);
    expect(r.code).toBe(1);
  });

  it('reads the same plan from CSV', async () => {
    const xlsx = json(await cascade(['lint', plan, '--format', 'json', '--today', '2026-08-01']));
    const csv = json(await cascade(['lint', csvPlan, '--format', 'json', '--today', '2026-08-01']));
    expect({ ...csv, file: '' }).toEqual({ ...xlsx, file: '' });
  });

  it('colours only when asked for (FORCE_COLOR) and never with NO_COLOR', async () => {
    const plain = await cascade(['lint', plan, '--today', '2026-08-01']);
    expect(plain.stdout).not.toMatch(/\x1b\[/);
    const coloured = await cascade(['lint', plan, '--today', '2026-08-01'], {
      env: { NO_COLOR: undefined, FORCE_COLOR: '1' },
    });
    expect(coloured.stdout).toMatch(/\x1b\[33mwarning/);
  });
});

describe.concurrent('cascade progress', () => {
  it('JSON exactly per cli.md, fractions or null, rows are spreadsheet rows', async () => {
    const r = await cascade(['progress', plan, '--format', 'json', '--today', '2026-05-01']);
    expect(r.code).toBe(0);
    const out = json(r);
    expect(Object.keys(out)).toEqual(['file', 'framework', 'today', 'reading', 'items']);
    expect(out.reading).toEqual(OWN_LAYOUT);
    expect(out.file).toBe(plan);
    expect(out.today).toBe('2026-05-01');
    expect(Object.keys(out.items[0])).toEqual([
      'row',
      'id',
      'level',
      'title',
      'parent',
      'progress',
      'expected',
      'status',
    ]);
    const byId = Object.fromEntries(out.items.map((i: any) => [i.id, i]));
    expect(byId['KR1.1']).toMatchObject({ row: 3, level: 'Key Result', progress: 0.5 });
    expect(byId['KR1.2'].progress).toBe(0.5); // 10 → 7 of 10 → 4: 0.49999999999999994 in floating point, rounded in JSON
    expect(byId['T1.1.1']).toMatchObject({ progress: 1, status: 'done' });
    expect(byId.O1.progress).toBeCloseTo(0.5, 10); // mean of its key results
    expect(byId.O1.expected).toBeCloseTo(30 / 90, 10); // April 1 → June 30, on May 1
    expect(byId.O1.status).toBe('on track');
  });

  it('the table: indented by depth, percent, expected and pace, and a pace summary', async () => {
    const r = await cascade(['progress', plan, '--today', '2026-05-01']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.find((l) => l.includes('Row') && l.includes('Pace'))).toMatch(
      /Row\s+ID\s+Level\s+Title\s+Progress\s+Expected\s+Pace/,
    );
    expect(lines.find((l) => l.includes('O1 '))).toMatch(/^\s+2 {2}O1 .*Objective.*50%\s+33%\s+on track/);
    expect(lines.find((l) => l.includes('KR1.1'))).toMatch(/^\s+3 {4}KR1\.1/); // one level deeper
    expect(lines.find((l) => l.includes('T1.1.1'))).toMatch(/^\s+5 {6}T1\.1\.1.*100%.*done/);
    // top-down: the task is listed under its key result
    expect(r.stdout.indexOf('T1.1.1')).toBeLessThan(r.stdout.indexOf('KR1.2'));
    expect(r.stdout).toMatch(/Pace: 1 done · 3 on track/);
  });

  it('a row without dates has progress but no pace (—)', async () => {
    const rows = okrRows().map((row) => ({ ...row, 'Start date': null, 'Due date': null }));
    const file = join(dir, 'nodates.csv');
    await writeCsvPlan(file, rows);
    const out = json(await cascade(['progress', file, '--format', 'json', '--today', '2026-05-01']));
    expect(out.items[1]).toMatchObject({ progress: 0.5, expected: null, status: null });
    const text = await cascade(['progress', file, '--today', '2026-05-01']);
    expect(text.stdout).toMatch(/KR1\.1.*50%\s+—\s+—/);
    expect(text.stdout).toContain('4 without dates');
  });

  it('--today moves the pace', async () => {
    const late = json(await cascade(['progress', plan, '--format', 'json', '--today', '2026-07-15']));
    expect(late.items.find((i: any) => i.id === 'KR1.1').status).toBe('overdue');
  });

  it('without --write never touches the file', async () => {
    const before = await stat(plan);
    const bytes = await readFile(plan);
    await cascade(['progress', plan, '--today', '2026-05-01']);
    expect((await readFile(plan)).equals(bytes)).toBe(true);
    expect((await stat(plan)).mtimeMs).toBe(before.mtimeMs);
  });
});

describe.concurrent('cascade template', () => {
  it('writes an .xlsx plan that lints clean with its examples, and refuses to overwrite it', async () => {
    const file = join(dir, 'okr-template.xlsx');
    const r = await cascade(['template', file, '--framework', 'okr', '--examples', '--today', '2026-05-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Wrote');
    const lint = await cascade(['lint', file, '--format', 'json', '--today', '2026-05-01']);
    expect(lint.stderr).toBe(''); // the empty rows' formulas are not plan cells: no warning
    expect(json(lint).framework).toBe('okr');
    expect(json(lint).rows).toBeGreaterThan(5);
    expect(json(lint).counts.error).toBe(0);

    const bytes = await readFile(file);
    const again = await cascade(['template', file, '--framework', 'project']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(again.stderr).toContain('--force');
    expect((await readFile(file)).equals(bytes)).toBe(true);

    const forced = await cascade(['template', file, '--framework', 'project', '--force']);
    expect(forced.code).toBe(0);
    const replaced = json(await cascade(['lint', file, '--format', 'json']));
    expect(replaced).toMatchObject({ rows: 0, findings: [] });
  });

  it.each(['okr', 'project', 'alignment', 'personal'])(
    '%s examples as CSV: the framework is inferred back, no errors',
    async (framework) => {
      const file = join(dir, `${framework}.csv`);
      expect(
        (await cascade(['template', file, '--framework', framework, '--examples', '--today', '2026-05-01'])).code,
      ).toBe(0);
      const text = await readFile(file, 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff); // a BOM, so Excel reads accents
      expect(text).toContain('=IF('); // live formulas as text, for Google Sheets
      const data = json(await cascade(['lint', file, '--format', 'json', '--today', '2026-05-01']));
      expect(data.framework).toBe(framework);
      expect(data.counts.error).toBe(0);
    },
  );

  it('refuses an extension it cannot write', async () => {
    const r = await cascade(['template', join(dir, 'plan.ods'), '--framework', 'okr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plan\.ods: a template is written as \.xlsx or \.csv/);
  });

  it('fails cleanly when the folder does not exist', async () => {
    const r = await cascade(['template', join(dir, 'nope', 'plan.xlsx'), '--framework', 'okr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write it/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
