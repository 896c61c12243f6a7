// The built add-on as Apps Script receives it: Code.js a classic script with top-level entry
// points, the manifest's scopes, a self-contained sidebar, the menu built in AuthMode.NONE.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { transform } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { FEEDBACK_WHERE, MULTIPLE_ACCOUNTS_HELP_URL } from '../../apps-script/about.js';
import { ERROR_CODES } from '../../apps-script/error-codes.js';
import { DIST, loadBundle } from './harness.js';

const code = () => readFileSync(path.join(DIST, 'Code.js'), 'utf8');

const ENTRY_POINTS = [
  'onOpen',
  'onInstall',
  'onEdit',
  'menuOpenSidebar',
  'menuInsertTemplate',
  'menuCheckPlan',
  'menuUpdateProgress',
  'menuHelp',
  'menuAbout',
  'menuFeedback',
  'apiGetState',
  'apiSaveSettings',
  'apiCheck',
  'apiFixIds',
  'apiProgress',
  'apiInsertTemplate',
  'apiSelect',
  'apiReplan',
  'apiMapping',
  'apiSaveMapping',
  'apiConvert',
  'apiNotionState',
  'apiNotionConnect',
  'apiNotionTest',
  'apiNotionDisconnect',
  'apiNotionMirror',
  'apiNotionSchedule',
  'notionTimer',
  'CASCADE_PROGRESS',
];

/** The Notion engine: one string literal in Code.js, evaluated only by Notion actions (apps-script/server/notion/engine.ts). */
function splitEngine(text: string): { main: string; engine: string } {
  const start = text.indexOf('"use strict";var CascadeNotion=');
  const end = text.indexOf("'}\nreturn ${NOTION_ENGINE_GLOBAL}", start);
  if (start < 0 || end < 0) throw new Error('Code.js does not carry the Notion engine as a string.');
  return { main: text.slice(0, start) + text.slice(end), engine: text.slice(start, end) };
}

describe('dist/Code.js', () => {
  test('is one classic script: no module syntax, parses as a script', () => {
    const text = code();
    expect(text).not.toMatch(/^\s*(import|export)\s/m);
    expect(() => new vm.Script(text, { filename: 'Code.js' })).not.toThrow();
  });

  test('declares every entry point as a top-level function Apps Script can call by name', () => {
    const text = code();
    for (const name of ENTRY_POINTS) expect(text).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    const { context } = loadBundle();
    for (const name of ENTRY_POINTS) expect(typeof context[name], name).toBe('function');
    // The functions Apps Script lists (in the editor's Run menu, for google.script.run) are exactly these.
    const functions = Object.keys(context).filter((k) => typeof context[k] === 'function' && !['console'].includes(k));
    expect(functions.sort()).toEqual([...ENTRY_POINTS].sort());
  });

  test('keeps the JSDoc of the custom function right above its declaration, parameters named', () => {
    const text = code();
    const m = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\nfunction CASCADE_PROGRESS\(start, target, current, type\) \{/.exec(
      text,
    );
    expect(m, 'JSDoc block directly above function CASCADE_PROGRESS(start, target, current, type)').not.toBeNull();
    const doc = m![1];
    expect(doc).toContain('@customfunction');
    for (const param of ['start', 'target', 'current', 'type'])
      expect(doc).toMatch(new RegExp(`@param \\{[^}]+\\} ${param} `));
    expect(doc).toMatch(/@return \{/);
  });

  test('uses no syntax newer than ES2019: lowering it to ES2019 changes nothing', async () => {
    // esbuild rewrites every ES2020+ construct (?., ??, ??=, class fields, #private, static blocks…)
    // when told to target ES2019, and prints the rest as it is: the two printings agree only if there
    // is nothing to rewrite. (Top-level await and module syntax already fail vm.Script above.)
    const print = async (target: string) =>
      (await transform(code(), { loader: 'js', target, charset: 'utf8', legalComments: 'inline' })).code;
    const [es2019, esnext] = await Promise.all([print('es2019'), print('esnext')]);
    const lowered = new Set(es2019.split('\n'));
    const newer = esnext
      .split('\n')
      .filter((line) => !lowered.has(line))
      .slice(0, 3);
    expect(es2019 === esnext, `ES2020+ syntax in Code.js:\n${newer.join('\n')}`).toBe(true);
  });

  test('loads without touching any service (AuthMode.NONE) and targets ES2019 (no ?. or ??)', () => {
    expect(() => vm.runInNewContext(code(), {})).not.toThrow();
    const withoutStrings = code()
      .replace(/(["'`])(?:\\.|(?!\1)[^\\])*\1/g, '""')
      .replace(/\/\/.*$/gm, '');
    expect(withoutStrings).not.toMatch(/\?\.[a-zA-Z_$[(]/);
    expect(withoutStrings).not.toMatch(/[^?]\?\?[^?]/);
  });

  test('validates with zod/mini, not classic zod, and stays small: Apps Script parses it on every execution', () => {
    // Every CASCADE_PROGRESS call and every onEdit pays for the parse; classic zod made Code.js 560 KB.
    // The Notion engine (notion-sync, its client and the classic zod it checks Notion's answers with)
    // is a string there: scanned, not parsed, until a Notion action evaluates it.
    const { main, engine } = splitEngine(code());
    expect(main).toContain('"ZodMiniObject"');
    expect(main).not.toMatch(/"Zod(?:Type|String|Object|Error)"/);
    expect(main).not.toContain('@notionhq/client');
    // 325 KB: the managers' vocabulary of issue 8 (header, level and status words in eight
    // languages, calendar weeks, group columns, about 8 KB), flat lists and the Progress ownership
    // rule (about 6 KB), the title guessed from the cells and qualified dates (about 3 KB), and the
    // check-ins a pull from Notion records with each row's last check-in note (1.8 KB) grew the
    // 299 KB main part to 318 KB. 328 KB: the one header finder (a header whose titles are
    // guessed), an objective's cells on its first key result's row, and counts as progress (about
    // 2.5 KB together) made it 326.4 KB.
    expect(Buffer.byteLength(main) / 1024).toBeLessThan(328);
    // The engine grew with views, people and ownership marks (357 KB); it is parsed only by Notion actions.
    expect(Buffer.byteLength(engine) / 1024).toBeLessThan(400);
  });

  test('the Notion engine is not evaluated on load, and evaluates alone in an empty context', () => {
    const { engine } = splitEngine(code());
    const { context } = loadBundle();
    expect(context.CascadeNotion).toBeUndefined();
    const text = code();
    const start = text.indexOf(engine);
    // The string as written in Code.js, quotes included (esbuild puts it in a template literal: `${'…'}`).
    const source = vm.runInNewContext(text.slice(start - 1, start + engine.length + 1)) as string;
    const api = vm.runInNewContext(`${source};CascadeNotion`, {}) as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['findPage', 'mirror', 'pageIdFrom', 'redact']);
  });
});

describe('dist/appsscript.json', () => {
  const manifest = JSON.parse(readFileSync(path.join(DIST, 'appsscript.json'), 'utf8'));

  test('runs on V8 with the scopes docs/add-on.md explains: the sheet and sidebar, Notion, its triggers, the email for check-ins', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes.sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.external_request',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/spreadsheets',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
    expect(typeof manifest.timeZone).toBe('string');
  });

  test('the code calls only services those two scopes cover; no add-on card section (an editor add-on has none)', () => {
    // spreadsheets.currentonly: SpreadsheetApp on this document; script.container.ui: the menu and the
    // sidebar (SpreadsheetApp.getUi, HtmlService). LockService, PropertiesService and Utilities need
    // no scope. Anything else (DriveApp, GmailApp…) would need a scope this manifest does not ask for.
    // script.external_request: UrlFetchApp (Notion only, by the whitelist); script.scriptapp: the
    // Notion schedule's and continuation's triggers (ScriptApp); spreadsheets: those triggers run
    // with no active spreadsheet and open this one by id (currentonly does not allow openById);
    // userinfo.email: Session.getActiveUser().getEmail() for the Who of a check-in.
    // CacheService, like LockService and PropertiesService, needs no scope.
    const services = new Set(
      code().match(
        /\b(?:[A-Z][A-Za-z]*(?:App|Service)|Session|Utilities|Logger|Browser|Maps|Drive|Gmail|Calendar|Sheets|Jdbc|XmlService)\.(?=[a-zA-Z])/g,
      ) ?? [],
    );
    expect([...services].sort()).toEqual([
      'CacheService.',
      'HtmlService.',
      'LockService.',
      'PropertiesService.',
      'ScriptApp.',
      'Session.',
      'SpreadsheetApp.',
      'UrlFetchApp.',
      'Utilities.',
    ]);
    // The only spreadsheet opened by id is this one, from the Notion trigger.
    expect(code().match(/\bSpreadsheetApp\.(?:open|openById|openByUrl|create)\b/g)).toEqual([
      'SpreadsheetApp.openById',
    ]);
    expect(code()).toMatch(/openById\(id\)/);
    expect(manifest.addOns).toBeUndefined();
  });

  test("makes external requests to Notion's API only", () => {
    expect(manifest.urlFetchWhitelist).toEqual(['https://api.notion.com/']);
    const urls = new Set(code().match(/https:\/\/[a-z.]+\.com\b/g) ?? []);
    expect([...urls].filter((u) => u.startsWith('https://api.'))).toEqual(['https://api.notion.com']);
  });
});

describe('dist/sidebar.html', () => {
  const html = () => readFileSync(path.join(DIST, 'sidebar.html'), 'utf8');

  test('is one self-contained file under 60 KB: no external script, style, font or image', () => {
    expect(statSync(path.join(DIST, 'sidebar.html')).size).toBeLessThan(60 * 1024);
    const text = html();
    expect(text).not.toMatch(/<script[^>]+src=/i);
    expect(text).not.toMatch(/<link[^>]+href=/i);
    expect(text).not.toMatch(/url\(\s*['"]?https?:/i);
    expect(text).toContain('<style>');
    expect(text).toContain('data-start="auto"');
    // The inlined script cannot close its own <script> element early.
    const script = text.slice(text.indexOf('<script>') + 8, text.lastIndexOf('</script>'));
    expect(script).not.toMatch(/<\/script/i);
  });
});

describe('menu', () => {
  test('onOpen in AuthMode.NONE builds the add-on menu and calls nothing but the UI', () => {
    const { run, world } = loadBundle();
    run('onOpen', { authMode: 'NONE' });
    expect(world.ui.menus).toHaveLength(1);
    expect(world.ui.menus[0].items).toEqual([
      { caption: 'Open sidebar', functionName: 'menuOpenSidebar' },
      { caption: 'Insert template', functionName: 'menuInsertTemplate' },
      { caption: 'Check plan', functionName: 'menuCheckPlan' },
      { caption: 'Update progress', functionName: 'menuUpdateProgress' },
      { caption: 'Help', functionName: 'menuHelp' },
      { caption: 'About', functionName: 'menuAbout' },
      { caption: 'Feedback', functionName: 'menuFeedback' },
    ]);
    expect(world.counter.summary()).toEqual({
      'Menu.addItem': 7,
      'Menu.addSeparator': 1,
      'Menu.addToUi': 1,
      'SpreadsheetApp.getUi': 1,
      'Ui.createAddonMenu': 1,
    });
  });

  test('onInstall builds the same menu and greets the person in the sidebar', () => {
    const { run, world } = loadBundle();
    run('onInstall', { authMode: 'FULL' });
    expect(world.ui.menus[0].items.map((i) => i.functionName)).toEqual(
      ENTRY_POINTS.filter((name) => name.startsWith('menu')),
    );
    expect(world.ui.sidebars).toHaveLength(1);
    expect(world.ui.sidebars[0].content).toContain('data-start="auto:welcome"');
  });

  test('Help, About and Feedback show a dialog with the version and the error codes', () => {
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    const { run, world } = loadBundle();
    run('menuHelp');
    run('menuAbout');
    run('menuFeedback');
    expect(world.ui.dialogs.map((d) => d.title)).toEqual(['Cascade help', 'About Cascade', 'Send feedback']);
    const [help, about, feedback] = world.ui.dialogs.map((d) => d.content);
    for (const code of ERROR_CODES) expect(help).toContain(`<code>${code}</code>`);
    expect(help).toContain(MULTIPLE_ACCOUNTS_HELP_URL);
    expect(about).toContain(`Cascade ${version}`);
    expect(feedback).toContain(version);
    expect(feedback).toContain(FEEDBACK_WHERE);
  });

  test('Help is the user’s sections of docs/add-on.md, built into dist/help.html, not written a second time', () => {
    const { run, world } = loadBundle();
    run('menuHelp');
    const [help] = world.ui.dialogs.map((d) => d.content);
    const guide = readFileSync('docs/add-on.md', 'utf8');
    // Every heading of the user's sections, and none of the developers' (installing, internals).
    const headings = (section: string) => {
      const start = guide.indexOf(`\n## ${section}\n`);
      const end = guide.indexOf('\n## ', start + 1);
      return [...guide.slice(start, end).matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]);
    };
    const shown = [...help.matchAll(/<h[23]>(.+?)<\/h[23]>/g)].map((m) =>
      m[1].replace(/<\/?code>/g, '`').replace(/&#39;/g, "'"),
    );
    expect(shown).toEqual([...headings('What a manager can do'), ...headings('Help, errors and multiple accounts')]);
    expect(help).not.toContain('Install it from this repository');
    // The guide's links to its neighbour pages lead nowhere in a spreadsheet: only their words stay.
    expect(help).not.toMatch(/href="[^"h]/);
    expect(help).toContain('<strong>Show progress above 100 %</strong>');
  });

  test.each([
    ['menuOpenSidebar', 'auto'],
    ['menuInsertTemplate', 'template'],
    ['menuCheckPlan', 'check:run'],
    ['menuUpdateProgress', 'progress:run'],
  ])('%s opens the sidebar titled Cascade on %s', (handler, start) => {
    const { run, world } = loadBundle();
    run(handler);
    expect(world.ui.sidebars).toHaveLength(1);
    const sidebar = world.ui.sidebars[0];
    expect(sidebar.title).toBe('Cascade');
    expect(sidebar.content).toContain(`data-start="${start}"`);
    expect(sidebar.content.length).toBeGreaterThan(5_000);
  });
});

describe('deploy', () => {
  test('clasp pushes exactly the built files of dist/ (.clasp.json: rootDir dist, a placeholder scriptId to replace)', () => {
    const clasp = JSON.parse(readFileSync('.clasp.json', 'utf8'));
    expect(clasp.rootDir).toBe('dist');
    expect(clasp.scriptId).toMatch(/^REPLACE_/);
    const status = JSON.parse(
      execFileSync(process.execPath, ['node_modules/@google/clasp/build/src/index.js', 'status', '--json'], {
        encoding: 'utf8',
      }),
    );
    expect([...status.filesToPush].sort()).toEqual([
      'dist/Code.js',
      'dist/appsscript.json',
      'dist/help.html',
      'dist/sidebar.html',
    ]);
    expect(status.untrackedFiles).toEqual([]);
  });
});
