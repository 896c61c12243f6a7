// Property values both ways: a plan value → Notion's request shape, and a page's property → the
// value the mirror compares. Comparing normalised values is what makes a re-run write nothing.
import type { PropertyKind } from './schema.js';
import { fitText, toRichText } from './text.js';
import type { Value } from './types.js';

/** A page property value in a create/update request. */
export type PropertyRequest =
  | { title: ReturnType<typeof toRichText> }
  | { rich_text: ReturnType<typeof toRichText> }
  | { number: number | null }
  | { select: { name: string } | null }
  | { date: { start: string } | null }
  | { people: { id: string }[] }
  | { relation: { id: string }[] };

export function encodeValue(kind: PropertyKind, value: Value): PropertyRequest {
  switch (kind) {
    case 'title':
      return { title: toRichText(value === null ? '' : String(value)) };
    case 'rich_text':
      return { rich_text: toRichText(value === null ? '' : String(value)) };
    case 'number':
      return { number: typeof value === 'number' && Number.isFinite(value) ? value : null };
    case 'select':
      return { select: value === null || value === '' ? null : { name: String(value) } };
    case 'date':
      return { date: value === null ? null : { start: String(value) } };
    case 'people':
      return { people: peopleIds(value).map((id) => ({ id })) };
  }
}

/** People values are their user ids joined by commas, in the order written (null for nobody); compared as sets. */
export function peopleValue(ids: readonly string[]): Value {
  return ids.length === 0 ? null : ids.map(normalizeId).join(',');
}

function peopleIds(value: Value): string[] {
  return typeof value === 'string' && value !== '' ? value.split(',') : [];
}

export function encodeRelation(pageIds: readonly string[]): PropertyRequest {
  return { relation: pageIds.map((id) => ({ id })) };
}

/** A page property as returned by Notion (the parts the mirror reads). */
export interface PagePropertyValue {
  id: string;
  type: string;
  title?: { plain_text: string }[];
  rich_text?: { plain_text: string }[];
  number?: number | null;
  select?: { name: string } | null;
  date?: { start: string } | null;
  relation?: { id: string }[];
  people?: { id: string }[];
  has_more?: boolean;
}

/** The comparable value of a page property; undefined when the property is not of the expected kind. */
export function decodeValue(kind: PropertyKind, property: PagePropertyValue | undefined): Value | undefined {
  if (!property || property.type !== kind) return undefined;
  switch (kind) {
    case 'title':
    case 'rich_text': {
      const text = (property[kind] ?? []).map((t) => t.plain_text).join('');
      return text === '' ? null : text;
    }
    case 'number':
      return property.number ?? null;
    case 'select':
      return property.select?.name ?? null;
    case 'date':
      return property.date?.start ?? null;
    case 'people':
      return peopleValue((property.people ?? []).map((p) => p.id));
  }
}

/** True when Notion already shows the desired value. */
export function sameValue(kind: PropertyKind, desired: Value, current: Value | undefined): boolean {
  if (current === undefined) return false;
  if (kind === 'title' || kind === 'rich_text') {
    const want = desired === null || desired === '' ? null : fitText(String(desired));
    return want === current;
  }
  if (kind === 'number') {
    // encodeValue sends a number that is not finite as a blank: compare it as one.
    const want = typeof desired === 'number' && !Number.isFinite(desired) ? null : desired;
    if (want === null || current === null) return want === current;
    const a = Number(want);
    const b = Number(current);
    return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  }
  if (kind === 'people') return sameIdSet(peopleIds(desired), peopleIds(current));
  return (desired === '' ? null : desired) === current;
}

/** Notion ids with or without dashes, any case → one form, for comparing. */
export function normalizeId(id: string): string {
  return id.replace(/-/g, '').toLowerCase();
}

export function sameIdSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a.map(normalizeId));
  return b.every((id) => set.has(normalizeId(id)));
}
