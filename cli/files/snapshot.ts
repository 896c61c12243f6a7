import { createHash } from 'node:crypto';
import { lstat, open, readlink, realpath } from 'node:fs/promises';
import { fileError } from '../errors.js';
import { describeFsError } from './probe.js';

/**
 * A plan file as it was read, once: its bytes and what identifies that version on disk. Every
 * command reads the plan from these bytes, and `--write` plans its edits against them and checks,
 * just before replacing the file, that the file on disk is still this version.
 */
export interface FileSnapshot {
  /** The path the user gave. */
  path: string;
  /** The file really written: the target of a symbolic link, else `path`. */
  target: string;
  bytes: Buffer;
  size: number;
  mtimeMs: number;
  ino: number;
  dev: number;
  mode: number;
  uid: number;
  gid: number;
  nlink: number;
  /** SHA-256 of the bytes. */
  hash: string;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads a file's bytes and identity in one open; a link is followed to the file it names. */
export async function readSnapshot(path: string): Promise<FileSnapshot> {
  let target = path;
  try {
    if ((await lstat(path)).isSymbolicLink()) target = await realpath(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && target === path && (await lstat(path).catch(() => null))?.isSymbolicLink()) {
      // The link is there, what it names is not: say where it points, the file was moved or renamed.
      throw fileError(path, `is a symbolic link to ${await readlink(path)}, which does not exist.`);
    }
    throw fileError(path, describeFsError(error, 'cannot read it'));
  }
  let handle;
  try {
    handle = await open(target, 'r');
  } catch (error) {
    throw fileError(path, describeFsError(error, 'cannot read it'));
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw fileError(path, 'is a folder, not a plan file.');
    if (!info.isFile())
      throw fileError(
        path,
        'is not a regular file (a device, a pipe or a socket); give the path of a .xlsx or .csv file.',
      );
    const bytes = await handle.readFile();
    return {
      path,
      target,
      bytes,
      size: info.size,
      mtimeMs: info.mtimeMs,
      ino: info.ino,
      dev: info.dev,
      mode: info.mode,
      uid: info.uid,
      gid: info.gid,
      nlink: info.nlink,
      hash: hashBytes(bytes),
    };
  } catch (error) {
    if ((error as { exitCode?: number }).exitCode !== undefined) throw error;
    throw fileError(path, describeFsError(error, 'cannot read it'));
  } finally {
    await handle.close();
  }
}

/**
 * Refuses (exit 2, nothing written) when the file on disk is no longer the version that was read:
 * someone saved it meanwhile (a colleague, a sync client), and edits planned by cell address
 * against the old version could land in the wrong rows.
 */
export async function assertUnchanged(snapshot: FileSnapshot): Promise<void> {
  await readUnchanged(snapshot);
}

/** Like assertUnchanged, and returns the bytes on disk (the version read: checked by size, mtime, inode and hash). */
export async function readUnchanged(snapshot: FileSnapshot): Promise<Buffer> {
  let now: FileSnapshot;
  try {
    now = await readSnapshot(snapshot.path);
  } catch {
    throw changedError(snapshot.path, 'it was moved or deleted');
  }
  const same =
    now.target === snapshot.target &&
    now.size === snapshot.size &&
    now.mtimeMs === snapshot.mtimeMs &&
    now.ino === snapshot.ino &&
    now.hash === snapshot.hash;
  if (!same) throw changedError(snapshot.path, 'it was saved by someone or something else while cascade was working');
  return now.bytes;
}

export function changedError(path: string, why: string) {
  return fileError(
    path,
    `the file changed after cascade read it (${why}); nothing was written. Run the command again to work on the new version.`,
  );
}
