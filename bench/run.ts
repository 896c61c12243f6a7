// `npm run bench`: every benchmark in turn, each printing its own figures.
const parts = [
  './core.ts',
  './layouts.ts',
  './cli.ts',
  './files.ts',
  './addon.ts',
  './notion.ts',
  './addon-notion.ts',
  './checkins.ts',
  './corpus.ts',
];
for (const part of parts) {
  const { run } = (await import(part)) as { run: () => Promise<void> };
  await run();
}
