// Plans as managers really send them: exported from Sheets or a European Excel, typed by hand.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cascade, json, tempDir } from './helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

/** A European Excel's CSV: a title row, `;`, CRLF, trailing empty columns, day-first dates, decimal commas. */
const EUROPEAN = [
  'Vertriebsplan Q3;;;;;;;;;;',
  'ID;Level;Parent;Title;Owner;Start;Target;Current;Start date;Due;;',
  'O1;Objective;;Umsatz auf 3 Mio steigern;Anna Weber;1.000.000;3.000.000;2.000.000;01/04/2026;30/06/2026;;',
  'KR1;KR;O1;Neukunden-Umsatz auf €1,2 Mio;Anna Weber;0;€1,2 Mio;600.000,0;;06/07/2026;;',
  '',
].join('\r\n');

describe('a plan from a European Excel', () => {
  it('reads day-first dates in one order, with its millions, and says how it read the dates', async () => {
    const file = join(dir, 'vertrieb.csv');
    await writeFile(file, EUROPEAN);
    const r = await cascade(['progress', file, '--today', '2026-05-16', '--format', 'json']);
    expect(r.code).toBe(0);
    const items = json<{ items: { id: string; progress: number; expected: number }[] }>(r).items;
    const byId = Object.fromEntries(items.map((i) => [i.id, i]));
    expect(byId.O1.progress).toBe(0.5);
    expect(byId.KR1.progress).toBe(0.5);
    // 1 April → 30 June: 45 of 90 days; KR1 inherits 1 April and is due 6 July: 45 of 96 days.
    expect(byId.O1.expected).toBe(0.5);
    expect(byId.KR1.expected).toBeCloseTo(45 / 96, 12);
    expect(r.stderr).toBe(
      `cascade: note: ${file}: read 2 dates such as 01/04/2026 in cell I3 day first (2026-04-01), like 30/06/2026 in cell J3. Type dates as YYYY-MM-DD to be sure.\n`,
    );
  });

  it("says nothing when the plan's dates confirm the usual month-first order (a US export)", async () => {
    const file = join(dir, 'us.csv');
    await writeFile(
      file,
      'ID,Level,Parent,Title,Owner,Start date,Due date\nT1,Task,,Call the 20 best leads,Ann,4/1/2026,6/30/2026\n',
    );
    const r = await cascade(['progress', file, '--today', '2026-05-01', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(json<{ items: { expected: number }[] }>(r).items[0].expected).toBeCloseTo(30 / 90, 12);
  });

  it('warns when a date could be either way and nothing in the plan tells', async () => {
    const file = join(dir, 'ambiguous.csv');
    await writeFile(file, 'ID,Level,Parent,Title,Owner,Due date\nT1,Task,,Call the 20 best leads,Ann,06/07/2026\n');
    const r = await cascade(['lint', file, '--today', '2026-05-01']);
    expect(r.stderr).toBe(
      `cascade: warning: ${file}: the date 06/07/2026 in cell F2 can be read day first or month first; read month first (2026-06-07), as US spreadsheets do. Type dates as YYYY-MM-DD to be sure.\n`,
    );
  });
});

describe('a plan whose levels fit more than one framework', () => {
  it('says which other frameworks fit and how to choose', async () => {
    const file = join(dir, 'goal-task.csv');
    await writeFile(
      file,
      'ID,Level,Parent,Title,Owner,Due date\nG1,Goal,,Ship my side project v1 by June,Me,2026-06-30\nT1,Task,G1,Write the landing page,Me,2026-05-10\n',
    );
    const r = await cascade(['lint', file, '--today', '2026-05-01']);
    expect(r.stdout.split('\n')[0]).toBe(
      `${file} · Personal plan (from its levels; Goal, Task fit a Project plan too: choose with --framework) · 2 rows · today 2026-05-01`,
    );
    const tasks = join(dir, 'tasks.csv');
    await writeFile(tasks, 'ID,Level,Title\nT1,Task,Write the landing page\n');
    const t = await cascade(['progress', tasks, '--today', '2026-05-01']);
    expect(t.stdout.split('\n')[0]).toBe(
      `${tasks} · OKR plan (from its levels; Task fits a Personal or Project plan too: choose with --framework) · 1 row · today 2026-05-01`,
    );
    const given = await cascade(['lint', file, '--today', '2026-05-01', '--framework', 'project']);
    expect(given.stdout.split('\n')[0]).toBe(`${file} · Project plan · 2 rows · today 2026-05-01`);
  });
});

describe('a header that names a column twice', () => {
  it('warns which one is read and which is ignored, and reads the first', async () => {
    const file = join(dir, 'twice.csv');
    await writeFile(
      file,
      'Team plan\nID,Level,Title,Owner,Due,Owner,Due date\nO1,Objective,Grow revenue to $2M,Ann,2026-06-30,Bob,2026-09-30\n',
    );
    const r = await cascade(['progress', file, '--today', '2026-05-01', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `cascade: warning: ${file}, row 2: columns D and F are both Owner; Cascade reads D and ignores F. Rename or remove one.\n` +
        `cascade: warning: ${file}, row 2: columns E and G are both Due date; Cascade reads E and ignores G. Rename or remove one.\n`,
    );
  });
});

describe('a semicolon CSV (a European Excel, where the comma is the decimal sign)', () => {
  it('reads 1.000 as a thousand and writes Progress back with a decimal comma', async () => {
    const file = join(dir, 'semikolon.csv');
    await writeFile(
      file,
      'ID;Level;Parent;Title;Owner;Target;Current;Notiz\r\nKR1;KR;;1.000 Neukunden gewinnen;Anna;1.000;625;"a; b"\r\nKR2;KR;;Quote auf 12,5 % senken;Ben;12,5 %;12,5 %;\r\n',
    );
    const r = await cascade(['progress', file, '--today', '2026-05-01', '--format', 'json']);
    expect(json<{ items: { progress: number }[] }>(r).items.map((i) => i.progress)).toEqual([0.625, 1]);
    const w = await cascade(['progress', file, '--today', '2026-05-01', '--write']);
    expect(w.code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(
      'ID;Level;Parent;Title;Owner;Target;Current;Notiz;Progress\r\nKR1;KR;;1.000 Neukunden gewinnen;Anna;1.000;625;"a; b";62,5%\r\nKR2;KR;;Quote auf 12,5 % senken;Ben;12,5 %;12,5 %;;100%\r\n',
    );
  });
});

describe('a CSV saved by an older Excel (Windows-1252)', () => {
  it('reads €, – and curly quotes, and --write keeps them', async () => {
    const file = join(dir, 'ansi.csv');
    const text =
      'ID;Level;Title;Owner;Target;Current;Notiz\r\nKR1;KR;Umsatz auf 3 Mio € – „Größe“;Jürgen Groß;3.000.000;1.500.000;‰ … •\r\n';
    await writeFile(file, Buffer.from([...text].map((ch) => CP1252[ch] ?? ch.charCodeAt(0))));
    const r = await cascade(['progress', file, '--today', '2026-05-01']);
    expect(r.stdout).toContain('Umsatz auf 3 Mio € – „Größe“');
    expect((await cascade(['progress', file, '--today', '2026-05-01', '--write'])).code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(
      `\uFEFF${text.replace('\r\n', ';Progress\r\n').replace('‰ … •', '‰ … •;50%')}`,
    );
  });
});

/** The characters Windows-1252 puts at 0x80–0x9F (where ISO-8859-1 has control codes). */
const CP1252: Record<string, number> = {
  '€': 0x80,
  '„': 0x84,
  '…': 0x85,
  '‰': 0x89,
  '“': 0x93,
  '•': 0x95,
  '–': 0x96,
  ö: 0xf6,
  ß: 0xdf,
  ü: 0xfc,
};

describe('a finding about a column the plan does not have', () => {
  it('says the column is missing instead of pointing at the title cell', async () => {
    const file = join(dir, 'no-review.csv');
    await writeFile(file, 'ID,Level,Title,Owner,Due date\nO1,Objective,Grow revenue to $2M by June,Ann,2026-06-30\n');
    const r = await cascade(['lint', file, '--today', '2026-05-01']);
    expect(r.stdout).toContain('The whole plan (header, row 1)');
    expect(r.stdout).toContain('No Review column: no review cadence on row 2. review/no-cadence · no Review column\n');
    expect(r.stdout).not.toContain('review/no-cadence · cell');
    const f = json<{ findings: Record<string, unknown>[] }>(
      await cascade(['lint', file, '--today', '2026-05-01', '--format', 'json']),
    ).findings;
    expect(Object.keys(f[0])).toEqual(['row', 'id', 'rule', 'severity', 'message', 'hint', 'rows']);
    expect(f[0]).toMatchObject({ row: 1, id: '', rule: 'review/no-cadence', rows: [2] });
  });
});
