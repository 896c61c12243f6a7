// The desired rows against the pages Notion holds → the fewest writes: a create per new row, an
// update per changed page (changed properties only), a trash per page whose row is gone or that
// duplicates another page of the same Cascade ID.
import type { LevelName } from '../shared/index.js';
import { PROPERTIES } from './schema.js';
import type { MirroredKey, RelationSpec } from './schema.js';
import type { CurrentPage, LevelState } from './state.js';
import { fitText } from './text.js';
import type { MirrorRow } from './types.js';
import { normalizeId, sameIdSet, sameValue } from './values.js';
import { recordText } from './pull.js';

export interface PlannedUpdate {
  row: MirrorRow;
  pageId: string;
  values: MirroredKey[];
  relations: string[];
  /** The check-in record to write (pull.ts) when it changes, else null. */
  record: string | null;
}

export interface PlannedTrash {
  pageId: string;
  id: string;
  title: string;
  reason: 'removed' | 'duplicate';
}

export interface LevelDiff {
  creates: MirrorRow[];
  updates: PlannedUpdate[];
  trashes: PlannedTrash[];
  unchanged: number;
  /** Row key → the page kept for it (creates are added when they are made). */
  keepers: Map<string, string>;
}

/** Page ids of a higher level's rows, by key; rows about to be created are not in it yet. */
export type ParentPages = (level: LevelName) => ReadonlyMap<string, string>;

export function diffLevel(state: LevelState, parentPages: ParentPages): LevelDiff {
  const diff: LevelDiff = { creates: [], updates: [], trashes: [], unchanged: 0, keepers: new Map() };
  const byKey = new Map<string, CurrentPage[]>();
  const untracked = new Map<string, CurrentPage[]>();
  for (const page of state.pages) {
    if (page.key === '') {
      const title = page.values.title;
      if (typeof title === 'string') untracked.set(title, [...(untracked.get(title) ?? []), page]);
    } else {
      byKey.set(page.key, [...(byKey.get(page.key) ?? []), page]);
    }
  }

  const rowKeys = new Set<string>();
  for (const row of state.rows) {
    rowKeys.add(row.key);
    let candidates = byKey.get(row.key) ?? [];
    if (candidates.length === 0) {
      // A page without a Cascade ID but with this row's title (e.g. after the Cascade ID property
      // was deleted and restored) is taken over rather than duplicated.
      const title = row.values.title;
      const adopted = typeof title === 'string' ? untracked.get(fitText(title))?.shift() : undefined;
      if (adopted) candidates = [adopted];
    }
    if (candidates.length === 0) {
      diff.creates.push(row);
      continue;
    }
    const ranked = candidates
      .map((page) => ({ page, changes: changesFor(row, page, state.relations, parentPages) }))
      .map(({ page, changes }) => ({
        page,
        changes,
        count: changes.values.length + changes.relations.length + (changes.record === null ? 0 : 1),
      }))
      .sort(
        (a, b) =>
          a.count - b.count ||
          a.page.createdTime.localeCompare(b.page.createdTime) ||
          normalizeId(a.page.id).localeCompare(normalizeId(b.page.id)),
      );
    const [keeper, ...duplicates] = ranked;
    diff.keepers.set(row.key, keeper.page.id);
    for (const { page } of duplicates) diff.trashes.push(trashOf(page, 'duplicate'));
    if (keeper.count === 0) diff.unchanged++;
    else diff.updates.push({ row, pageId: keeper.page.id, ...keeper.changes });
  }

  for (const [key, pages] of byKey) {
    if (!rowKeys.has(key)) for (const page of pages) diff.trashes.push(trashOf(page, 'removed'));
  }
  return diff;
}

function trashOf(page: CurrentPage, reason: PlannedTrash['reason']): PlannedTrash {
  return { pageId: page.id, id: String(page.values.id ?? ''), title: String(page.values.title ?? ''), reason };
}

/** The relation targets a row wants: its parent's page for the relation to the parent's level. */
export function relationTarget(row: MirrorRow, relation: RelationSpec): { key: string; level: LevelName } | null {
  return row.parent !== null && row.parent.level === relation.target ? row.parent : null;
}

function changesFor(
  row: MirrorRow,
  page: CurrentPage,
  relations: readonly RelationSpec[],
  parentPages: ParentPages,
): Omit<PlannedUpdate, 'row' | 'pageId'> {
  const values = PROPERTIES.filter((spec) => !sameValue(spec.kind, row.values[spec.key], page.values[spec.key])).map(
    (spec) => spec.key,
  );
  const changedRelations: string[] = [];
  for (const relation of relations) {
    const target = relationTarget(row, relation);
    const current = page.relations[relation.name] ?? [];
    if (target === null) {
      if (current.length > 0) changedRelations.push(relation.name);
      continue;
    }
    const parentPage = parentPages(target.level).get(target.key);
    // A parent about to be created has no page yet: the relation changes for sure.
    if (parentPage === undefined || !sameIdSet([parentPage], current)) changedRelations.push(relation.name);
  }
  const record = recordText(row.values, page.values.note);
  return { values, relations: changedRelations, record: page.values.sync === record ? null : record };
}
