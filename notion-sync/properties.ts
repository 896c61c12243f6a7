// The database schema: what to create, and what to restore when a user deleted or retyped one of
// our properties. Properties that users added are never touched.
import type { NotionDataSource, PropertyConfig } from './api.js';
import { PROPERTIES } from './schema.js';
import type { PropertySpec, RelationSpec } from './schema.js';
import { normalizeId } from './values.js';

export function propertyConfig(spec: PropertySpec): PropertyConfig {
  switch (spec.kind) {
    case 'title':
      return { title: {} };
    case 'rich_text':
      return { rich_text: {} };
    case 'number':
      return { number: { format: spec.format ?? 'number' } };
    case 'select':
      return { select: { options: (spec.options ?? []).map((o) => ({ name: o.name, color: o.color })) } };
    case 'date':
      return { date: {} };
  }
}

export function relationConfig(relation: RelationSpec, targetDataSourceId: string): PropertyConfig {
  return {
    relation: {
      data_source_id: targetDataSourceId,
      type: 'dual_property',
      dual_property: { synced_property_name: relation.reverseName },
    },
  };
}

/** The full schema of a new database. */
export function newDatabaseProperties(relations: readonly { spec: RelationSpec; target: string }[]): Record<string, PropertyConfig> {
  const properties: Record<string, PropertyConfig> = {};
  for (const spec of PROPERTIES) properties[spec.name] = propertyConfig(spec);
  for (const { spec, target } of relations) properties[spec.name] = relationConfig(spec, target);
  return properties;
}

/** The title property's name: Notion has exactly one, whatever a user renamed it to. */
export function titlePropertyName(schema: NotionDataSource): string | null {
  return Object.values(schema.properties).find((p) => p.type === 'title')?.name ?? null;
}

/**
 * The properties to send to dataSources.update so the schema is ours again: missing ones added,
 * retyped ones set back, Progress shown as a percent, relations pointing at the right database
 * with their reverse property. Empty when nothing needs fixing.
 */
export function schemaRepairs(
  schema: NotionDataSource,
  relations: readonly { spec: RelationSpec; target: string | null }[],
): Record<string, PropertyConfig> {
  const repairs: Record<string, PropertyConfig> = {};
  const byName = schema.properties;
  for (const spec of PROPERTIES) {
    if (spec.kind === 'title') continue;
    const current = byName[spec.name];
    if (!current || current.type !== spec.kind) repairs[spec.name] = propertyConfig(spec);
    else if (spec.format === 'percent' && current.number?.format !== 'percent') repairs[spec.name] = { number: { format: 'percent' } };
  }
  for (const { spec, target } of relations) {
    const current = byName[spec.name];
    const relation = current?.type === 'relation' ? current.relation : undefined;
    const right =
      relation !== undefined &&
      target !== null &&
      normalizeId(relation.data_source_id) === normalizeId(target) &&
      relation.type === 'dual_property' &&
      relation.dual_property?.synced_property_name === spec.reverseName;
    // In a dry run the target database may not exist yet: the relation is reported, not built.
    if (!right) repairs[spec.name] = relationConfig(spec, target ?? '');
  }
  return repairs;
}
