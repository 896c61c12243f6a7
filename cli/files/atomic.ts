import { randomBytes } from 'node:crypto';
import { access, chmod, constants, link, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileError } from '../errors.js';
import { describeFsError } from './probe.js';

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
 * Without `overwrite`, refuses (exit 2) when the target exists. An existing file keeps its mode.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string, options: { overwrite: boolean }): Promise<void> {
  // A rename would replace a read-only file too: respect the user's "do not change this".
  if (options.overwrite && (await exists(path)) && !(await access(path, constants.W_OK).then(() => true, () => false))) {
    throw fileError(path, 'the file is read-only; nothing was changed.');
  }
  await requireFolder(path);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  pending.add(temp);
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal).on('exit', removePending);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    if (options.overwrite) {
      await keepMode(path, temp);
      await rename(temp, path);
    } else {
      await placeNew(temp, path);
    }
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
    const kind = await stat(folder).then((s) => (s.isDirectory() ? 'folder' : 'file'), (e: NodeJS.ErrnoException) => e.code);
    if (kind === 'folder') return;
    if (kind === 'file') throw fileError(path, `cannot write it: ${folder} is a file, not a folder.`);
    if (kind === 'ENOENT') throw fileError(path, `cannot write it: the folder ${dirname(path)} does not exist; create it first, or write the plan elsewhere.`);
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
