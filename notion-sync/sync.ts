// One run of the mirror: find the databases, put their schema right, read the pages, diff, write.
// Nothing is stored locally: every run starts from what Notion holds, so it can run anywhere.
import { plural } from '../shared/index.js';
import type { LevelName } from '../shared/index.js';
import type { NotionApi } from './api.js';
import { pageChange, trashChange, trashPages, writeLevel } from './apply.js';
import type { ApplyContext } from './apply.js';
import { diffLevel } from './diff.js';
import type { LevelDiff } from './diff.js';
import type { NotionUser, PropertyConfig } from './api.js';
import { fillOwnerPeople } from './people.js';
import { discover } from './find.js';
import type { PlanIdentity } from './marker.js';
import {
  freeName,
  newDatabaseProperties,
  ourProperties,
  relationTag,
  schemaRepairs,
  specifiedNames,
} from './properties.js';
import { applyPulls, pullsOf } from './pull.js';
import type { PulledValue } from './pull.js';
import { readPages } from './read.js';
import { ALL_PROPERTIES, databaseTitle, possibleRelations, PROPERTIES } from './schema.js';
import type { LevelState } from './state.js';
import { parentTrashed, SyncError } from './errors.js';
import type { MirrorPlan, PageChange, SyncReport } from './types.js';
import { normalizeId } from './values.js';
import { viewRequests } from './views.js';
import { CHECKINS_LEVEL, CHECKINS_TITLE } from './checkins.js';
import { checkInsState, readCheckIns, writeCheckIns } from './checkins-sync.js';
import type { CheckInsState } from './checkins-sync.js';

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
  /** The plan this mirror belongs to: only databases carrying its tag are written (marker.ts). */
  plan: PlanIdentity;
  /** Make new databases for the plan's databases that are in Notion's trash, instead of stopping. */
  recreate?: boolean;
  /**
   * Check-ins changed in Notion come back: called with the values to write into the plan (none in a
   * run where nothing changed in Notion), it writes them (not in a dry run) and answers the plan's
   * mirror recomputed with them, which is then pushed. Without it the mirror is one way.
   */
  pull?: (pulled: PulledValue[], context: { dryRun: boolean }) => Promise<MirrorPlan> | MirrorPlan;
  /** When the plan was last changed (ISO), to settle a value changed on both sides: the newer wins. */
  planEditedAt?: string;
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
  plan: PlanIdentity;
  recreate: boolean;
  /** The workspace's members, read once (null: not allowed). */
  users?: Promise<NotionUser[] | null>;
  /** Data sources of the plan found in the trash (normalised ids), when --recreate starts them afresh. */
  trashed: Set<string>;
  states: LevelState[];
  /** The Check-ins database: one page per check-in of the plan's history. */
  checkIns: CheckInsState;
  stateOf: (level: string) => LevelState;
  stopping: () => boolean;
}

export async function syncMirror(mirror: MirrorPlan, options: SyncOptions): Promise<SyncReport> {
  const { clock } = options.api;
  const started = clock.now();
  const report: SyncReport = {
    dryRun: options.dryRun ?? false,
    schema: [],
    changes: [],
    databases: [],
    rejected: [],
    pulled: [],
    warnings: [],
    calls: options.api.stats,
    ms: 0,
  };
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
    plan: options.plan,
    recreate: options.recreate ?? false,
    trashed: new Set(),
    states: [],
    checkIns: checkInsState(null, CHECKINS_TITLE, []),
    stateOf: (level) => run.states.find((s) => s.level === level)!,
    stopping: () => options.deadline !== undefined && clock.now() >= options.deadline,
  };
  run.states = await findDatabases(run, mirror);
  const existed = await prepareDatabases(run);
  // The members are read beside the pages, so the run does not wait for them in turn.
  const owners = run.states.some((s) => s.rows.some((r) => r.values.owner !== null));
  const people = owners ? workspaceUsers(run) : null;
  await Promise.all([readAllPages(run, existed), readCheckIns(run.api, run.checkIns, run.plan), people]);
  if (options.pull) await pull(run, options.pull, options.planEditedAt ?? null);
  await fillPeople(run);
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
  for (const c of mirror.cut)
    warn(`Row ${c.row} (${c.id}): ${c.column} is longer than Notion takes and was shortened.`);
}

/** 1. The plan's databases found again under the parent page, one per level (by their tag, not their title). */
async function findDatabases(run: Run, mirror: MirrorPlan): Promise<LevelState[]> {
  const { api, progress, plan } = run;
  progress.start('Reading Notion', 1);
  const levels = mirror.levels.map(({ level, rows }) => ({
    level,
    titles: [databaseTitle(level), distinctTitle(level, plan)],
    hasRows: rows.length > 0,
  }));
  const checkInTitles = [CHECKINS_TITLE, `${CHECKINS_TITLE} (${plan.name ?? plan.key})`];
  const withCheckIns = [
    ...levels,
    { level: CHECKINS_LEVEL, titles: checkInTitles, hasRows: (mirror.history ?? []).length > 0 },
  ];
  const discovery = await discover(api, run.parentPageId, plan, withCheckIns, run.warn);
  if (discovery.trashed.length > 0 && !run.recreate) {
    const titles = discovery.trashed.map((t) => `"${databaseTitle(t.level as LevelName)}"`).join(', ');
    throw new SyncError(
      'database-trashed',
      `This plan's ${titles} database${discovery.trashed.length === 1 ? ' is' : 's are'} in Notion's trash: restore ${discovery.trashed.length === 1 ? 'it' : 'them'} ` +
        "(Trash, in Notion's sidebar → Restore) and run sync again, or run with --recreate to start " +
        (discovery.trashed.length === 1 ? 'that database' : 'those databases') +
        ' afresh.',
    );
  }
  run.trashed = new Set(discovery.trashed.map((t) => normalizeId(t.dataSourceId)));
  const taken = new Set(discovery.titles);
  const exists = (level: LevelName) =>
    discovery.found.has(level) || mirror.levels.some((l) => l.level === level && l.rows.length > 0);
  const states = mirror.levels.map(({ level, rows }): LevelState => {
    const found = discovery.found.get(level) ?? null;
    const schema = found?.schema ?? null;
    const ours = schema ? ourProperties(schema) : null;
    const used = new Set(rows.map((r) => r.parent?.level).filter((l): l is LevelName => l !== undefined));
    const relations = possibleRelations(mirror.framework, level)
      .filter(
        (r) => exists(r.target) && (r.name === 'Parent' || used.has(r.target) || ours?.relations.has(relationTag(r))),
      )
      .map((r) => ({ ...r, name: ours?.relations.get(relationTag(r))?.name ?? r.name }));
    let title = found?.title ?? databaseTitle(level);
    if (!found && rows.length > 0) {
      title = newTitle(level, plan, taken);
      taken.add(title);
    }
    return {
      level,
      title,
      rows,
      relations,
      database: found?.database ?? null,
      dataSourceId: found?.dataSourceId ?? null,
      schema,
      names: specifiedNames(),
      pages: [],
      pageIdByKey: new Map(),
    };
  });
  const foundCheckIns = discovery.found.get(CHECKINS_LEVEL) ?? null;
  run.checkIns = checkInsState(
    foundCheckIns,
    foundCheckIns ? foundCheckIns.title : freeTitle(checkInTitles[0], checkInTitles[1], taken),
    mirror.history,
  );
  progress.tick();
  // Levels with no rows and no database have none to find.
  const wanted = states.filter((s) => s.database !== null || s.rows.length > 0).length;
  progress.finish(
    `Found ${states.filter((s) => s.database).length} of this plan's ${wanted} databases under the parent page.`,
  );
  return states;
}

/** "Tasks (okr-plan)": the title of a new database when the level's own is taken on the page. */
function distinctTitle(level: LevelName, plan: PlanIdentity): string {
  return `${databaseTitle(level)} (${plan.name ?? plan.key})`;
}

/** A new database's title: the level's, or when a database on the page has it already, one with the plan's name; else stop. */
function newTitle(level: LevelName, plan: PlanIdentity, taken: ReadonlySet<string>): string {
  return freeTitle(databaseTitle(level), distinctTitle(level, plan), taken);
}

function freeTitle(plain: string, distinct: string, taken: ReadonlySet<string>): string {
  if (!taken.has(plain)) return plain;
  if (!taken.has(distinct)) return distinct;
  throw new SyncError(
    'conflict',
    `The parent page already has databases titled "${plain}" and "${distinct}" that are not this plan's; ` +
      'rename one of them in Notion, or give this plan another key (--plan).',
  );
}

/**
 * 2. Missing databases created (none for a level without rows), deleted or retyped properties
 * restored; top level first, as a relation needs its target's data source. Returns the levels
 * whose database existed before.
 */
async function prepareDatabases(run: Run): Promise<Set<LevelName>> {
  const { api, report, dryRun, stateOf } = run;
  const existed = new Set(run.states.filter((s) => s.database).map((s) => s.level));
  for (const state of run.states) {
    const owner = { plan: run.plan, level: state.level };
    const relations = state.relations.map((spec) => ({
      spec,
      target: stateOf(spec.target).dataSourceId,
      targetSchema: stateOf(spec.target).schema,
    }));
    if (!state.database) {
      if (state.rows.length === 0) continue;
      report.schema.push({
        database: state.title,
        kind: 'create database',
        properties: [...ALL_PROPERTIES.map((p) => p.name), ...state.relations.map((r) => r.name)],
      });
      if (dryRun) continue;
      const database = await api
        .createDatabase(
          run.parentPageId,
          state.title,
          newDatabaseProperties(
            relations.map((r) => ({
              spec: r.spec,
              target: r.target!,
              reverseName: freeName(r.targetSchema, r.spec.reverseName),
            })),
            owner,
          ),
          async () => {
            const again = await discover(
              api,
              run.parentPageId,
              run.plan,
              [{ level: state.level, titles: [state.title], hasRows: true }],
              run.warn,
            );
            return again.found.get(state.level)?.database ?? null;
          },
        )
        .catch((error: unknown) => {
          throw parentTrashed(run.parentPageId, error);
        });
      state.database = database;
      state.dataSourceId = database.data_sources[0].id;
      state.schema = await api.retrieveDataSource(state.dataSourceId);
      for (const view of viewRequests(state.schema, state.rows)) {
        await api.createView(state.dataSourceId, { ...view }, `adding the ${view.name} view to "${state.title}"`);
      }
      continue;
    }
    const repair = schemaRepairs(state.schema!, relations, owner);
    state.names = repair.names;
    state.relations = state.relations.map((r) => ({ ...r, name: repair.relationNames.get(r.name) ?? r.name }));
    // With --recreate, the reverse relations that point at a trashed database of the plan go, so the new one can take their name.
    const stale = Object.values(state.schema!.properties).filter(
      (p) =>
        p.type === 'relation' &&
        p.relation &&
        run.trashed.has(normalizeId(p.relation.data_source_id)) &&
        !(p.id in repair.request),
    );
    const request: Record<string, PropertyConfig | null> = { ...repair.request };
    for (const p of stale) request[p.id] = null;
    if (Object.keys(request).length === 0) continue;
    report.schema.push({
      database: state.title,
      kind: 'restore properties',
      properties: [...repair.restored, ...stale.map((p) => p.name)],
    });
    if (!dryRun)
      state.schema = await api.updateDataSource(
        state.dataSourceId!,
        request,
        `restoring properties of "${state.title}"`,
      );
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
      state.pages = await readPages(run.api, state.dataSourceId!, state.names, state.relations);
      run.progress.tick();
    }),
  );
  run.progress.finish(`Read ${run.states.reduce((n, s) => n + s.pages.length, 0)} pages.`);
}

/**
 * 3b. Check-ins changed in Notion by a person, handed to the caller to write into the plan; the
 * plan's mirror comes back recomputed. The integration's own user is asked for only when a page
 * was last changed by someone other than the user who created the databases, so a run where
 * nothing changed in Notion makes no extra call.
 */
async function pull(run: Run, write: NonNullable<SyncOptions['pull']>, planEditedAt: string | null): Promise<void> {
  const creators = new Set(
    run.states.map((s) => s.schema?.created_by?.id).filter((id): id is string => id !== undefined),
  );
  const others = run.states.some((s) => s.pages.some((p) => p.lastEditedBy !== null && !creators.has(p.lastEditedBy)));
  const me = others ? (await run.api.me()).id : null;
  const isIntegration = (id: string) => (me === null ? creators.has(id) : id === me);
  const pulled: PulledValue[] = [];
  for (const state of run.states) {
    const pageByKey = new Map(state.pages.map((p) => [p.key, p]));
    for (const row of state.rows) {
      const page = pageByKey.get(row.key);
      if (page) pulled.push(...pullsOf(state, row, page, { isIntegration, planEditedAt }));
    }
  }
  if (pulled.length === 0) return;
  // Who changed them, by name, for the report.
  const names = new Map(
    ((await workspaceUsers(run)) ?? []).map((u) => [u.id, u.name?.trim() || u.person?.email || '']),
  );
  for (const p of pulled) p.byName = names.get(p.by) || undefined;
  run.report.pulled = pulled;
  const next = await write(
    pulled.filter((p) => p.outcome === 'pulled'),
    { dryRun: run.dryRun },
  );
  for (const state of run.states) {
    const rows = next.levels.find((l) => l.level === state.level)?.rows;
    // The caller's plan has the pulled values; if it answered the same mirror, they are applied here.
    state.rows = applyPulls(rows ?? state.rows, pulled);
  }
  // The check-ins the pull recorded are mirrored in the same run.
  if (next.history) run.checkIns = { ...checkInsState(null, run.checkIns.title, next.history), ...pick(run.checkIns) };
  const pulledCount = pulled.filter((p) => p.outcome === 'pulled').length;
  run.progress.finish(
    `Check-ins from Notion: ${plural(pulledCount, 'value')} ${run.dryRun ? 'to pull' : 'pulled'} into the plan.`,
  );
}

/** The workspace's members, read once per run; null when the integration may not read them (it lacks the capability). */
function workspaceUsers(run: Run): Promise<NotionUser[] | null> {
  if (run.users === undefined) {
    run.users = run.api.listUsers().catch((error: unknown) => {
      if (!(error instanceof SyncError) || (error.notion.status !== 403 && error.notion.status !== 404)) throw error;
      run.warn(
        "Owner (person) is not filled: the integration may not read the workspace's members. In the integration's settings, allow 'Read user information'.",
      );
      return null;
    });
  }
  return run.users;
}

/**
 * 3c. Owner (person) from each row's Owner and the workspace's members: one read per run, none
 * when no row has an owner. Without the members, what Notion holds is left as it is.
 */
async function fillPeople(run: Run): Promise<void> {
  if (!run.states.some((s) => s.rows.some((r) => r.values.owner !== null))) return;
  const users = await workspaceUsers(run);
  for (const state of run.states) {
    if (users) {
      fillOwnerPeople(state.rows, users);
      continue;
    }
    const current = new Map(state.pages.map((p) => [p.key, p.values.ownerPerson ?? null]));
    state.rows = state.rows.map((r) => ({ ...r, values: { ...r.values, ownerPerson: current.get(r.key) ?? null } }));
  }
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
  // A level with no rows and no database (none is made for it) is not listed.
  const listed = states.filter((s) => s.database !== null || s.rows.length > 0);
  const counts = new Map(
    listed.map((s) => [
      s.title,
      {
        database: s.title,
        ...(s.database ? { databaseId: s.database.id } : {}),
        created: 0,
        updated: 0,
        trashed: 0,
        unchanged: diffs.get(s)!.unchanged,
      },
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
  const checkIns = await checkInsWrites(run);
  if (checkIns.left > 0) report.incomplete = { left: (report.incomplete?.left ?? 0) + checkIns.left };
  const added = checkIns.counts?.created ?? 0;
  if (added > 0) progress.finish(`Check-ins: ${added} ${run.dryRun ? 'to add' : 'added'} to "${run.checkIns.title}".`);
  report.databases = [...counts.values(), ...(checkIns.counts ? [checkIns.counts] : [])];
  const sum = (k: 'created' | 'updated' | 'trashed') => report.databases.reduce((n, d) => n + d[k], 0);
  progress.finish(
    `${run.dryRun ? 'Would write' : 'Wrote'}: ${sum('created')} created, ${sum('updated')} updated, ${sum('trashed')} trashed` +
      (report.rejected.length > 0 ? `, ${report.rejected.length} refused by Notion` : '') +
      (report.incomplete ? `; ${report.incomplete.left} left for the next run.` : '.'),
  );
}

/** A dry run's listing: the writes the diff calls for. */
function plannedChanges(state: LevelState, diff: LevelDiff): PageChange[] {
  const nameOf = (key: string) => state.names[PROPERTIES.find((p) => p.key === key)!.key];
  return [
    ...diff.creates.map((row) => pageChange('create', state, row, [])),
    ...diff.updates.map((u) => pageChange('update', state, u.row, [...u.values.map(nameOf), ...u.relations])),
    ...diff.trashes.map((t) => trashChange(state, t)),
  ];
}

/** The Check-ins database's own state, kept when the pull hands a new history. */
function pick(state: CheckInsState): Omit<CheckInsState, 'records' | 'title'> {
  return { database: state.database, dataSourceId: state.dataSourceId, schema: state.schema, existing: state.existing };
}

/** 6. The check-ins Notion does not show yet, each a new page of the Check-ins database. */
function checkInsWrites(run: Run): ReturnType<typeof writeCheckIns> {
  const { report } = run;
  return writeCheckIns(
    {
      api: run.api,
      parentPageId: run.parentPageId,
      plan: run.plan,
      dryRun: run.dryRun,
      levels: run.states,
      stopping: run.stopping,
      onCreate: (change) => report.changes.push(change),
      onReject: (rejected) => report.rejected.push(rejected),
      onSchema: (kind, properties) => report.schema.push({ database: run.checkIns.title, kind, properties }),
      findAgain: async () => {
        const again = await discover(
          run.api,
          run.parentPageId,
          run.plan,
          [{ level: CHECKINS_LEVEL, titles: [run.checkIns.title], hasRows: true }],
          run.warn,
        );
        return again.found.get(CHECKINS_LEVEL)?.database ?? null;
      },
    },
    run.checkIns,
  );
}
