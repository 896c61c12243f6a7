// The database schema: what to create, how our properties are found again (by the tag in their
// description, then used by id, whatever a person renamed them to), and what to restore when a
// person deleted or retyped one of ours. Properties people added, and the names people gave ours
// or the reverse relations, are never touched.
import type { NotionDataSource, PropertyConfig, PropertySchema } from './api.js';
import { describe, tagKey, tagOf } from './marker.js';
import type { Owner } from './marker.js';
import { ALL_PROPERTIES, propertyHelp } from './schema.js';
import type { NotionKey, PropertySpec, RelationSpec } from './schema.js';
import { normalizeId } from './values.js';

/** The tag key of a relation to a parent level: "parent:Objective". */
export function relationTag(spec: RelationSpec): string {
  return `parent:${encodeURIComponent(spec.target)}`;
}

export function propertyConfig(spec: PropertySpec<NotionKey>, owner: Owner): PropertyConfig {
  const description = describe(propertyHelp(spec.key), spec.key, owner);
  switch (spec.kind) {
    case 'title':
      return { title: {}, description };
    case 'rich_text':
      return { rich_text: {}, description };
    case 'number':
      return { number: { format: spec.format ?? 'number' }, description };
    case 'select':
      return { select: { options: (spec.options ?? []).map((o) => ({ name: o.name, color: o.color })) }, description };
    case 'date':
      return { date: {}, description };
    case 'people':
      return { people: {}, description };
  }
}

export function relationConfig(
  relation: RelationSpec,
  targetDataSourceId: string,
  reverseName: string,
  owner: Owner,
): PropertyConfig {
  return {
    relation: {
      data_source_id: targetDataSourceId,
      type: 'dual_property',
      dual_property: { synced_property_name: reverseName },
    },
    description: describe(`The row's parent in the plan (a ${relation.target}).`, relationTag(relation), owner),
  };
}

/** The full schema of a new database. */
export function newDatabaseProperties(
  relations: readonly { spec: RelationSpec; target: string; reverseName: string }[],
  owner: Owner,
): Record<string, PropertyConfig> {
  const properties: Record<string, PropertyConfig> = {};
  for (const spec of ALL_PROPERTIES) properties[spec.name] = propertyConfig(spec, owner);
  for (const { spec, target, reverseName } of relations)
    properties[spec.name] = relationConfig(spec, target, reverseName, owner);
  return properties;
}

/** Our properties in a data source: found by their tag; the title is the one title property. */
export interface OurProperties {
  byKey: Partial<Record<NotionKey, PropertySchema>>;
  /** Relation tag ("parent:Objective") → the property. */
  relations: Map<string, PropertySchema>;
}

export function ourProperties(schema: NotionDataSource): OurProperties {
  const byKey: Partial<Record<NotionKey, PropertySchema>> = {};
  const relations = new Map<string, PropertySchema>();
  const keys = new Set<string>(ALL_PROPERTIES.map((p) => p.key));
  for (const property of Object.values(schema.properties)) {
    const tag = tagOf(property.description);
    if (tag === null) continue;
    const key = tagKey(tag);
    if (key.startsWith('parent:')) relations.set(key, property);
    else if (keys.has(key) && !byKey[key as NotionKey]) byKey[key as NotionKey] = property;
  }
  const title = Object.values(schema.properties).find((p) => p.type === 'title');
  if (title) byKey.title = title;
  return { byKey, relations };
}

/** A name no property of the data source has yet: the wanted one, else "Owner (Cascade)", "Owner (Cascade 2)"… */
export function freeName(
  schema: NotionDataSource | null,
  wanted: string,
  taken: ReadonlySet<string> = new Set(),
): string {
  const used = (name: string) =>
    taken.has(name) || (schema !== null && Object.values(schema.properties).some((p) => p.name === name));
  if (!used(wanted)) return wanted;
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${wanted} (Cascade)` : `${wanted} (Cascade ${n})`;
    if (!used(name)) return name;
  }
}

export interface SchemaRepair {
  /** dataSources.update's properties: keyed by property id for ours that exist, by a free name for those to add. */
  request: Record<string, PropertyConfig>;
  /** What the report says: the property names restored. */
  restored: string[];
  /** The name each of our properties goes by after the repair. */
  names: Record<NotionKey, string>;
  /** Relation name (as specified) → its name after the repair. */
  relationNames: Map<string, string>;
}

/**
 * What to send to dataSources.update so the schema is ours again: missing properties added (under
 * a free name), retyped ones set back, Progress shown as a percent, relations pointing at the right
 * database and two-way. Nothing about names: a property a person renamed keeps its new name.
 */
export function schemaRepairs(
  schema: NotionDataSource,
  relations: readonly { spec: RelationSpec; target: string | null; targetSchema: NotionDataSource | null }[],
  owner: Owner,
): SchemaRepair {
  const ours = ourProperties(schema);
  const request: Record<string, PropertyConfig> = {};
  const restored: string[] = [];
  const names = {} as Record<NotionKey, string>;
  const added = new Set<string>();
  for (const spec of ALL_PROPERTIES) {
    const current = ours.byKey[spec.key];
    if (spec.kind === 'title') {
      names.title = current?.name ?? spec.name;
      continue;
    }
    if (!current) {
      const name = freeName(schema, spec.name, added);
      added.add(name);
      request[name] = propertyConfig(spec, owner);
      restored.push(name);
      names[spec.key] = name;
      continue;
    }
    names[spec.key] = current.name;
    if (current.type !== spec.kind) {
      request[current.id] = propertyConfig(spec, owner);
      restored.push(current.name);
    } else if (spec.format === 'percent' && current.number?.format !== 'percent') {
      request[current.id] = { number: { format: 'percent' } };
      restored.push(current.name);
    }
  }
  const relationNames = new Map<string, string>();
  for (const { spec, target, targetSchema } of relations) {
    const current = ours.relations.get(relationTag(spec));
    const relation = current?.type === 'relation' ? current.relation : undefined;
    const right =
      relation !== undefined &&
      target !== null &&
      normalizeId(relation.data_source_id) === normalizeId(target) &&
      relation.type === 'dual_property';
    const name = current?.name ?? freeName(schema, spec.name, added);
    relationNames.set(spec.name, name);
    if (right) continue;
    added.add(name);
    // In a dry run the target database may not exist yet: the relation is reported, not built.
    request[current?.id ?? name] = relationConfig(spec, target ?? '', freeName(targetSchema, spec.reverseName), owner);
    restored.push(name);
  }
  return { request, restored, names, relationNames };
}

/** The names of a new database's properties: as specified. */
export function specifiedNames(): Record<NotionKey, string> {
  return Object.fromEntries(ALL_PROPERTIES.map((p) => [p.key, p.name])) as Record<NotionKey, string>;
}
