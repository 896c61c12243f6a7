import { randomBytes } from 'node:crypto';
import { access, chmod, chown, constants, link, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileError } from '../errors.js';
import { describeFsError } from './probe.js';
import { assertNoLeftoverBackup, isRunning, writeInPlace } from './in-place.js';
import { assertUnchanged, readSnapshot, type FileSnapshot } from './snapshot.js';
import { pauseForTests } from './test-pause.js';

/** Temporary files being written, removed if the process is stopped halfway. */
const pending = new Set<string>();

function removePending() {
  for (const path of pending) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  pending.clear();
}

function onSignal(signal: NodeJS.Signals) {
  removePending();
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/**
 * Writes a file all at once: the data goes to a temporary file in the same folder, which then
 * replaces the target in one rename, so a crash or Ctrl-C never leaves a half-written plan.
 * Without `overwrite`, refuses (exit 2) when the target exists. An existing file keeps its mode;
 * one with several hard links is written in place, so that every name shows the new file.
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
  options: { overwrite: boolean },
): Promise<void> {
  const existing = options.overwrite ? await stat(path).catch(() => null) : null;
  if (existing) await assertWritable(path, existing);
  if (existing && existing.nlink > 1 && existing.isFile()) {
    const snapshot = await readSnapshot(path);
    await assertNoLeftoverBackup(snapshot);
    await writeInPlace(snapshot, typeof data === 'string' ? Buffer.from(data) : data);
    return;
  }
  await requireFolder(path);
  await writeThroughTemp(path, path, data, async (temp) => {
    if (options.overwrite) {
      await keepMode(path, temp);
      await rename(temp, path);
    } else {
      await placeNew(temp, path);
    }
  });
}

/**
 * Replaces a plan file that was read as `snapshot` by `data`, after checking that the file on disk
 * is still the version read (else nothing is written). A file with one name is replaced in one
 * rename in its own folder; the new file keeps the mode, owner and group of the old one (owner and
 * group where the user may set them). A file with several hard links is written in place, behind
 * a backup copy (see writeInPlace): a rename would leave the other names on the old version. A
 * symbolic link stays a link: the file it names is written.
 */
export async function replaceFile(snapshot: FileSnapshot, data: Uint8Array): Promise<void> {
  const { path, target } = snapshot;
  await assertReplaceable(snapshot);
  await removeStaleTemps(target);
  // A link may have been added since the file was read: ask the file now.
  const links = await stat(target).then(
    (s) => s.nlink,
    () => snapshot.nlink,
  );
  if (links > 1) return writeInPlace(snapshot, data);
  await writeThroughTemp(path, target, data, async (temp) => {
    await chmod(temp, snapshot.mode & 0o7777);
    await chown(temp, snapshot.uid, snapshot.gid).catch(() => undefined); // only root may give a file away
    await pauseForTests('CASCADE_TEST_PAUSE_BEFORE_REPLACE');
    await assertUnchanged(snapshot);
    await rename(temp, target);
  });
}

/**
 * Refuses, before anything is written, what replaceFile would refuse: a read-only file, a file
 * another run was writing in place when it stopped (its backup is beside it), a file saved by
 * someone else since it was read. A command that writes a second file (a .csv plan's check-ins)
 * asks first, so a refused plan leaves that one alone too.
 */
export async function assertReplaceable(snapshot: FileSnapshot): Promise<void> {
  const { path } = snapshot;
  await assertWritable(path, snapshot);
  await assertNoLeftoverBackup(snapshot);
  await pauseForTests('CASCADE_TEST_PAUSE_BEFORE_CHECKS');
  await assertUnchanged(snapshot);
}

/** The temporary files of cascade carry its name and process ID: `.plan.xlsx.cascade-1234-9f3a.tmp`. */
function tempName(target: string): string {
  return join(dirname(target), `.${basename(target)}.cascade-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

const TEMP_PATTERN = /^\.(.+)\.cascade-(\d+)-[0-9a-f]+\.tmp$/;

/** Removes temporary files beside `target` left by a run that was killed (its process is gone). */
export async function removeStaleTemps(target: string): Promise<string[]> {
  const removed: string[] = [];
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  for (const name of names) {
    const match = TEMP_PATTERN.exec(name);
    if (!match || match[1] !== basename(target) || isRunning(Number(match[2]))) continue;
    if (
      await unlink(join(dirname(target), name)).then(
        () => true,
        () => false,
      )
    )
      removed.push(name);
  }
  return removed;
}

/**
 * A read-only file is left alone, whoever runs the command: root may write anything, so the
 * file's permission bits decide, not only access().
 */
export async function assertWritable(path: string, info: { mode: number }) {
  const readOnly =
    (info.mode & 0o222) === 0 ||
    !(await access(path, constants.W_OK).then(
      () => true,
      () => false,
    ));
  if (readOnly) {
    const mode = (info.mode & 0o777).toString(8).padStart(4, '0');
    throw fileError(
      path,
      `the file is read-only (mode ${mode}); nothing was changed. Make it writable (chmod u+w) if cascade should write it.`,
    );
  }
}

async function writeThroughTemp(
  path: string,
  target: string,
  data: Uint8Array | string,
  place: (temp: string) => Promise<void>,
) {
  const temp = tempName(target);
  pending.add(temp);
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal).on('exit', removePending);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await place(temp);
  } catch (error) {
    if ((error as { exitCode?: number }).exitCode !== undefined) throw error;
    throw fileError(path, `cannot write it: ${describeFsError(error, 'write failed')}`);
  } finally {
    await unlink(temp).catch(() => undefined);
    pending.delete(temp);
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal).off('exit', removePending);
  }
}

/** Refuses, in the user's words, a path whose folder is missing or is a file. */
async function requireFolder(path: string) {
  let folder = dirname(path);
  for (;;) {
    const kind = await stat(folder).then(
      (s) => (s.isDirectory() ? 'folder' : 'file'),
      (e: NodeJS.ErrnoException) => e.code,
    );
    if (kind === 'folder') return;
    if (kind === 'file') throw fileError(path, `cannot write it: ${folder} is a file, not a folder.`);
    if (kind === 'ENOENT')
      throw fileError(
        path,
        `cannot write it: the folder ${dirname(path)} does not exist; create it first, or write the plan elsewhere.`,
      );
    if (kind !== 'ENOTDIR' || dirname(folder) === folder) return; // let the write report it
    folder = dirname(folder);
  }
}

/** Moves the temporary file to a path that must not exist yet (a hard link fails if it does). */
async function placeNew(temp: string, path: string) {
  try {
    await link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw existsError(path);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    // A file system without hard links: check, then rename.
    if (await exists(path)) throw existsError(path);
    await rename(temp, path);
  }
}

export function existsError(path: string) {
  return fileError(path, 'already exists; choose another name, or add --force to replace it.');
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function keepMode(original: string, temp: string) {
  try {
    const { mode } = await stat(original);
    await chmod(temp, mode & 0o7777);
  } catch {
    // a new file keeps the default mode
  }
}
