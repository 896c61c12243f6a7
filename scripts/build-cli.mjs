// The CLI bundle: cli/main.ts → build/cascade.js (bin/cascade.js imports it).
// Dependencies are bundled in, so that starting the command reads a few files instead of
// resolving hundreds of modules (a 12-row plan is checked in about twice Node's own start-up);
// what only some commands need (the .xlsx reader and writer, the Notion client) is split into
// chunks loaded on first use. exceljs (templates only) stays an installed package: bundling it
// would bundle its many optional parts too.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildCli() {
  await rm(new URL('../build', import.meta.url), { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { cascade: 'cli/main.ts' },
    outdir: 'build',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['exceljs'],
    // ES modules first: only they tree-shake (zod's CommonJS build would bring all 64 of its locales).
    mainFields: ['module', 'main'],
    // Bundled CommonJS packages call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __cascadeRequire } from 'node:module'; const require = __cascadeRequire(import.meta.url);",
    },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
