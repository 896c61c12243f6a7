// Tests run the built command and add-on (build/, dist/), as users do: a build older than its
// sources would test yesterday's code. This finds the source file that is newer than a build.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The first file under `dirs` (or a file among them) changed after `built` was written; undefined when the build is fresh. */
export function newerSource(built: string, dirs: readonly string[]): string | undefined {
  const time = statSync(built).mtimeMs;
  return dirs.flatMap((dir) => files(path.resolve(dir))).find((file) => statSync(file).mtimeMs > time);
}

function files(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(path.join(target, entry.name)) : [path.join(target, entry.name)],
  );
}
