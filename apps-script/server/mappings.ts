import * as z from 'zod/mini';
import { MAPPABLE_FIELDS } from '../../shared/index.js';
import type { ColumnKey, ColumnMapping } from '../../shared/index.js';

// "Use this sheet": which column of a sheet holds which plan field, saved in the document's
// properties (everyone editing the sheet shares it) by sheet ID, so renaming the sheet keeps it.

const MAPPINGS_KEY = 'cascade.mappings';
const HEADER_TEXT = z.string().check(z.minLength(1), z.maxLength(500));

export const ColumnMappingSchema = z.partialRecord(z.enum(MAPPABLE_FIELDS as [ColumnKey, ...ColumnKey[]]), HEADER_TEXT);
/** Every sheet's mapping by sheet ID, as saved (and as the sidebar sends them back). */
export const MappingsSchema = z.record(z.string().check(z.regex(/^\d+$/)), ColumnMappingSchema);

/** The saved mappings among the document's properties (none when unreadable). */
export function mappingsFrom(properties: Readonly<Record<string, string>>): Map<number, ColumnMapping> {
  const text = properties[MAPPINGS_KEY];
  if (text === undefined || text === '') return new Map();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return new Map();
  }
  const parsed = MappingsSchema.safeParse(raw);
  if (!parsed.success) return new Map();
  return new Map(Object.entries(parsed.data).map(([id, mapping]) => [Number(id), mapping as ColumnMapping]));
}

/** Saves (or with null, forgets) a sheet's mapping, keeping the other sheets'. */
export function saveMapping(sheetId: number, mapping: ColumnMapping | null): void {
  const properties = PropertiesService.getDocumentProperties();
  const all = mappingsFrom(properties.getProperties());
  if (mapping === null) all.delete(sheetId);
  else all.set(sheetId, mapping);
  properties.setProperty(MAPPINGS_KEY, JSON.stringify(Object.fromEntries(all)));
}
