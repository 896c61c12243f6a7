import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** About how much text is gathered before one write: few system calls, little held at once. */
const CHUNK = 64 * 1024;

/**
 * Writes a report's text as it is made, in chunks, waiting whenever the stream asks to (a slow
 * pipe), so a report of a million rows is never one string in memory.
 */
export async function writeChunks(stream: Writable, chunks: Iterable<string>, size = CHUNK): Promise<void> {
  let pending: string[] = [];
  let length = 0;
  const flush = async () => {
    const text = pending.join('');
    pending = [];
    length = 0;
    if (!stream.write(text)) await once(stream, 'drain');
  };
  for (const chunk of chunks) {
    pending.push(chunk);
    length += chunk.length;
    if (length >= size) await flush();
  }
  if (length > 0) await flush();
}

/**
 * `JSON.stringify(value, null, 2)` of a value nested `depth` levels deep in an indented document,
 * as it reads there: its inner lines indented by the levels above.
 */
export function indentedJson(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, 2);
  return depth === 0 ? text : text.replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/**
 * The text of `JSON.stringify(head + { [key]: items } + tail, null, 2)`, made one item at a time:
 * `head`'s fields, then `key` with the items, then `tail()`'s fields (asked for once the items are
 * written, so it may count them). `head` must not hold `key`; `render` writes an item as it
 * reads in the list (indentedJson at depth 2, or a faster equivalent).
 */
export function* jsonWithList<T>(
  head: Record<string, unknown>,
  key: string,
  items: Iterable<T>,
  tail: () => Record<string, unknown>,
  render: (item: T) => string = (item) => indentedJson(item, 2),
): Generator<string> {
  // The head with an empty list, cut before the list: `{\n  "file": …,\n  "<key>": `.
  const opening = JSON.stringify({ ...head, [key]: [] }, null, 2);
  yield opening.slice(0, opening.length - '[]\n}'.length);
  let first = true;
  for (const item of items) {
    yield `${first ? '[\n    ' : ',\n    '}${render(item)}`;
    first = false;
  }
  yield first ? '[]' : '\n  ]';
  const rest = JSON.stringify(tail(), null, 2);
  // The tail's fields, without its own braces: `,\n  "counts": {…}` then the closing brace.
  yield rest === '{}' ? '\n}' : `,${rest.slice(1)}`;
}
