// One run of the mirror: find the databases, put their schema right, read the pages, diff, write.
// Nothing is stored locally: every run starts from what Notion holds, so it can run anywhere.
import type { LevelName } from '../shared/index.js';
import type { NotionApi } from './api.js';
import { pageChange, trashChange, trashPages, writeLevel } from './apply.js';
import type { ApplyContext } from './apply.js';
import { diffLevel } from './diff.js';
import type { LevelDiff } from './diff.js';
import { childDatabases, pickDatabase } from './find.js';
import { newDatabaseProperties, schemaRepairs, titlePropertyName } from './properties.js';
import { readPages } from './read.js';
import { databaseTitle, possibleRelations, PROPERTIES, TITLE } from './schema.js';
import type { LevelState } from './state.js';
import { parentTrashed, SyncError } from './errors.js';
import type { MirrorPlan, PageChange, SyncReport } from './types.js';

/** How a run shows its work: a progress bar on a terminal, one line per phase elsewhere. */
export interface SyncProgress {
  start(phase: string, total: number): void;
  tick(): void;
  finish(summary: string): void;
}

export interface SyncOptions {
  api: NotionApi;
  /** The page under which the databases live (a UUID, dashes or not). */
  parentPageId: string;
  /** Read only: report what would change and write nothing. */
  dryRun?: boolean;
  /** Go ahead even when most pages would go to the trash (a plan emptied, or the wrong file). */
  allowMassTrash?: boolean;
  progress?: SyncProgress;
  /**
   * A time on the api's clock (ms since the epoch) after which no new write starts: the run ends
   * with the report's `incomplete` saying how many writes are left. Nothing is stored, so the next
   * run reads Notion again and carries on (pages are found by their Cascade ID: no duplicates).
   */
  deadline?: number;
}

/** Trashing more than this many pages, and more than half of them, needs allowMassTrash. */
export const MASS_TRASH = 10;

const silent: SyncProgress = { start() {}, tick() {}, finish() {} };

/** What every phase of a run shares. */
interface Run {
  api: NotionApi;
  parentPageId: string;
  dryRun: boolean;
  progress: SyncProgress;
  report: SyncReport;
  warn: (message: string) => void;
  states: LevelState[];
  stateOf: (level: string) => LevelState;
  stopping: () => boolean;
}

export async function syncMirror(mirror: MirrorPlan, options: SyncOptions): Promise<SyncReport> {
  const { clock } = options.api;
  const started = clock.now();
  const report: SyncReport = { dryRun: options.dryRun ?? false, schema: [], changes: [], databases: [], rejected: [], warnings: [], calls: options.api.stats, ms: 0 };
  const warn = (message: string) => {
    if (!report.warnings.includes(message)) report.warnings.push(message);
  };
  checkPlan(mirror, warn);
  const run: Run = {
    api: options.api,
    parentPageId: options.parentPageId,
    dryRun: report.dryRun,
    progress: options.progress ?? silent,
    report,
    warn,
    states: [],
    stateOf: (level) => run.states.find((s) => s.level === level)!,
    stopping: () => options.deadline !== undefined && clock.now() >= options.deadline,
  };
  run.states = await findDatabases(run, mirror);
  const existed = await prepareDatabases(run);
  await readAllPages(run, existed);
  const diffs = diffAll(run);
  guardMassTrash(run, diffs, options.allowMassTrash ?? false);
  await writeAll(run, diffs);
  report.ms = clock.now() - started;
  return report;
}

/** A plan with no row to mirror would trash every page: refuse it. Skipped and shortened rows are warned about. */
function checkPlan(mirror: MirrorPlan, warn: (message: string) => void): void {
  if (mirror.levels.every((l) => l.rows.length === 0)) {
    throw new SyncError(
      'bad-plan',
      mirror.skipped.length === 0
        ? 'The plan has no rows, so there is nothing to mirror (and sync will not empty Notion for an empty file). Add rows, or check the file name.'
        : `None of the plan's ${mirror.skipped.length} rows can be mirrored: ${mirror.skipped[0].reason} (row ${mirror.skipped[0].row}).`,
    );
  }
  for (const s of mirror.skipped) warn(`Row ${s.row}${s.id ? ` (${s.id})` : ''} is not mirrored: ${s.reason}.`);
  for (const c of mirror.cut) warn(`Row ${c.row} (${c.id}): ${c.column} is longer than Notion takes and was shortened.`);
}

/** 1. The databases found again under the parent page, one per level (looked up side by side). */
async function findDatabases(run: Run, mirror: MirrorPlan): Promise<LevelState[]> {
  const { api, progress } = run;
  progress.start('Reading Notion', mirror.levels.length + 1);
  const children = await childDatabases(api, run.parentPageId);
  progress.tick();
  const states = await Promise.all(
    mirror.levels.map(async ({ level, rows }): Promise<LevelState> => {
      const title = databaseTitle(level);
      const found = await pickDatabase(api, title, children.get(title) ?? [], run.warn);
      const schema = found?.schema ?? null;
      const used = new Set(rows.map((r) => r.parent?.level).filter((l): l is LevelName => l !== undefined));
      const relations = possibleRelations(mirror.framework, level).filter(
        (r) => r.name === 'Parent' || used.has(r.target) || schema?.properties[r.name]?.type === 'relation',
      );
      progress.tick();
      return {
        level,
        title,
        rows,
        relations,
        database: found?.database ?? null,
        dataSourceId: found?.dataSourceId ?? null,
        schema,
        titleName: (schema && titlePropertyName(schema)) ?? TITLE,
        pages: [],
        pageIdByKey: new Map(),
      };
    }),
  );
  progress.finish(`Found ${states.filter((s) => s.database).length} of ${states.length} databases under the parent page.`);
  return states;
}

/**
 * 2. Missing databases created, deleted or retyped properties restored; top level first, as a
 * relation needs its target's data source. Returns the levels whose database existed before.
 */
async function prepareDatabases(run: Run): Promise<Set<LevelName>> {
  const { api, report, dryRun, stateOf } = run;
  const existed = new Set(run.states.filter((s) => s.database).map((s) => s.level));
  for (const state of run.states) {
    const relations = state.relations.map((spec) => ({ spec, target: stateOf(spec.target).dataSourceId }));
    if (!state.database) {
      report.schema.push({ database: state.title, kind: 'create database', properties: [...PROPERTIES.map((p) => p.name), ...state.relations.map((r) => r.name)] });
      if (dryRun) continue;
      const database = await api
        .createDatabase(
          run.parentPageId,
          state.title,
          newDatabaseProperties(relations.map((r) => ({ spec: r.spec, target: r.target! }))),
          async () => {
            const again = await childDatabases(api, run.parentPageId);
            return (await pickDatabase(api, state.title, again.get(state.title) ?? [], run.warn))?.database ?? null;
          },
        )
        .catch((error: unknown) => {
          throw parentTrashed(run.parentPageId, error);
        });
      state.database = database;
      state.dataSourceId = database.data_sources[0].id;
      continue;
    }
    const repairs = schemaRepairs(state.schema!, relations);
    if (Object.keys(repairs).length === 0) continue;
    report.schema.push({ database: state.title, kind: 'restore properties', properties: Object.keys(repairs) });
    if (!dryRun) await api.updateDataSource(state.dataSourceId!, repairs, `restoring properties of "${state.title}"`);
  }
  const created = report.schema.filter((c) => c.kind === 'create database').map((c) => c.database);
  const restored = report.schema.filter((c) => c.kind === 'restore properties');
  if (created.length > 0 || restored.length > 0) {
    const parts = [
      created.length > 0 ? `${dryRun ? 'would create' : 'created'} ${created.join(', ')}` : '',
      ...restored.map((r) => `${dryRun ? 'would restore' : 'restored'} ${r.properties.join(', ')} in ${r.database}`),
    ].filter(Boolean);
    run.progress.finish(`Databases: ${parts.join('; ')}.`);
  }
  return existed;
}

/** 3. Every page of the databases that existed, the databases read side by side. */
async function readAllPages(run: Run, existed: ReadonlySet<LevelName>): Promise<void> {
  const toRead = run.states.filter((s) => existed.has(s.level));
  run.progress.start('Reading pages', toRead.length);
  await Promise.all(
    toRead.map(async (state) => {
      state.pages = await readPages(run.api, state.dataSourceId!, state.titleName, state.relations);
      run.progress.tick();
    }),
  );
  run.progress.finish(`Read ${run.states.reduce((n, s) => n + s.pages.length, 0)} pages.`);
}

/** 4. The diff, top level first so that children compare against their parents' pages. */
function diffAll(run: Run): Map<LevelState, LevelDiff> {
  const diffs = new Map<LevelState, LevelDiff>();
  for (const state of run.states) {
    const diff = diffLevel(state, (level) => run.stateOf(level).pageIdByKey);
    for (const [key, pageId] of diff.keepers) state.pageIdByKey.set(key, pageId);
    diffs.set(state, diff);
  }
  return diffs;
}

/** A plan that lost most of its rows is more likely the wrong file than a decision: ask first. */
function guardMassTrash(run: Run, diffs: Map<LevelState, LevelDiff>, allowed: boolean): void {
  const existing = run.states.reduce((n, s) => n + s.pages.length, 0);
  const removed = [...diffs.values()].reduce((n, d) => n + d.trashes.filter((t) => t.reason === 'removed').length, 0);
  if (allowed || removed <= MASS_TRASH || removed <= existing / 2) return;
  const message =
    `This would move ${removed} of the ${existing} pages in Notion to the trash, as their rows are not in the plan. ` +
    'If that is what you want, run again with --force; to see the list first, use --dry-run.';
  if (!run.dryRun) throw new SyncError('mass-trash', `${message} Nothing was changed in Notion's pages.`);
  run.warn(message);
}

/** 5. The writes, levels top down then trashes bottom up; a dry run only lists them. */
async function writeAll(run: Run, diffs: Map<LevelState, LevelDiff>): Promise<void> {
  const { report, progress, states } = run;
  const counts = new Map(
    states.map((s) => [
      s.title,
      { database: s.title, ...(s.database ? { databaseId: s.database.id } : {}), created: 0, updated: 0, trashed: 0, unchanged: diffs.get(s)!.unchanged },
    ]),
  );
  const record = (change: PageChange) => {
    report.changes.push(change);
    const c = counts.get(change.database)!;
    if (change.kind === 'create') c.created++;
    else if (change.kind === 'update') c.updated++;
    else c.trashed++;
  };
  if (run.dryRun) {
    for (const state of states) for (const change of plannedChanges(state, diffs.get(state)!)) record(change);
  } else {
    const planned = [...diffs.values()].reduce((n, d) => n + d.creates.length + d.updates.length + d.trashes.length, 0);
    let settled = 0;
    const tick = () => {
      settled++;
      progress.tick();
    };
    progress.start('Writing to Notion', planned);
    const context: ApplyContext = {
      api: run.api,
      stateOf: run.stateOf,
      warn: run.warn,
      stopping: run.stopping,
      onWrite: (change) => {
        record(change);
        tick();
      },
      onReject: (rejected) => {
        report.rejected.push(rejected);
        tick();
      },
      onUnchanged: (database) => {
        counts.get(database)!.unchanged++;
        tick();
      },
    };
    for (const state of states) await writeLevel(context, state, diffs.get(state)!);
    for (const state of [...states].reverse()) await trashPages(context, state, diffs.get(state)!.trashes);
    if (settled < planned) report.incomplete = { left: planned - settled };
  }
  report.databases = [...counts.values()];
  const sum = (k: 'created' | 'updated' | 'trashed') => report.databases.reduce((n, d) => n + d[k], 0);
  progress.finish(
    `${run.dryRun ? 'Would write' : 'Wrote'}: ${sum('created')} created, ${sum('updated')} updated, ${sum('trashed')} trashed` +
      (report.rejected.length > 0 ? `, ${report.rejected.length} refused by Notion` : '') +
      (report.incomplete ? `; ${report.incomplete.left} left for the next run.` : '.'),
  );
}

/** A dry run's listing: the writes the diff calls for. */
function plannedChanges(state: LevelState, diff: LevelDiff): PageChange[] {
  const nameOf = (key: string) => PROPERTIES.find((p) => p.key === key)!.name;
  return [
    ...diff.creates.map((row) => pageChange('create', state, row, [])),
    ...diff.updates.map((u) => pageChange('update', state, u.row, [...u.values.map(nameOf), ...u.relations])),
    ...diff.trashes.map((t) => trashChange(state, t)),
  ];
}
