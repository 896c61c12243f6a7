// Shared set-up for the Notion tests: plans as tables, an emulator with a shared parent page, and
// a fast NotionApi (no pacing, short backoff) pointed at it.
import { afterEach } from 'vitest';
import { dayFromIso, readPlan } from '../../shared/index.js';
import type { CellValue, FrameworkId, RawTable } from '../../shared/index.js';
import { buildMirror, NotionApi, syncMirror } from '../../notion-sync/index.js';
import type { MirrorPlan, NotionApiOptions, SyncReport } from '../../notion-sync/index.js';
import { database, liveRows, startEmulator } from './emulator/index.js';
import type { EmulatorOptions, NotionEmulator, Row } from './emulator/index.js';

export const TODAY = '2026-05-01';

/** A plan row by header name. */
export type PlanRow = Record<string, CellValue>;

export const HEADER = [
  'ID', 'Level', 'Parent', 'Title', 'Owner', 'Type', 'Start', 'Target', 'Current', 'Unit',
  'Start date', 'Due date', 'Review', 'Last check-in', 'Status', 'Weight',
];

export function table(rows: readonly PlanRow[], header: readonly string[] = HEADER): RawTable {
  return { header: [...header], rows: rows.map((r) => header.map((h) => r[h] ?? null)) };
}

export function mirrorOf(rows: readonly PlanRow[], options: { today?: string; framework?: FrameworkId } = {}): MirrorPlan {
  const plan = readPlan(table(rows), { framework: options.framework });
  return buildMirror(plan, { today: dayFromIso(options.today ?? TODAY) });
}

/** An OKR plan: two objectives, three key results, three tasks. */
export function okrPlan(): PlanRow[] {
  return [
    { ID: 'O1', Level: 'Objective', Title: 'Win the small-business market this quarter', Owner: 'Lena Park', 'Start date': '2026-04-01', 'Due date': '2026-06-30', Review: 'monthly', Status: 'On track' },
    { ID: 'KR1', Level: 'Key Result', Parent: 'O1', Title: 'Sign 50 new SMB accounts', Owner: 'Tom Baker', Start: 0, Target: 50, Current: 20, Unit: 'accounts', 'Due date': '2026-06-30', Review: 'weekly', 'Last check-in': '2026-04-28', Status: 'On track' },
    { ID: 'KR2', Level: 'Key Result', Parent: 'O1', Title: 'Raise NPS from 30 to 45', Owner: 'Mei Chen', Start: 30, Target: 45, Current: 35, 'Due date': '2026-06-30', Review: 'weekly', 'Last check-in': '2026-04-28', Status: 'At risk', Weight: 2 },
    { ID: 'O2', Level: 'Objective', Title: 'Make onboarding effortless for new customers', Owner: 'Jon Ito', 'Start date': '2026-04-01', 'Due date': '2026-06-30', Review: 'monthly', Status: 'On track' },
    { ID: 'KR3', Level: 'Key Result', Parent: 'O2', Title: 'Cut onboarding from 10 days to 5', Owner: 'Jon Ito', Type: 'decrease', Start: 10, Target: 5, Current: 8, Unit: 'days', 'Due date': '2026-06-30', Review: 'weekly', 'Last check-in': '2026-04-28', Status: 'On track' },
    { ID: 'T1', Level: 'Task', Parent: 'KR1', Title: 'Call 200 leads from the trade fair', Owner: 'Tom Baker', 'Due date': '2026-05-15', Status: 'Done' },
    { ID: 'T2', Level: 'Task', Parent: 'KR1', Title: 'Run a webinar for accountants', Owner: 'Tom Baker', 'Due date': '2026-05-30', Status: 'Not started' },
    { ID: 'T3', Level: 'Task', Parent: 'KR3', Title: 'Write the setup guide', Owner: 'Jon Ito', 'Due date': '2026-05-20', Status: 'On track' },
  ];
}

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
  sync(rows: readonly PlanRow[] | MirrorPlan, options?: { dryRun?: boolean; api?: NotionApi; today?: string }): Promise<SyncReport>;
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
  const api = (o: Partial<NotionApiOptions> = {}) => new NotionApi({ token: emu.token, baseUrl: emu.url, ...FAST, ...o });
  return {
    emu,
    parent,
    api,
    async sync(rows, o = {}) {
      const mirror = Array.isArray(rows) ? mirrorOf(rows as PlanRow[], { today: o.today }) : (rows as MirrorPlan);
      return syncMirror(mirror, { api: o.api ?? api(), parentPageId: parent, dryRun: o.dryRun });
    },
    rows: (title) => liveRows(emu.model, database(emu.model, parent, title).dataSourceId),
    db: (title) => database(emu.model, parent, title),
  };
}
