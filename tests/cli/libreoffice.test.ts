// Workbooks that real LibreOffice Calc writes, made here (CI installs libreoffice-calc-nogui):
// each plan saved as .xlsx from its CSV must read as that CSV does; its .ods and .xls get the
// command's plain words; a workbook cascade wrote into still opens in LibreOffice with only
// cascade's cells changed; LibreOffice's own lock file is recognised.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { cascade, json, ROOT, tempDir } from './helpers.js';
import { CSV_EVERY_SHEET, csvImport, findSoffice, LibreOffice, shows, SOFFICE_MISSING, XLSX } from './libreoffice.js';
import { allCells, planReading } from './workbook-reading.js';

const TODAY = '2026-05-01';
const FRAMEWORKS = ['okr', 'project', 'alignment', 'personal'];

/**
 * Real tables (tests/fixtures/real) with numbers, percents and dates LibreOffice types as it opens
 * them. Left out: apos-r0-success-metrics (LibreOffice makes the Current `10/10` a date) and
 * dashboard-zero-github-milestones (it makes the title `March 13, 2015` a date): the workbook then
 * holds something else than the CSV, and shows it so.
 */
const REAL = [
  'lego-mars-rover-meilensteine', // a Status "33 %" typed into a percent; German dates, left text
  'greenops-kpi-framework', // percents in Target and Current (28.4%), "≥ 30%"
  'pmstreamlit-milestone-reports', // US dates 12/01/22, numbers
  'bardo-milestones', // progress numbers, a Category-style group column
  'allyio-goals-export', // ISO dates, 100.0, timestamps with UTC
  'numfocus-ed-hiring-milestones', // dates written "Jan 9, 2025"
  'milestone-tracker-milestones', // ISO dates
  'js-ipfs-okrs-2018q3', // Objective and Key Result side by side
];

const SIDE_BY_SIDE = `Team Atlas — Q3 OKRs,,,,,,,
Objective,Key Result,DRI,Baseline,Target,Current,Target Date,Notes
Grow revenue in EMEA,Sign 50 new SMB accounts,Ana,0,50,20,2026-09-30,deck
,Raise NPS from 40 to 60,Bo,40,60,50,2026-09-30,
Ship the v2 platform,Move 80% of traffic to v2,Cy,0,80%,40%,2026-09-30,
,Cut p95 latency from 450 to 200 ms,Cy,450,200,325,2026-09-30,
`;

// Dates as people type them into a US spreadsheet; LibreOffice (en-US) makes each a date cell.
const TYPED_DATES_US = `ID,Level,Parent,Title,Owner,Type,Start,Target,Current,Unit,Start date,Due date,Last check-in,Status
O1,Objective,,Grow SMB revenue to 50 new accounts,Ana,,,,,,4/1/2026,6/30/2026,4/28/2026,On track
KR1.1,Key Result,O1,Sign 50 new SMB accounts,Ben,increase,0,50,25,accounts,"Apr 1, 2026",30-Jun-2026,"April 28, 2026",On track
KR1.2,Key Result,O1,Cut onboarding time from 10 to 4 days,Cy,decrease,10,4,7,days,2026-04-01,2026-06-30,4/28/26,At risk
KR1.3,Key Result,O1,Raise activation to 60%,Cy,increase,35%,60%,45%,,4/1/26,"Jun 30, 2026",,On track
T1.1.1,Task,KR1.1,Call the 20 warmest leads,Ben,,,,,,,5/15/26,,Done
`;

// The same in Germany: ";" between fields, dates 01.04.2026, 1.000 and 250,5 (LibreOffice de-DE).
const TYPED_DATES_DE = `ID;Ebene;Übergeordnet;Titel;Verantwortlich;Typ;Start;Zielwert;Aktuell;Einheit;Startdatum;Fälligkeitsdatum;Status
O1;Objective;;Umsatz mit KMU auf 50 Neukunden steigern;Ana;;;;;;01.04.2026;30.06.2026;On track
KR1.1;Key Result;O1;1.000 neue KMU-Kunden gewinnen;Ben;increase;0;1.000;250,5;Kunden;1.4.2026;30.6.26;On track
KR1.2;Key Result;O1;Einarbeitung von 10 auf 4 Tage verkürzen;Cy;decrease;10;4;7;Tage;2026-04-01;2026-06-30;At risk
T1.1.1;Task;KR1.1;Die 20 wärmsten Kontakte anrufen;Ben;;;;;;;15.05.2026;Done
`;

// The producers' plan with one ID left blank, for --write to fill.
const BLANK_ID = `ID,Level,Parent,Title,Owner,Type,Start,Target,Current,Unit,Start date,Due date,Status,Notes
O1,Objective,,Grow SMB revenue to 50 new accounts,Ana,,,,,,2026-04-01,2026-06-30,On track,
,Key Result,O1,Sign 50 new SMB accounts,Ben,increase,0,50,25,accounts,2026-04-01,2026-06-30,On track,Big deal
KR1.2,Key Result,O1,Cut onboarding time from 10 to 4 days,Cy,decrease,10,4,7,days,2026-04-01,2026-06-30,At risk,
T1.1.1,Task,KR1.1,Call the 20 warmest leads,Ben,,,,,,,2026-05-15,Done,
`;

const soffice = findSoffice();
let dir: string;
let lo: LibreOffice;
/** Each plan: its CSV, the workbook LibreOffice saved from it, and that workbook's plan sheet. */
const plans = new Map<string, { csv: string; xlsx: string; sheet: string }>();

/** LibreOffice's other Save As choices for .xlsx, tried on two plans. */
const VARIANTS = [
  { suffix: 'ooxml', to: 'xlsx:Calc Office Open XML', extension: 'xlsx', what: 'Office Open XML Spreadsheet' },
  { suffix: 'xlsm', to: 'xlsm:Calc MS Excel 2007 VBA XML', extension: 'xlsm', what: 'Excel 2007-365 (macro-enabled)' },
];

beforeAll(async () => {
  if (soffice === null) throw new Error(SOFFICE_MISSING);
  dir = await tempDir();
  lo = new LibreOffice(soffice, join(dir, 'profile'));
  const csv = join(dir, 'csv');
  const xlsx = join(dir, 'xlsx');
  await Promise.all([mkdir(csv), mkdir(xlsx), mkdir(join(dir, 'de'))]);
  const sources: string[] = [];
  for (const framework of FRAMEWORKS) {
    const file = join(csv, `template-${framework}.csv`);
    const made = await cascade(['template', file, '--framework', framework, '--examples', '--today', TODAY]);
    expect(made.code, made.stderr).toBe(0);
    sources.push(file);
  }
  for (const [name, text] of [
    ['side-by-side', SIDE_BY_SIDE],
    ['typed-dates-us', TYPED_DATES_US],
    ['blank-id', BLANK_ID],
  ]) {
    await writeFile(join(csv, `${name}.csv`), text);
    sources.push(join(csv, `${name}.csv`));
  }
  await copyFile(join(ROOT, 'tests/fixtures/producers/plan.csv'), join(csv, 'plan.csv'));
  sources.push(join(csv, 'plan.csv'));
  for (const name of REAL) {
    await copyFile(join(ROOT, 'tests/fixtures/real', `${name}.csv`), join(csv, `${name}.csv`));
    sources.push(join(csv, `${name}.csv`));
  }
  const german = join(dir, 'de', 'typed-dates-de.csv');
  await writeFile(german, TYPED_DATES_DE);

  const us = csvImport({ separator: ',', language: 'en-US' });
  await lo.convert(sources, XLSX, xlsx, { infilter: us });
  await lo.convert([german], XLSX, xlsx, { infilter: csvImport({ separator: ';', language: 'de-DE' }) });
  const base = (file: string) => file.replace(/^.*\//, '').replace(/\.csv$/, '');
  for (const source of [...sources, german])
    plans.set(base(source), { csv: source, xlsx: join(xlsx, `${base(source)}.xlsx`), sheet: base(source) });
  for (const variant of VARIANTS) {
    const twoPlans = [join(csv, 'plan.csv'), join(csv, 'blank-id.csv')];
    const out = await lo.convert(twoPlans, variant.to, join(dir, variant.suffix), { infilter: us });
    twoPlans.forEach((source, i) =>
      plans.set(`${base(source)}-${variant.suffix}`, { csv: source, xlsx: out[i], sheet: base(source) }),
    );
  }
}, 180_000);

// Concurrent: each test runs four commands and waits for them; the next one's fill the wait.
describe.concurrent('a plan LibreOffice saved as .xlsx reads as its CSV', () => {
  const names = [
    ...FRAMEWORKS.map((f) => `template-${f}`),
    'plan',
    'side-by-side',
    'typed-dates-us',
    'typed-dates-de',
    'blank-id',
    ...REAL,
    ...VARIANTS.flatMap((v) => [`plan-${v.suffix}`, `blank-id-${v.suffix}`]),
  ];
  // plan.csv and blank-id.csv are read once for their three workbooks.
  const csvReadings = new Map<string, ReturnType<typeof planReading>>();
  const csvReading = (csv: string) => csvReadings.get(csv) ?? csvReadings.set(csv, planReading(csv, TODAY)).get(csv)!;
  for (const name of names) {
    it(name, async () => {
      const { csv, xlsx } = plans.get(name)!;
      const [fromCsv, fromXlsx] = await Promise.all([csvReading(csv), planReading(xlsx, TODAY)]);
      expect(fromXlsx).toEqual(fromCsv);
    });
  }

  it('LibreOffice typed the cells: dates, numbers, percents and formulas are cells of their kind, not text', async () => {
    const us = await allCells(plans.get('typed-dates-us')!.xlsx);
    for (const cell of ['K2', 'K3', 'L3', 'M3', 'K5', 'L5', 'L6'])
      expect([cell, us.get(`typed-dates-us!${cell}`)]).toEqual([cell, expect.stringMatching(/^"\d{4}-\d\d-\d\dT/)]);
    expect(us.get('typed-dates-us!I5')).toBe('0.45');
    const de = await allCells(plans.get('typed-dates-de')!.xlsx);
    expect([de.get('typed-dates-de!H3'), de.get('typed-dates-de!I3')]).toEqual(['1000', '250.5']);
    expect(de.get('typed-dates-de!K3')).toBe('"2026-04-01T00:00:00.000Z"');
    expect(de.get('typed-dates-de!L3')).toBe('"2026-06-30T00:00:00.000Z"');
    const lego = await allCells(plans.get('lego-mars-rover-meilensteine')!.xlsx);
    expect(lego.get('lego-mars-rover-meilensteine!D6')).toBe('0.33');
    // The template's live Progress formulas, imported from the CSV as formulas and computed.
    const sheet = await (
      await JSZip.loadAsync(await readFile(plans.get('template-okr')!.xlsx))
    )
      .file('xl/worksheets/sheet1.xml')!
      .async('string');
    expect(sheet).toMatch(/<c r="Q3"[^>]*><f[^>]*>IF\(LOWER\(TRIM\(O3\)\)=&quot;done&quot;/);
  });
});

describe('LibreOffice .ods and .xls files get the plain words the command has for them', () => {
  let files: { ods: string; xls: string };

  beforeAll(async () => {
    const source = plans.get('side-by-side')!.csv;
    const out = join(dir, 'formats');
    const infilter = csvImport({ separator: ',', language: 'en-US' });
    const [ods] = await lo.convert([source], 'ods', out, { infilter });
    const [xls] = await lo.convert([source], 'xls', out, { infilter });
    files = { ods, xls };
  }, 120_000);

  const cases: [string, 'ods' | 'xls', string, string][] = [
    [
      'an .ods',
      'ods',
      'plan.ods',
      'unsupported file type .ods: save it as .xlsx (LibreOffice: File › Save As › Excel 2007-365).',
    ],
    [
      'an .xls',
      'xls',
      'plan.xls',
      'unsupported file type .xls: this is the old Excel format; save it as .xlsx (Excel: File › Save As › Excel Workbook).',
    ],
    [
      'an .ods renamed .xlsx',
      'ods',
      'plan.xlsx',
      'this is an OpenDocument spreadsheet (.ods), not an Excel workbook; save it as .xlsx (LibreOffice: File › Save As › Excel 2007-365).',
    ],
    [
      'an .xls renamed .xlsx',
      'xls',
      'plan.xlsx',
      'this is an old-format (.xls) or password-protected workbook; save it as an .xlsx workbook without a password.',
    ],
    [
      'an .ods renamed .csv',
      'ods',
      'plan.csv',
      'this is an OpenDocument spreadsheet (.ods), not a CSV file. Save the plan as .xlsx or .csv.',
    ],
    [
      'an .xls renamed .csv',
      'xls',
      'plan.csv',
      'this is an old-format Excel (.xls) workbook, not a CSV file. Save the plan as .xlsx or .csv.',
    ],
  ];
  for (const [what, kind, name, message] of cases) {
    it(what, async () => {
      const folder = join(dir, 'formats', what.replace(/\W+/g, '-'));
      await mkdir(folder);
      const file = join(folder, name);
      await copyFile(files[kind], file);
      const r = await cascade(['lint', file]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`cascade: ${file}: ${message}\n`);
    });
  }
});

describe('progress --write, then LibreOffice opens the written workbook', () => {
  /**
   * blank-id: the plan with a blank ID, saved by LibreOffice (as Excel 2007-365, as Office Open XML
   * and as .xlsm); template: cascade's own, re-saved there.
   */
  const WRITTEN = ['blank-id', 'template', ...VARIANTS.map((v) => `blank-id-${v.suffix}`)];
  const folder = () => join(dir, 'written');
  const written = new Map<string, { before: string; after: string; sheet: string; stderr: string; items: Item[] }>();
  let exported: string[];

  beforeAll(async () => {
    await mkdir(folder());
    const template = join(dir, 'template.xlsx');
    const made = await cascade(['template', template, '--framework', 'okr', '--examples', '--today', TODAY]);
    expect(made.code, made.stderr).toBe(0);
    const [resaved] = await lo.convert([template], XLSX, join(dir, 'resaved'));
    plans.set('template', { csv: '', xlsx: resaved, sheet: 'Cascade' });
    for (const name of WRITTEN) {
      const { xlsx: saved, sheet } = plans.get(name)!;
      const extension = extname(saved);
      const before = join(folder(), `before-${name}${extension}`);
      const after = join(folder(), `after-${name}${extension}`);
      await copyFile(saved, before);
      await copyFile(before, after);
      const r = await cascade(['progress', after, '--write', '--today', TODAY]);
      expect(r.code, r.stderr).toBe(0);
      const items = json(await cascade(['progress', after, '--format', 'json', '--today', TODAY])).items as Item[];
      written.set(name, { before, after, sheet, stderr: r.stderr, items });
    }
    // One call opens every workbook, before and after, and exports each sheet as LibreOffice shows it.
    const files = [...written.values()].flatMap((w) => [w.before, w.after]);
    await lo.convert(files, CSV_EVERY_SHEET, join(dir, 'shown'));
    exported = await readdir(join(dir, 'shown'));
  }, 180_000);

  /** A sheet as LibreOffice exported it: rows of the texts it shows. */
  async function shown(file: string, sheet: string): Promise<string[][]> {
    const name = `${file}-${sheet}.csv`;
    expect(exported).toContain(name);
    return parse(await readFile(join(dir, 'shown', name), 'utf8'), { relaxColumnCount: true }) as string[][];
  }

  for (const name of WRITTEN) {
    it(`${name}: only Progress, Pace and blank IDs changed, each to what cascade computed; the history is a new sheet`, async () => {
      const { sheet, stderr, items } = written.get(name)!;
      expect(stderr).toMatch(/Wrote progress into .*: \d+ cells updated/);
      const before = await shown(`before-${name}`, sheet);
      const after = await shown(`after-${name}`, sheet);
      const header = after[0];
      const col = (title: string) => header.indexOf(title);
      const byRow = new Map(items.map((item) => [item.row, item]));
      const changed: string[] = [];
      for (let r = 0; r < Math.max(before.length, after.length); r++) {
        const width = Math.max(before[r]?.length ?? 0, after[r]?.length ?? 0);
        for (let c = 0; c < width; c++) {
          const was = before[r]?.[c] ?? '';
          const now = after[r]?.[c] ?? '';
          const item = byRow.get(r + 1);
          if (r > 0 && item && c === col('Progress')) {
            if (item.progress === null) expect(now).toBe(was);
            else expect([item.id, now, shows(now, item.progress)]).toEqual([item.id, now, true]);
          } else if (r > 0 && item && c === col('Pace')) {
            expect([item.id, now]).toEqual([item.id, item.status ?? '—']);
          } else if (r > 0 && item && c === col('ID') && was === '') {
            expect(now).toBe(item.id);
            changed.push(`ID ${now}`);
          } else if (now !== was) {
            changed.push(`${header[c] ?? c}${r + 1}: ${JSON.stringify(was)} → ${JSON.stringify(now)}`);
          }
        }
      }
      // Nothing else: the added Progress header is the one other change.
      const added = col('Progress') >= (before[0]?.length ?? 0);
      expect(changed).toEqual([
        ...(added ? [`Progress1: "" → "Progress"`] : []),
        ...(name.startsWith('blank-id') ? ['ID KR1.1'] : []),
      ]);
      expect(exported.some((f) => f === `before-${name}-Check-ins.csv`)).toBe(false);
      const history = await shown(`after-${name}`, 'Check-ins');
      expect(history[0].slice(0, 5)).toEqual(['Date', 'ID', 'Current', 'Progress', 'Status']);
      expect(history.slice(1).map((row) => row[1])).toEqual(items.filter((i) => i.id !== '').map((i) => i.id));
    });
  }

  it('a workbook cascade wrote, saved again in LibreOffice, is still cascade’s: its cells are known as its own', async () => {
    const [plan, template] = await lo.convert(
      ['blank-id', 'template'].map((name) => written.get(name)!.after),
      XLSX,
      join(dir, 'saved-again'),
    );
    const workbook = await (await JSZip.loadAsync(await readFile(template))).file('xl/workbook.xml')!.async('string');
    expect(workbook).toMatch(/name="_Cascade_Progress"[^>]*>[^<]*Cascade[^<]*!\$Q:\$Q</);
    expect(workbook).toMatch(/name="_Cascade_Pace"[^>]*>[^<]*Cascade[^<]*!\$R:\$R</);
    // The same day: nothing to do, and nothing is touched.
    const bytes = await readFile(plan);
    const same = await cascade(['progress', plan, '--write', '--today', TODAY]);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).toContain('is already up to date; nothing was changed.');
    expect((await readFile(plan)).equals(bytes)).toBe(true);
    // Someone types KR1.1's new Current (40 of 50) into the workbook LibreOffice saved: the
    // Progress cascade wrote there (=0.5, kept by LibreOffice) moves to 80 %.
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const typed = xml.replace(/(<c r="I3"[^>]*>)<v>25<\/v>/, '$1<v>40</v>');
    expect(typed).not.toBe(xml);
    zip.file('xl/worksheets/sheet1.xml', typed);
    await writeFile(plan, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const moved = await cascade(['progress', plan, '--write', '--today', TODAY]);
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stderr).not.toMatch(/typed by a person|nothing was written/);
    expect((await allCells(plan)).get('blank-id!O3')).toBe('0.8');
    // A later day moves the template's Pace cells, which LibreOffice kept as cascade's constant
    // formulas: written without a word of a person's values.
    const later = await cascade(['progress', template, '--write', '--today', '2026-06-15']);
    expect(later.code, later.stderr).toBe(0);
    expect(later.stderr).not.toMatch(/typed by a person|nothing was written/);
    expect(later.stderr).toMatch(/Wrote progress into .*: \d+ cells? updated/);
  });
});

describe("LibreOffice's lock file", () => {
  it('a workbook LibreOffice has open (its real .~lock.NAME# beside it) is written with a warning', async () => {
    const folder = join(dir, 'locked');
    await mkdir(folder);
    const file = join(folder, 'plan.xlsx');
    await copyFile(plans.get('plan')!.xlsx, file);
    const lock = join(folder, '.~lock.plan.xlsx#');
    // LibreOffice 7.4 opening a workbook headless (no --convert-to) writes its lock file, then aborts
    // on its way out and leaves it there, as a crashed LibreOffice does; one that stays open keeps it.
    const opened = spawn(
      soffice!,
      [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile-lock')).href}`, '--headless', '--norestore', file],
      { detached: true, stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => opened.once('exit', resolve));
    try {
      const content = await waitFor(async () => {
        const text = await readFile(lock, 'utf8');
        if (!text.endsWith(';')) throw new Error(`lock file not complete yet: ${text}`);
        return text;
      }, 60_000);
      // As LibreOffice writes it: ",user,host,date,profile;".
      expect(content).toMatch(/^[^,]*,[^,]+,[^,]+,\d\d\.\d\d\.\d{4} \d\d:\d\d,file:\/\/.*;$/);
      const r = await cascade(['progress', file, '--write', '--today', TODAY]);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(
        `cascade: warning: ${file} is open in LibreOffice (lock file .~lock.plan.xlsx#): close it there without saving, or saving there will undo what cascade writes.`,
      );
    } finally {
      // The LibreOffice started above (its own process group), if it is still running.
      if (opened.exitCode === null && opened.signalCode === null) process.kill(-opened.pid!, 'SIGTERM');
      await exited;
    }
  });
});

interface Item {
  row: number;
  id: string;
  progress: number | null;
  status: string | null;
}

async function waitFor<T>(probe: () => Promise<T>, timeout: number): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
