// A file with several hard links is written in place, as careful editors do (vim's backupcopy):
// a rename would give the path a new file and leave the other names on the old version. A full
// backup copy is made beside it first, so a run stopped halfway leaves the previous contents there.
import { chown, open, readdir, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { fileError } from '../errors.js';
import { describeFsError } from './probe.js';
import { changedError, readUnchanged, type FileSnapshot } from './snapshot.js';
import { pauseForTests } from './test-pause.js';

/**
 * The backup of `plan.xlsx` (inode 5678) made by process 1234: `.plan.xlsx.cascade-backup-1234-5678.xlsx`
 * (it opens as what it is). The inode lets a run given another name of the file in that folder find it.
 */
export function backupPath(target: string, ino: number, pid = process.pid): string {
  const name = basename(target);
  return join(dirname(target), `.${name}.cascade-backup-${pid}-${ino}${extname(name)}`);
}

const BACKUP_PATTERN = /^\.(.+)\.cascade-backup-(\d+)-(\d+)(\.[^.]*)?$/;

export interface LeftoverBackup {
  path: string;
  pid: number;
  /** The process that made it still runs: it is writing the file now. */
  running: boolean;
}

/** A backup of the file (by its name or its inode) beside `target`, made by another cascade run (stopped halfway, or still writing), or null. */
export async function findLeftoverBackup(target: string, ino: number): Promise<LeftoverBackup | null> {
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  for (const entry of names) {
    const match = BACKUP_PATTERN.exec(entry);
    if (!match || (match[1] !== basename(target) && Number(match[3]) !== ino)) continue;
    const pid = Number(match[2]);
    if (pid === process.pid) continue;
    return { path: join(dirname(target), entry), pid, running: isRunning(pid) };
  }
  return null;
}

/**
 * Refuses to read or write a file while a backup of it from another run is beside it: that run
 * was stopped while it wrote the file in place (the file may be half written), or is writing it
 * now. The backup is never removed or overwritten by cascade: the user decides.
 */
export async function assertNoLeftoverBackup({ path, target, ino }: FileSnapshot): Promise<void> {
  const leftover = await findLeftoverBackup(target, ino);
  if (!leftover) return;
  const backup = leftover.path;
  if (leftover.running) {
    throw fileError(
      path,
      `another cascade run (process ${leftover.pid}) is writing this file right now; its backup ${backup} holds the previous contents. Run the command again when it has finished.`,
    );
  }
  throw fileError(
    path,
    `an earlier cascade run was stopped while it rewrote this file, which may be half written; its previous contents are in ${backup}. ` +
      `Nothing was read or changed. Open the file: if it is damaged, copy the backup over it (cat "${backup}" > "${target}" keeps its hard links); then delete the backup and run the command again.`,
  );
}

export function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Writes `data` into the file read as `snapshot` in place (its inode, so every hard link, its
 * mode, owner and group stay): checks the file is still the version read, copies it to a backup
 * beside it (synced to disk), overwrites the file (synced), then removes the backup. A failed
 * write puts the old contents back; when even that fails, the backup stays and the error names it.
 * Ctrl-C and SIGTERM wait until the file is whole again.
 */
export async function writeInPlace(snapshot: FileSnapshot, data: Uint8Array): Promise<void> {
  const { path, target } = snapshot;
  await pauseForTests('CASCADE_TEST_PAUSE_BEFORE_REPLACE');
  const original = await readUnchanged(snapshot);
  const backup = backupPath(target, snapshot.ino);
  const signals = holdSignals();
  try {
    try {
      await writeSynced(backup, original, { create: true, mode: snapshot.mode & 0o777 });
      await chown(backup, snapshot.uid, snapshot.gid).catch(() => undefined); // only root may give a file away
      await syncFolder(dirname(target));
    } catch (error) {
      await unlink(backup).catch(() => undefined);
      throw fileError(
        path,
        `cannot write it: cannot make a backup copy beside it (${describeFsError(error, 'write failed')}); nothing was changed.`,
      );
    }
    await pauseForTests('CASCADE_TEST_PAUSE_IN_PLACE');
    try {
      await writeSynced(target, data, { create: false, expect: snapshot });
    } catch (error) {
      await restore(snapshot, original, backup, error);
    }
    await unlink(backup);
    await syncFolder(dirname(target));
  } finally {
    signals.release();
  }
}

/** After a failed in-place write: the old contents go back, else the backup stays and the error names it. */
async function restore(snapshot: FileSnapshot, original: Buffer, backup: string, error: unknown): Promise<never> {
  const { path, target } = snapshot;
  if ((error as { exitCode?: number }).exitCode !== undefined) {
    await unlink(backup).catch(() => undefined); // refused before a byte was written
    throw error;
  }
  const why = describeFsError(error, 'write failed');
  const restored = await writeSynced(target, original, { create: false }).then(
    () => true,
    () => false,
  );
  if (restored) {
    await unlink(backup).catch(() => undefined);
    throw fileError(path, `cannot write it: ${why}; the file was put back as it was.`);
  }
  throw fileError(
    path,
    `cannot write it: ${why}; the file may be half written. Its previous contents are in ${backup}: copy them back (cat "${backup}" > "${target}"), then delete the backup.`,
  );
}

/**
 * Writes a whole file and syncs it to disk. A new file must not exist yet; an existing one is
 * overwritten from its start and cut to the new length, after checking (when `expect` is given)
 * that it is still the same file, unchanged since it was read.
 */
async function writeSynced(
  path: string,
  data: Uint8Array,
  options: { create: true; mode: number } | { create: false; expect?: FileSnapshot },
): Promise<void> {
  const handle = options.create ? await open(path, 'wx', options.mode) : await open(path, 'r+');
  try {
    if (!options.create && options.expect) {
      const now = await handle.stat();
      const was = options.expect;
      if (now.ino !== was.ino || now.size !== was.size || now.mtimeMs !== was.mtimeMs)
        throw changedError(was.path, 'it was saved by someone or something else while cascade was working');
    }
    for (let at = 0; at < data.length;) {
      const { bytesWritten } = await handle.write(data, at, data.length - at, at);
      at += bytesWritten;
    }
    await handle.truncate(data.length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a file's creation or removal in `folder` durable (where the platform allows opening a folder). */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

/** Ctrl-C and SIGTERM during an in-place write end the process once the file is whole again. */
function holdSignals(): { release: () => void } {
  let received: NodeJS.Signals | null = null;
  const hold = (signal: NodeJS.Signals) => (received ??= signal);
  process.on('SIGINT', hold).on('SIGTERM', hold);
  return {
    release() {
      process.off('SIGINT', hold).off('SIGTERM', hold);
      if (received) process.exit(received === 'SIGINT' ? 130 : 143);
    },
  };
}
