import { defineConfig } from 'vitest/config';

// Three projects, all run by `npm test` (after the build):
//   unit        pure code, no build, no process, no server, no browser: seconds
//               (`npx vitest run --project unit` while developing);
//   integration the built command and add-on bundle on real files, the Notion emulator over HTTP;
//   browser     the sidebar in chromium.
// Scale and speed are `npm run bench`'s job, never a test's.
const UNIT = [
  'tests/core/**/*.test.ts',
  'tests/rules/**/*.test.ts',
  'tests/addon/rpc.test.ts',
  'tests/notion/values.test.ts',
  'tests/notion/limiter.test.ts',
];
const BROWSER = ['tests/addon/sidebar.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          exclude: [...UNIT, ...BROWSER, '**/node_modules/**'],
        },
      },
      { extends: true, test: { name: 'browser', include: BROWSER } },
    ],
  },
});
