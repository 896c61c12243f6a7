import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The lock file an office program keeps beside a workbook it has open: LibreOffice's
 * `.~lock.NAME#`, Excel's `~$NAME` (with long names, `~$` replaces the first two characters).
 * Returns the program's name and the lock file, or null.
 */
export async function officeLock(target: string): Promise<{ program: string; lock: string } | null> {
  const name = basename(target);
  const candidates = [
    { program: 'LibreOffice', lock: `.~lock.${name}#` },
    { program: 'Excel', lock: `~$${name}` },
    { program: 'Excel', lock: `~$${name.slice(2)}` },
  ];
  for (const candidate of candidates) {
    if (
      await stat(join(dirname(target), candidate.lock)).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  return null;
}
