// The rule catalog is what docs, the sidebar and the JSON output share: keep all three in step.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULE_BY_ID, RULES } from '../../shared/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const docs = readFileSync(`${root}docs/rules.md`, 'utf8');
const testsDir = `${root}tests/rules/`;
const ruleTests = readdirSync(testsDir)
  .filter((name) => name.endsWith('.test.ts') && name !== 'catalog.test.ts')
  .map((name) => readFileSync(testsDir + name, 'utf8'))
  .join('\n');

describe('the rule catalog', () => {
  it('holds the 25 rules of rules.md once each, with their family and severity', () => {
    expect(RULES).toHaveLength(25);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(25);
    for (const rule of RULES) {
      expect(RULE_BY_ID[rule.id]).toBe(rule);
      expect(rule.id.startsWith(`${rule.family}/`)).toBe(true);
      expect(rule.severityText.startsWith(rule.severity)).toBe(true);
    }
  });

  it('has short, distinct labels for the Check cell', () => {
    const labels = RULES.map((r) => r.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(22);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s is documented in docs/rules.md with its severity', (id, rule) => {
    expect(docs).toContain(`### \`${id}\``);
    const row = docs.split('\n').find((line) => line.startsWith(`| [\`${id}\`]`));
    expect(row, `no summary table row for ${id}`).toBeDefined();
    expect(row).toContain(`| ${rule.severityText} |`);
  });

  it.each(RULES.map((r) => r.id))('%s is exercised by the rule tests', (id) => {
    expect(ruleTests).toMatch(new RegExp(`(one|only)\\([^;]*'${id}'`));
  });
});
