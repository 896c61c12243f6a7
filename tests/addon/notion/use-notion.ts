// The Notion emulator for a test file (tests/addon/notion/notion-world.ts), started once for its tests.
import { afterAll, beforeAll } from 'vitest';
import { startNotionSide } from './notion-world.js';
import type { NotionSide } from './notion-world.js';

/** The emulator for the tests of a file: started before them, stopped after (filled in by beforeAll). */
export function useNotionSide(): NotionSide {
  const side = {} as NotionSide;
  beforeAll(async () => {
    Object.assign(side, await startNotionSide());
  }, 60_000);
  afterAll(async () => {
    await side.stop?.();
  });
  return side;
}
