// The add-on bundle: dist/Code.js (one classic script), dist/sidebar.html (one self-contained
// page), dist/help.html (the Help page, from docs/add-on.md) and dist/appsscript.json.
// `clasp push` uploads dist/ as it is (.clasp.json: rootDir dist).
import * as esbuild from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { helpPage } from './help-page.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'apps-script');
const dist = path.join(root, 'dist');

/** The global the IIFE bundle assigns; every top-level stub delegates to it. */
export const GLOBAL_NAME = 'Cascade';
/** The global the Notion engine's bundle assigns when Code.js evaluates it (apps-script/server/notion/engine.ts). */
const NOTION_ENGINE_GLOBAL = 'CascadeNotion';
/** Files whose `@customfunction` JSDoc is copied onto their stubs. */
const CUSTOM_FUNCTION_SOURCES = ['server/custom-function.ts'];

/** package.json's version, shown in the sidebar's footer and the About dialog. */
async function versionDefine() {
  const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  return { CASCADE_VERSION: JSON.stringify(version) };
}

export async function buildAddon() {
  await mkdir(dist, { recursive: true });
  const [code, html, help] = await Promise.all([buildServer(), buildSidebar(), helpPage(root)]);
  const manifest = JSON.parse(await readFile(path.join(source, 'appsscript.json'), 'utf8'));
  await Promise.all([
    writeFile(path.join(dist, 'Code.js'), code),
    writeFile(path.join(dist, 'sidebar.html'), html),
    writeFile(path.join(dist, 'help.html'), help),
    writeFile(path.join(dist, 'appsscript.json'), `${JSON.stringify(manifest, null, 2)}\n`),
  ]);
}

/**
 * Apps Script loads Code.js as a classic script: no import/export, and it calls entry points by
 * their top-level name. esbuild makes one IIFE assigning `var Cascade`; a stub per export follows.
 */
async function buildServer() {
  const engine = await buildNotionEngine();
  const result = await esbuild.build({
    entryPoints: [path.join(source, 'server/index.ts')],
    define: { NOTION_ENGINE_SOURCE: JSON.stringify(engine), ...(await versionDefine()) },
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2019',
    // Apps Script parses this on every custom-function call and edit: spaces and comments go, the
    // names stay, so an error's stack in the execution log still reads.
    minifyWhitespace: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const bundle = result.outputFiles[0].text;
  const entryPoints = exportedFunctions(bundle);
  const docs = await customFunctionDocs();
  const stubs = entryPoints.map((name) => stubFor(name, docs.get(name)));
  for (const name of docs.keys()) {
    if (!entryPoints.includes(name))
      throw new Error(`Custom function ${name} is not exported from apps-script/server/index.ts.`);
  }
  return [
    '// Cascade for Google Sheets: built by scripts/build-addon.mjs from apps-script/ and shared/. Do not edit.',
    bundle.trimEnd(),
    '',
    '// Entry points Apps Script calls by name (triggers, menu items, google.script.run, custom functions).',
    ...stubs,
    '',
  ].join('\n');
}

/**
 * The Notion mirror and its client, bundled apart and minified: Code.js carries it as one string
 * that is evaluated only when a Notion action runs (see apps-script/server/notion/engine.ts), so the
 * executions that never talk to Notion (each custom function call, each edit) do not parse it.
 */
async function buildNotionEngine() {
  const result = await esbuild.build({
    entryPoints: [path.join(source, 'notion-engine/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: NOTION_ENGINE_GLOBAL,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2019',
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    plugins: [zodEnglishOnly],
  });
  return result.outputFiles[0].text;
}

/**
 * notion-sync checks Notion's answers with classic zod, which bundles the messages of every
 * language it speaks (270 KB); the engine speaks English, so `z.locales` is cut down to English.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}zod${path.sep}`)
        ? { path: path.join(path.dirname(args.importer), '../locales/en.js'), namespace: 'zod-locales' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: path.dirname(args.path),
    }));
  },
};

/**
 * The functions the bundle exports, found by running it in an empty context. This also proves
 * that loading the bundle calls no service: in AuthMode.NONE a service call at load time would
 * stop onOpen from building the menu, and here it throws a ReferenceError.
 */
function exportedFunctions(bundle) {
  let api;
  try {
    api = vm.runInNewContext(`${bundle}\n;${GLOBAL_NAME}`, {}, { filename: 'Code.js' });
  } catch (error) {
    throw new Error(`Loading the add-on bundle must not touch any service or global: ${error.message}`, {
      cause: error,
    });
  }
  const names = Object.keys(api).filter((name) => typeof api[name] === 'function');
  for (const name of names) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name) || name.endsWith('_')) {
      throw new Error(`"${name}" cannot be an Apps Script entry point (names ending in _ are private).`);
    }
  }
  return names;
}

function stubFor(name, doc) {
  if (doc === undefined) {
    return `function ${name}() {\n  return ${GLOBAL_NAME}.${name}.apply(this, arguments);\n}`;
  }
  const params = doc.params.join(', ');
  return `${doc.comment}\nfunction ${name}(${params}) {\n  return ${GLOBAL_NAME}.${name}(${params});\n}`;
}

/** `/** … @customfunction *\/ export function NAME(params)` in the sources → its JSDoc and parameter names. */
async function customFunctionDocs() {
  const docs = new Map();
  const pattern =
    /(\/\*\*(?:(?!\*\/)[\s\S])*?@customfunction(?:(?!\*\/)[\s\S])*?\*\/)\s*export\s+function\s+(\w+)\s*\(([^)]*)\)/g;
  for (const file of CUSTOM_FUNCTION_SOURCES) {
    const text = await readFile(path.join(source, file), 'utf8');
    for (const match of text.matchAll(pattern)) {
      const [, comment, name, params] = match;
      docs.set(name, { comment, params: parameterNames(params) });
    }
  }
  return docs;
}

/** "start: Arg, type?: Arg" → ["start", "type"]. */
function parameterNames(params) {
  const names = [];
  let depth = 0;
  let current = '';
  for (const ch of params) {
    if ('<([{'.includes(ch)) depth++;
    if ('>)]}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      names.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '') names.push(current);
  return names.map((p) => /^\s*(?:\.\.\.)?(\w+)/.exec(p)?.[1]).filter(Boolean);
}

/** The sidebar as one HTML file: its CSS and its TypeScript (bundled for browsers) inlined. */
async function buildSidebar() {
  const [script, style, page] = await Promise.all([
    esbuild.build({
      entryPoints: [path.join(source, 'sidebar/main.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: ['chrome109', 'edge109', 'firefox115', 'safari15'],
      define: await versionDefine(),
      minify: true,
      charset: 'utf8',
      legalComments: 'none',
      write: false,
      logLevel: 'silent',
    }),
    esbuild.build({
      entryPoints: [path.join(source, 'sidebar/styles.css')],
      bundle: true,
      minify: true,
      charset: 'utf8',
      write: false,
      logLevel: 'silent',
    }),
    readFile(path.join(source, 'sidebar/index.html'), 'utf8'),
  ]);
  const js = script.outputFiles[0].text
    .trim()
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/<!--/g, '<\\!--');
  const css = style.outputFiles[0].text.trim().replace(/<\/(style)/gi, '<\\/$1');
  for (const marker of ['<!-- style -->', '<!-- script -->']) {
    if (!page.includes(marker)) throw new Error(`apps-script/sidebar/index.html lacks the marker ${marker}.`);
  }
  // Replacer functions: a "$" in the code must not be read as a replacement pattern.
  return page
    .replace('<!-- style -->', () => `<style>${css}</style>`)
    .replace('<!-- script -->', () => `<script>${js}</script>`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildAddon();
