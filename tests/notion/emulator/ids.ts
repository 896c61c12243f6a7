// Notion ids: UUIDs, accepted with or without dashes; property ids are short URL-encoded strings.
import { randomUUID } from 'node:crypto';
import { invalid } from './errors.js';

export function newId(): string {
  return randomUUID();
}

/** A UUID from a request (dashes optional) → the dashed lower-case form; 400 when it is not one. */
export function parseId(text: unknown, where: string): string {
  const compact = typeof text === 'string' ? text.replace(/-/g, '').toLowerCase() : '';
  if (!/^[0-9a-f]{32}$/.test(compact)) {
    throw invalid(`${where} should be a valid uuid, instead was \`${JSON.stringify(text)}\`.`);
  }
  return `${compact.slice(0, 8)}-${compact.slice(8, 12)}-${compact.slice(12, 16)}-${compact.slice(16, 20)}-${compact.slice(20)}`;
}

const PROPERTY_ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789:;<=>?@[]^_`{|}~';

/** A property id like Notion's ("%3AUPp"): four characters, URL-encoded. */
export function newPropertyId(taken: ReadonlySet<string>): string {
  for (;;) {
    let raw = '';
    for (let i = 0; i < 4; i++) raw += PROPERTY_ID_CHARS[Math.floor(Math.random() * PROPERTY_ID_CHARS.length)];
    const id = encodeURIComponent(raw);
    if (!taken.has(id) && id !== 'title') return id;
  }
}

/** Notion's timestamps are whole minutes. */
export function timestamp(now = Date.now()): string {
  return new Date(Math.floor(now / 60_000) * 60_000).toISOString();
}
