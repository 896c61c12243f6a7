// The report in words: what a dry run would do, and the counts at the end of a run.
import type { PulledValue } from './pull.js';
import type { PageChange, SyncReport } from './types.js';

/** Lines listed per database and kind in a dry run, and warnings, before "… and N more". */
const LISTED = 20;

export function formatDryRun(report: SyncReport): string {
  const lines: string[] = ['Dry run: nothing was changed in Notion. A sync would:'];
  for (const s of report.schema) {
    lines.push(
      s.kind === 'create database'
        ? `  create the database "${s.database}"`
        : `  restore ${s.properties.join(', ')} in "${s.database}"`,
    );
  }
  for (const db of report.databases) {
    const changes = report.changes.filter((c) => c.database === db.database);
    if (changes.length === 0) continue;
    lines.push(
      `  ${db.database}: ${db.created} to create, ${db.updated} to update, ${db.trashed} to trash, ${db.unchanged} unchanged`,
    );
    for (const kind of ['create', 'update', 'trash'] as const) {
      const ofKind = changes.filter((c) => c.kind === kind);
      for (const c of ofKind.slice(0, LISTED)) lines.push(`    ${describe(c)}`);
      if (ofKind.length > LISTED) lines.push(`    … and ${ofKind.length - LISTED} more to ${kind}`);
    }
  }
  if (report.changes.length === 0 && report.schema.length === 0) lines.push('  nothing: Notion is up to date.');
  return lines.join('\n');
}

function describe(change: PageChange): string {
  const name = `${change.id || '(no ID)'} ${quote(change.title)}`;
  if (change.kind === 'create') return `+ create ${name}`;
  if (change.kind === 'update') return `~ update ${name}: ${change.properties.join(', ')}`;
  return `- trash  ${name}${change.reason === 'duplicate' ? ' (a duplicate page)' : ' (no longer in the plan)'}`;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function quote(title: string): string {
  const short = title.length > 60 ? `${title.slice(0, 59)}…` : title;
  return short ? `"${short}"` : '';
}

export function formatSummary(report: SyncReport): string {
  const lines: string[] = [];
  const width = Math.max(8, ...report.databases.map((d) => d.database.length));
  // A dry run lists its counts per database already.
  for (const d of report.dryRun ? [] : report.databases) {
    lines.push(
      `  ${d.database.padEnd(width)}  ${String(d.created).padStart(5)} created  ${String(d.updated).padStart(5)} updated  ` +
        `${String(d.trashed).padStart(5)} trashed  ${String(d.unchanged).padStart(5)} unchanged`,
    );
  }
  const total = (k: 'created' | 'updated' | 'trashed' | 'unchanged') => report.databases.reduce((n, d) => n + d[k], 0);
  const { calls } = report;
  const counts = report.dryRun
    ? `Dry run: ${total('created')} to create, ${total('updated')} to update, ${total('trashed')} to trash`
    : `Synced: ${total('created')} created, ${total('updated')} updated, ${total('trashed')} trashed`;
  lines.push(
    `${counts}, ${total('unchanged')} unchanged · ${count(calls.total, 'API call')} (${count(calls.reads, 'read')}, ` +
      `${count(calls.writes, 'write')}${calls.retries > 0 ? `, ${count(calls.retries, 'retry', 'retries')}` : ''}) · ${(report.ms / 1000).toFixed(1)} s`,
  );
  for (const line of pulledLines(report)) lines.push(line);
  for (const r of report.rejected) {
    lines.push(
      `Notion refused row ${r.row ?? '?'} (${r.id})${r.column ? `, column ${r.column}` : ''} in ${r.database}: ${r.message}`,
    );
  }
  for (const w of report.warnings.slice(0, LISTED)) lines.push(`Warning: ${w}`);
  if (report.warnings.length > LISTED) lines.push(`… and ${report.warnings.length - LISTED} more warnings`);
  return lines.join('\n');
}

/** Every value pulled from Notion, and every one the plan's newer change overrode, one line each. */
export function pulledLines(report: SyncReport): string[] {
  const shown = (v: PulledValue['planValue']) =>
    v === null ? '(blank)' : typeof v === 'string' && v.includes(' ') ? `"${v}"` : String(v);
  const who = (p: PulledValue) =>
    [p.byName ?? 'someone in Notion', p.at?.slice(0, 16).replace('T', ' ')].filter(Boolean).join(', ');
  return report.pulled.map((p) =>
    p.outcome === 'pulled'
      ? `${report.dryRun ? 'Would pull' : 'Pulled'} from Notion: ${p.id} ${p.column} ${shown(p.planValue)} → ${shown(p.notionValue)} (${who(p)}` +
        `${p.bothChanged ? "; the plan's change was older" : ''})`
      : `${report.dryRun ? 'Would override' : 'Overridden'} in Notion: ${p.id} ${p.column} ${shown(p.notionValue)} → ${shown(p.planValue)} ` +
        `(the plan's change is newer than the one by ${who(p)})`,
  );
}
