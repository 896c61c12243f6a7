// `npm run docs:rules`: rewrites the generated rule docs from the rule modules' metadata.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readmeTable, replaceGenerated, rulesCatalog } from './rule-docs.js';

const root = fileURLToPath(new URL('../', import.meta.url));
for (const [file, render] of [
  ['docs/rules.md', rulesCatalog],
  ['README.md', readmeTable],
] as const) {
  const path = root + file;
  const before = readFileSync(path, 'utf8');
  const after = replaceGenerated(before, render(), file);
  if (after !== before) writeFileSync(path, after);
  console.log(`${file}: ${after === before ? 'up to date' : 'rewritten'}`);
}
