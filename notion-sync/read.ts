// Reading what Notion holds: every page of a level's data source, reduced to comparable values.
import type { NotionApi, NotionPage } from './api.js';
import { keyOf } from './mirror.js';
import { ALL_PROPERTIES } from './schema.js';
import type { NotionKey, RelationSpec } from './schema.js';
import type { CurrentPage } from './state.js';
import { decodeValue } from './values.js';

export async function readPages(
  api: NotionApi,
  dataSourceId: string,
  names: Record<NotionKey, string>,
  relations: readonly RelationSpec[],
): Promise<CurrentPage[]> {
  const pages = await api.queryPages(dataSourceId);
  const current: CurrentPage[] = [];
  for (const page of pages) {
    if (page.in_trash) continue;
    current.push(await toCurrent(api, page, names, relations));
  }
  return current;
}

/** A page's values; a relation listing more than the 25 targets a page object carries is read in full. */
export async function toCurrent(
  api: NotionApi,
  page: NotionPage,
  names: Record<NotionKey, string>,
  relations: readonly RelationSpec[],
): Promise<CurrentPage> {
  const values: CurrentPage['values'] = {};
  for (const spec of ALL_PROPERTIES) values[spec.key] = decodeValue(spec.kind, page.properties[names[spec.key]]);
  const relationValues: Record<string, string[]> = {};
  for (const relation of relations) {
    const property = page.properties[relation.name];
    if (property?.type !== 'relation') continue;
    relationValues[relation.name] = property.has_more
      ? await api.relationIds(page.id, property.id)
      : (property.relation ?? []).map((r) => r.id);
  }
  const cascadeId = values.id;
  return {
    id: page.id,
    createdTime: page.created_time,
    lastEditedBy: page.last_edited_by?.id ?? null,
    lastEditedTime: page.last_edited_time ?? null,
    key: typeof cascadeId === 'string' ? keyOf(cascadeId) : '',
    values,
    relations: relationValues,
  };
}
