// Shared set-up for the Notion tests: plans as tables, an emulator with a shared parent page, and
// a fast NotionApi (no pacing, short backoff) pointed at it.
import { afterEach, expect } from 'vitest';
import {
  checkPlan,
  checkSummary,
  computeProgress,
  dayFromIso,
  isoFromDay,
  pluralLevel,
  readPlan,
  roundFraction,
} from '../../shared/index.js';
import type { CellValue, FrameworkId, PlanItem, RawTable } from '../../shared/index.js';
import { buildMirror, NotionApi, syncMirror } from '../../notion-sync/index.js';
import type { MirrorPlan, NotionApiOptions, SyncOptions, SyncReport } from '../../notion-sync/index.js';
import { database, liveRows, rowsOf, startEmulator } from './emulator/index.js';
import type { EmulatorOptions, NotionEmulator, Row } from './emulator/index.js';

export const TODAY = '2026-05-01';

/** A plan row by header name. */
export type PlanRow = Record<string, CellValue>;

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
];

export function table(rows: readonly PlanRow[], header: readonly string[] = HEADER): RawTable {
  return { header: [...header], rows: rows.map((r) => header.map((h) => r[h] ?? null)) };
}

export function mirrorOf(
  rows: readonly PlanRow[],
  options: { today?: string; framework?: FrameworkId } = {},
): MirrorPlan {
  const plan = readPlan(table(rows), { framework: options.framework });
  return buildMirror(plan, { today: dayFromIso(options.today ?? TODAY) });
}

/** An OKR plan: two objectives, three key results, three tasks. */
export function okrPlan(): PlanRow[] {
  return [
    {
      ID: 'O1',
      Level: 'Objective',
      Title: 'Win the small-business market this quarter',
      Owner: 'Lena Park',
      'Start date': '2026-04-01',
      'Due date': '2026-06-30',
      Review: 'monthly',
      Status: 'On track',
    },
    {
      ID: 'KR1',
      Level: 'Key Result',
      Parent: 'O1',
      Title: 'Sign 50 new SMB accounts',
      Owner: 'Tom Baker',
      Start: 0,
      Target: 50,
      Current: 20,
      Unit: 'accounts',
      'Due date': '2026-06-30',
      Review: 'weekly',
      'Last check-in': '2026-04-28',
      Status: 'On track',
    },
    {
      ID: 'KR2',
      Level: 'Key Result',
      Parent: 'O1',
      Title: 'Raise NPS from 30 to 45',
      Owner: 'Mei Chen',
      Start: 30,
      Target: 45,
      Current: 35,
      'Due date': '2026-06-30',
      Review: 'weekly',
      'Last check-in': '2026-04-28',
      Status: 'At risk',
      Weight: 2,
    },
    {
      ID: 'O2',
      Level: 'Objective',
      Title: 'Make onboarding effortless for new customers',
      Owner: 'Jon Ito',
      'Start date': '2026-04-01',
      'Due date': '2026-06-30',
      Review: 'monthly',
      Status: 'On track',
    },
    {
      ID: 'KR3',
      Level: 'Key Result',
      Parent: 'O2',
      Title: 'Cut onboarding from 10 days to 5',
      Owner: 'Jon Ito',
      Type: 'decrease',
      Start: 10,
      Target: 5,
      Current: 8,
      Unit: 'days',
      'Due date': '2026-06-30',
      Review: 'weekly',
      'Last check-in': '2026-04-28',
      Status: 'On track',
    },
    {
      ID: 'T1',
      Level: 'Task',
      Parent: 'KR1',
      Title: 'Call 200 leads from the trade fair',
      Owner: 'Tom Baker',
      'Due date': '2026-05-15',
      Status: 'Done',
    },
    {
      ID: 'T2',
      Level: 'Task',
      Parent: 'KR1',
      Title: 'Run a webinar for accountants',
      Owner: 'Tom Baker',
      'Due date': '2026-05-30',
      Status: 'Not started',
    },
    {
      ID: 'T3',
      Level: 'Task',
      Parent: 'KR3',
      Title: 'Write the setup guide',
      Owner: 'Jon Ito',
      'Due date': '2026-05-20',
      Status: 'On track',
    },
  ];
}

/** The plan the tests mirror (its key is what the databases are tagged with). */
export const PLAN = { key: 'company-okrs' };

/** Fast settings for tests: no pacing, millisecond backoff. */
export const FAST: Omit<NotionApiOptions, 'token'> = {
  limiter: { rate: Infinity, burst: 1 },
  retry: { baseMs: 2, maxMs: 20 },
  timeoutMs: 5_000,
};

export interface World {
  emu: NotionEmulator;
  parent: string;
  api(options?: Partial<NotionApiOptions>): NotionApi;
  sync(rows: readonly PlanRow[] | MirrorPlan, options?: Partial<SyncOptions> & { today?: string }): Promise<SyncReport>;
  /** Live pages of a database under the parent, by Cascade ID. */
  rows(title: string): Map<string, Row>;
  db(title: string): ReturnType<typeof database>;
}

const open: NotionEmulator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.stop()));
});

export async function world(options: EmulatorOptions = {}): Promise<World> {
  const emu = await startEmulator(options);
  open.push(emu);
  const parent = emu.model.addPage('Company plan');
  const api = (o: Partial<NotionApiOptions> = {}) =>
    new NotionApi({ token: emu.token, baseUrl: emu.url, ...FAST, ...o });
  return {
    emu,
    parent,
    api,
    async sync(rows, o = {}) {
      const mirror = Array.isArray(rows) ? mirrorOf(rows as PlanRow[], { today: o.today }) : (rows as MirrorPlan);
      return syncMirror(mirror, { parentPageId: parent, plan: PLAN, ...o, api: o.api ?? api() });
    },
    rows: (title) => liveRows(emu.model, database(emu.model, parent, title).dataSourceId),
    db: (title) => database(emu.model, parent, title),
  };
}

/**
 * Notion holds exactly the plan: one live page per row in its level's database, every property
 * equal to the row's value (progress, pace and check as shared/ computes them), each Parent
 * relation on the parent's page and the reverse relation listing the children; no other pages.
 */
export function expectInSync(w: World, rows: readonly PlanRow[], options: { today?: string } = {}): void {
  const plan = readPlan(table(rows));
  const today = dayFromIso(options.today ?? TODAY);
  const progress = new Map(computeProgress(plan, { today }).map((p) => [p.row, p]));
  const findings = checkPlan(plan, { today });
  const pages = new Map(plan.framework.levels.map((level) => [level, w.rows(pluralLevel(level))]));
  const pageOf = (item: PlanItem) => pages.get(item.level!)!.get(item.id);
  for (const item of plan.items) {
    const page = pageOf(item);
    expect(page, `a page for ${item.id}`).toBeDefined();
    const v = page!.values;
    const p = progress.get(item.row)!;
    const where = `${item.id}`;
    expect(v.Name, where).toBe(item.title || null);
    expect(v['Cascade ID'], where).toBe(item.id);
    expect(v.Owner, where).toBe(item.owner || null);
    expect(v.Type, where).toBe(item.type ?? (item.typeText || null));
    for (const [name, cell] of [
      ['Start', item.start],
      ['Target', item.target],
      ['Current', item.current],
      ['Weight', item.weight],
    ] as const) {
      expect(v[name], `${where} ${name}`).toBe(cell.state === 'ok' ? cell.value : null);
    }
    expect(v.Unit, where).toBe(item.unit || null);
    for (const [name, cell] of [
      ['Start date', item.startDate],
      ['Due date', item.dueDate],
      ['Last check-in', item.lastCheckIn],
    ] as const) {
      expect(v[name], `${where} ${name}`).toBe(cell.state === 'ok' ? isoFromDay(cell.value) : null);
    }
    expect(v.Review, where).toBe(
      item.review.state === 'ok' ? item.review.value.text : item.review.state === 'invalid' ? item.review.text : null,
    );
    expect(v.Status, where).toBe(item.status ?? (item.statusText || null));
    expect(v.Progress, `${where} Progress`).toBe(roundFraction(p.progress));
    expect(v['Pace status'], `${where} Pace status`).toBe(p.status);
    expect(v.Check, `${where} Check`).toBe(checkSummary(findings.filter((f) => f.row === item.row)));
    const parentIndex = plan.tree.parent[item.index];
    if (
      parentIndex >= 0 &&
      plan.framework.levels.indexOf(item.level!) === plan.framework.levels.indexOf(plan.items[parentIndex].level!) + 1
    ) {
      const parentPage = pageOf(plan.items[parentIndex])!;
      expect(v.Parent, `${where} Parent`).toEqual([parentPage.id]);
      expect(parentPage.values[pluralLevel(item.level!)], `${plan.items[parentIndex].id} lists ${item.id}`).toContain(
        page!.id,
      );
    } else if (v.Parent !== undefined) {
      expect(v.Parent, `${where} has no parent`).toEqual([]);
    }
  }
  for (const level of plan.framework.levels) {
    const ids = plan.items
      .filter((i) => i.level === level)
      .map((i) => i.id)
      .sort();
    expect([...pages.get(level)!.keys()].sort(), `the pages of ${pluralLevel(level)}`).toEqual(ids);
    const all = rowsOf(w.emu.model, w.db(pluralLevel(level)).dataSourceId).filter((r) => !r.inTrash);
    expect(all.length, `no duplicate pages in ${pluralLevel(level)}`).toBe(ids.length);
  }
}
