// The rule docs, rendered from the rule modules' metadata: docs/rules.md's catalog and the README's
// rule table sit between markers and are rewritten by `npm run docs:rules`; a test compares them.
import { RULE_FAMILIES, RULES } from '../shared/check.js';

export const START =
  '<!-- rules:start (generated from shared/rules by `npm run docs:rules`: edit the rule modules, not this) -->';
export const END = '<!-- rules:end -->';

/** GitHub's heading anchor of "`structure/duplicate-id`". */
function anchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9 -]/g, '');
}

/** docs/rules.md: the table of all rules, then a section per family with one entry per rule. */
export function rulesCatalog(): string {
  const lines = ['## All rules at a glance', '', '| id | severity | applies to |', '|----|----------|-----------|'];
  for (const rule of RULES)
    lines.push(`| [\`${rule.id}\`](#${anchor(rule.id)}) | ${rule.severityText} | ${rule.appliesTo} |`);
  let family = '';
  for (const rule of RULES) {
    if (rule.family !== family) {
      family = rule.family;
      const { heading, intro } = RULE_FAMILIES[family] ?? { heading: family };
      lines.push('', `## ${heading}`);
      if (intro !== undefined) lines.push('', intro);
    }
    lines.push(
      '',
      `### \`${rule.id}\``,
      `- **Severity:** ${rule.severityText}. **Applies to:** ${rule.appliesTo}.`,
      rule.docs,
    );
  }
  return lines.join('\n');
}

/** The README's table: id, severity, when it fires. */
export function readmeTable(): string {
  const lines = ['| id | severity | fires when |', '|----|----------|------------|'];
  for (const rule of RULES) lines.push(`| \`${rule.id}\` | ${rule.severityText} | ${rule.description} |`);
  return lines.join('\n');
}

/** `text` with what stands between the markers replaced by `generated`; throws without markers. */
export function replaceGenerated(text: string, generated: string, file: string): string {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file} has no ${START} … ${END} markers.`);
  return `${text.slice(0, start + START.length)}\n${generated}\n${text.slice(end)}`;
}
