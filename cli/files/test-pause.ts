import { stat, writeFile } from 'node:fs/promises';

/** Where a test may hold the command: see pauseForTests. */
export type TestPause =
  'CASCADE_TEST_PAUSE_BEFORE_REPLACE' | 'CASCADE_TEST_PAUSE_BEFORE_CHECKS' | 'CASCADE_TEST_PAUSE_IN_PLACE';

/**
 * Tests of the "changed meanwhile" check and of a run killed halfway need a moment inside the
 * write: with CASCADE_TEST_PAUSE_BEFORE_REPLACE=FILE (just before the file is replaced),
 * CASCADE_TEST_PAUSE_BEFORE_CHECKS=FILE (before the checks made ahead of any write) or
 * CASCADE_TEST_PAUSE_IN_PLACE=FILE (a file written in place: its backup is on disk, the file not
 * yet touched), the command creates FILE.ready and waits (10 s at most) for FILE to exist.
 */
export async function pauseForTests(variable: TestPause): Promise<void> {
  const gate = process.env[variable];
  if (!gate) return;
  await writeFile(`${gate}.ready`, '');
  for (let i = 0; i < 200 && !(await exists(gate)); i++) await new Promise((resolve) => setTimeout(resolve, 50));
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
