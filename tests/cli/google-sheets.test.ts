// Workbooks in Google Sheets' download layout (google-sheets-layout.ts, from real downloads: see
// tests/fixtures/producers/README.md): the plan reads as its CSV; progress --write changes only
// cascade's cells and adds its sheet and name beside Google's rId3-style relationships; LibreOffice
// and openpyxl open what it wrote.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { googleSheetsWorkbook, type GoogleCell, type GoogleSheet } from './google-sheets-layout.js';
import { cascade, json, ROOT, tempDir } from './helpers.js';
import { CSV_EVERY_SHEET, findSoffice, LibreOffice, shows, SOFFICE_MISSING } from './libreoffice.js';
import { allCells, namespaceErrors, planReading } from './workbook-reading.js';

const PLAN_CSV = join(ROOT, 'tests/fixtures/producers/plan.csv');
const TODAY = '2026-05-01';
const NUMBER_COLUMNS = new Set(['Start', 'Target', 'Current']);
const DATE_COLUMNS = new Set(['Start date', 'Due date']);
// A function only Sheets has, as its download writes it: wrapped, with the value it showed.
const SHEETS_ONLY = {
  formula: 'IFERROR(__xludf.DUMMYFUNCTION("GOOGLETRANSLATE(""Big deal"",""en"",""en"")"),"Big deal")',
  value: 'Big deal',
};

let dir: string;
let csvRows: string[][];
let expected: { progress: unknown; lint: unknown };

/** The producers' plan as a manager typed it into Google Sheets: numbers, dates, one Sheets-only formula. */
function planSheet(name: string): GoogleSheet {
  const [header, ...rows] = csvRows;
  const typed = rows.map((row) =>
    row.map((text, c): GoogleCell => {
      if (text === '') return null;
      if (NUMBER_COLUMNS.has(header[c])) return Number(text);
      if (DATE_COLUMNS.has(header[c])) return new Date(`${text}T00:00:00Z`);
      if (text === SHEETS_ONLY.value) return SHEETS_ONLY;
      return text;
    }),
  );
  return { name, rows: [header, ...typed], frozenHeader: true };
}

async function parts(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files))
    if (!zip.files[name].dir) out.set(name, await zip.file(name)!.async('nodebuffer'));
  return out;
}

beforeAll(async () => {
  dir = await tempDir();
  csvRows = parse(await readFile(PLAN_CSV, 'utf8')) as string[][];
  expected = await planReading(PLAN_CSV, TODAY);
  expect((expected.progress as { items: unknown[] }).items).toHaveLength(5);
});

describe("a plan in Google Sheets' download layout", () => {
  let file: string;

  beforeAll(async () => {
    file = join(dir, 'google-plan.xlsx');
    await writeFile(file, await googleSheetsWorkbook([planSheet('Plan')]));
  });

  it('is laid out as Google writes it: no <dimension>, rId3, numbers as 25.0, dates as serials with a date format', async () => {
    const p = await parts(file);
    const sheet = p.get('xl/worksheets/sheet1.xml')!.toString();
    expect(sheet).not.toContain('<dimension');
    expect(sheet).toContain('<sheetFormatPr customHeight="1" defaultColWidth="14.43" defaultRowHeight="15.75"/>');
    expect(sheet).toContain('<c r="I3" s="1"><v>25.0</v></c>');
    expect(sheet).toContain('<c r="L3" s="2"><v>46203.0</v></c>'); // 2026-06-30
    expect(sheet).toContain('__xludf.DUMMYFUNCTION');
    expect(p.get('xl/workbook.xml')!.toString()).toContain(
      '<sheet state="visible" name="Plan" sheetId="1" r:id="rId3"/>',
    );
    expect([...p.keys()].some((name) => /docProps|theme/.test(name))).toBe(false);
    expect(p.has('xl/drawings/worksheetdrawing1.xml')).toBe(true);
    // The reader takes the serial for a date by its number format (the column's name aside).
    expect((await allCells(file)).get('Plan!L3')).toBe(JSON.stringify(new Date('2026-06-30T00:00:00Z')));
  });

  it('lint and progress read exactly as the same plan in CSV', async () => {
    expect(await planReading(file, TODAY)).toEqual(expected);
  });
});

describe("progress --write on a plan in Google Sheets' layout", () => {
  const folder = () => join(dir, 'written');
  let before: string;
  let after: string;
  let stderr: string;
  let items: Item[];

  beforeAll(async () => {
    await mkdir(folder());
    before = join(folder(), 'google-before.xlsx');
    after = join(folder(), 'google-after.xlsx');
    await writeFile(before, await googleSheetsWorkbook([planSheet('Plan')]));
    await copyFile(before, after);
    const r = await cascade(['progress', after, '--write', '--today', TODAY]);
    expect(r.code, r.stderr).toBe(0);
    stderr = r.stderr;
    items = json(await cascade(['progress', after, '--format', 'json', '--today', TODAY])).items as Item[];
  });

  it('writes only the new Progress column in the plan, and starts the check-in history in a sheet of its own', async () => {
    expect(stderr).toContain('Added a Progress column (column O)');
    expect(stderr).toContain('Added 5 check-ins');
    const was = await allCells(before);
    const now = await allCells(after);
    const changed = [...new Set([...was.keys(), ...now.keys()])].filter((key) => was.get(key) !== now.get(key));
    const inPlan = changed.filter((key) => !key.startsWith('Check-ins!'));
    expect(inPlan.sort()).toEqual(['Plan!O1', 'Plan!O2', 'Plan!O3', 'Plan!O4', 'Plan!O5', 'Plan!O6']);
    expect(changed).toContain('Check-ins!A1');
    expect(await planReading(after, TODAY)).toMatchObject({ progress: expected.progress });
  });

  it("leaves every other part byte for byte; adds a sheet, a relationship id of its own beside Google's rId3 and a content type", async () => {
    const was = await parts(before);
    const now = await parts(after);
    const changed = [...was.keys()].filter((name) => !now.get(name)!.equals(was.get(name)!));
    const added = [...now.keys()].filter((name) => !was.has(name));
    expect(changed.sort()).toEqual([
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(added).toEqual(['xl/worksheets/sheet2.xml']);
    const text = (parts: Map<string, Buffer>, name: string) => parts.get(name)!.toString('utf8');

    // Relationships: Google's kept as written, one added with an id none of them has.
    const relsBefore = text(was, 'xl/_rels/workbook.xml.rels').match(/<Relationship [^>]*\/>/g)!;
    const relsAfter = text(now, 'xl/_rels/workbook.xml.rels').match(/<Relationship [^>]*\/>/g)!;
    expect(relsAfter.slice(0, relsBefore.length)).toEqual(relsBefore);
    const ids = relsAfter.map((r) => /Id="([^"]+)"/.exec(r)![1]);
    expect(new Set(ids).size).toBe(ids.length);
    const [addedRel] = relsAfter.slice(relsBefore.length);
    expect(addedRel).toMatch(/Type="[^"]*\/worksheet"/);
    expect(addedRel).toContain('Target="worksheets/sheet2.xml"');
    const addedId = /Id="([^"]+)"/.exec(addedRel)![1];

    // The workbook: Google's sheet element as it was, the history sheet on the new id, the name that marks cascade's column.
    const workbook = text(now, 'xl/workbook.xml');
    expect(workbook).toContain('<sheet state="visible" name="Plan" sheetId="1" r:id="rId3"/>');
    expect(workbook).toMatch(new RegExp(`<sheet name="Check-ins" sheetId="2" r:id="${addedId}"/>`));
    expect(workbook).toMatch(/<definedName name="_Cascade_Progress" hidden="1">Plan!\$O:\$O<\/definedName>/);
    const outside = (xml: string) =>
      xml.replace(/<sheets>.*<\/sheets>|<definedNames\/>|<definedNames>.*<\/definedNames>|<calcPr[^>]*\/>/g, '');
    expect(outside(workbook)).toBe(outside(text(was, 'xl/workbook.xml')));

    // Content types: Google's overrides kept, the new sheet declared, every declared part there.
    const types = text(now, '[Content_Types].xml');
    for (const override of text(was, '[Content_Types].xml').match(/<Override [^>]*\/>/g)!)
      expect(types).toContain(override);
    expect(types).toMatch(
      /<Override (?=[^>]*PartName="\/xl\/worksheets\/sheet2\.xml")(?=[^>]*ContentType="[^"]*worksheet\+xml")/,
    );
    for (const [, part] of types.matchAll(/PartName="\/([^"]+)"/g)) expect(now.has(part), part).toBe(true);

    // Styles: one percent format added after Google's, used by both sheets; the rest as it was.
    const xfs = (xml: string) => /<cellXfs[^>]*>(.*)<\/cellXfs>/.exec(xml)![1].match(/<xf [^>]*(?:\/>|>.*?<\/xf>)/g)!;
    const stylesBefore = text(was, 'xl/styles.xml');
    const stylesAfter = text(now, 'xl/styles.xml');
    expect(xfs(stylesAfter).slice(0, 3)).toEqual(xfs(stylesBefore));
    expect(xfs(stylesAfter).slice(3)).toEqual([expect.stringContaining('numFmtId="9"')]);
    const noXfs = (xml: string) => xml.replace(/<cellXfs[^>]*>.*<\/cellXfs>/, '');
    expect(noXfs(stylesAfter)).toBe(noXfs(stylesBefore));

    // The plan's sheet: only its rows changed; the frozen header, Google's row defaults and the drawing stay.
    const noRows = (xml: string) => xml.replace(/<sheetData>.*<\/sheetData>/, '');
    expect(noRows(text(now, 'xl/worksheets/sheet1.xml'))).toBe(noRows(text(was, 'xl/worksheets/sheet1.xml')));
    expect(await namespaceErrors(after)).toEqual([]);
  });

  it('LibreOffice opens the written workbook: it shows what it showed before, and the Progress cascade computed', async () => {
    if (findSoffice() === null) throw new Error(SOFFICE_MISSING);
    const lo = new LibreOffice(findSoffice()!, join(dir, 'profile'));
    const shownDir = join(dir, 'shown');
    await lo.convert([before, after], CSV_EVERY_SHEET, shownDir);
    const shown = async (name: string) =>
      parse(await readFile(join(shownDir, name), 'utf8'), { relaxColumnCount: true }) as string[][];
    const was = await shown('google-before-Plan.csv');
    const now = await shown('google-after-Plan.csv');
    // The numbers as typed; the serials as dates (LibreOffice shows M/d/yyyy with two-digit months and days).
    expect(was[2].slice(6, 12)).toEqual(['0', '50', '25', 'accounts', '04/01/2026', '06/30/2026']);
    const [header] = csvRows;
    const usDate = (iso: string) => iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$2/$3/$1');
    expect(was).toEqual(
      csvRows.map((row) => row.map((text, c) => (DATE_COLUMNS.has(header[c]) ? usDate(text) : text))),
    );
    expect(now.map((row) => row.slice(0, 14))).toEqual(was);
    expect(now[0][14]).toBe('Progress');
    for (const item of items) {
      const cell = now[item.row - 1][14];
      expect([item.id, shows(cell, item.progress!)]).toEqual([item.id, true]);
    }
    const history = await shown('google-after-Check-ins.csv');
    expect(history.slice(1).map((row) => row[1])).toEqual(items.map((item) => item.id));
  }, 120_000);

  it('openpyxl loads the written workbook: the sheets, the dates, the percent Progress', async () => {
    const { stdout } = await promisify(execFile)('/usr/bin/python3', [
      '-c',
      [
        'import json, openpyxl, sys',
        'wb = openpyxl.load_workbook(sys.argv[1])',
        'plan = wb["Plan"]',
        'print(json.dumps([wb.sheetnames, plan["L2"].value.isoformat(), plan["O1"].value, plan["O2"].number_format, wb["Check-ins"].max_row]))',
      ].join('\n'),
      after,
    ]);
    expect(JSON.parse(stdout)).toEqual([['Plan', 'Check-ins'], '2026-06-30T00:00:00', 'Progress', '0%', 6]);
  });
});

describe('a Google workbook of five sheets (rId3 to rId7), the plan on the third', () => {
  let file: string;

  beforeAll(async () => {
    const [header, first] = planSheet('Q1 plan').rows;
    file = join(dir, 'google-five-sheets.xlsx');
    await writeFile(
      file,
      await googleSheetsWorkbook([
        { name: 'Read me', rows: [['How we plan'], ['Update Current every Friday.']] },
        {
          name: 'Budget',
          rows: [
            ['Team', 'Budget', 'Spent'],
            ['Sales', 17876956, 0.25],
            ['Support', 2883315, 1250.5],
          ],
        },
        planSheet('Q2 plan'),
        // Last quarter's plan, kept: a second sheet with a plan header.
        { name: 'Q1 plan', rows: [header, first] },
        { name: 'Lists', rows: [['Status'], ['On track'], ['At risk'], ['Done']] },
      ]),
    );
  });

  it("Google's order of parts: the third sheet (rId5) is sheet1.xml, big numbers as 1.7876956E7", async () => {
    const p = await parts(file);
    expect(p.get('xl/workbook.xml')!.toString()).toContain(
      '<sheet state="visible" name="Q2 plan" sheetId="3" r:id="rId5"/>',
    );
    expect(p.get('xl/_rels/workbook.xml.rels')!.toString()).toContain(
      'Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"',
    );
    expect(p.get('xl/worksheets/sheet5.xml')!.toString()).toContain('<c r="B2" s="1"><v>1.7876956E7</v></c>');
    const cells = await allCells(file);
    expect([cells.get('Budget!B2'), cells.get('Budget!C2'), cells.get('Lists!A3')]).toEqual([
      '17876956',
      '0.25',
      '"At risk"',
    ]);
  });

  it('reads the plan from the third sheet, as its CSV, and notes the other plan sheet', async () => {
    expect(await planReading(file, TODAY)).toEqual(expected);
    const r = await cascade(['progress', file, '--today', TODAY]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `note: ${file}: sheet "Q1 plan" also has a plan header; only sheet "Q2 plan" is read. Name the sheet to read "Cascade" to choose it.`,
    );
  });

  it("writes into the third sheet's part only; the other four sheets stay byte for byte; the next id is rId8", async () => {
    const written = join(dir, 'google-five-sheets-written.xlsx');
    await copyFile(file, written);
    const r = await cascade(['progress', written, '--write', '--today', TODAY]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Added a Progress column (column O) to');
    const was = await parts(file);
    const now = await parts(written);
    const sheetsChanged = [...was.keys()].filter(
      (name) => name.startsWith('xl/worksheets/') && !now.get(name)!.equals(was.get(name)!),
    );
    expect(sheetsChanged).toEqual(['xl/worksheets/sheet1.xml']);
    expect(now.get('xl/_rels/workbook.xml.rels')!.toString()).toMatch(
      /<Relationship Id="rId8" [^>]*Target="worksheets\/sheet6\.xml"\/>/,
    );
    expect(now.get('xl/workbook.xml')!.toString()).toContain('<sheet name="Check-ins" sheetId="6" r:id="rId8"/>');
    expect(now.get('xl/workbook.xml')!.toString()).toContain('name="_Cascade_Progress" hidden="1">\'Q2 plan\'!$O:$O<');
    expect(await planReading(written, TODAY)).toMatchObject({ progress: expected.progress });
    expect(await namespaceErrors(written)).toEqual([]);
  });
});

interface Item {
  row: number;
  id: string;
  progress: number | null;
}
