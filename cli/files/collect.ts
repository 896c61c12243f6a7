import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Plans from this many rows leave enough garbage behind their read to be worth a collection. */
export const COLLECT_AFTER_ROWS = 50_000;

let collect: (() => void) | undefined;

/**
 * A full garbage collection, now. Reading a large plan leaves its file's text and cells behind,
 * dead, and V8 sized its next collection while they were alive: left to itself it keeps them for
 * the rest of the command (a 1,000,000-row CSV peaked at about 1 GB, 300 MB of it that garbage).
 * Node offers `gc` only under --expose-gc, which a command cannot be started with: the flag is
 * set here, and a fresh context hands out the function.
 */
export function collectGarbage(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
