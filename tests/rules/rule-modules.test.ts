// One module per rule: each emits only its own id, and the docs are what its metadata says.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildContext, RowFindings } from '../../shared/rules/context.js';
import { RULE_MODULES, RULES } from '../../shared/rules/index.js';
import { severityFor, severityText } from '../../shared/rules/meta.js';
import { END, readmeTable, replaceGenerated, rulesCatalog, START } from '../../scripts/rule-docs.js';
import { planOf, TODAY } from './helpers.js';
import { OKR_KR, OKR_O, OKR_T, okrRows, PROJECT_M, PROJECT_O, projectRows } from './plans.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A plan that breaks every rule somewhere. */
function messyPlan() {
  return planOf(
    [
      ...okrRows(),
      { ...OKR_O, id: 'O1' },
      { ...OKR_O, id: 'O2', title: 'Improve things', owner: '', review: 'whenever', dueDate: 'next Friday' },
      { ...OKR_KR, id: 'KR9', parent: 'O9', owner: 'Sales team', target: 'lots', title: 'Conduct surveys' },
      {
        ...OKR_KR,
        id: 'KR8',
        parent: 'O1',
        title: 'Sign 50 new accounts',
        target: null,
        review: 'monthly',
        dueDate: '2027-12-31',
      },
      { ...OKR_KR, id: 'KR7', parent: 'KR7', title: 'Raise NPS', start: null, target: null },
      {
        ...OKR_T,
        id: 'T9',
        parent: 'O1',
        owner: 'Ana, Ben',
        weight: 'heavy',
        lastCheckIn: '2025-01-01',
        dueDate: '2026-01-01',
      },
      { id: 'Q', level: 'Quest', title: 'Slay the dragon' },
      ...Array.from({ length: 6 }, (_, k) => ({ ...OKR_KR, id: `KRx${k}`, parent: 'O1' })),
    ],
    {},
  );
}

describe('rule modules', () => {
  it('each check emits findings of its own rule only, with the severity its metadata gives the row', () => {
    const plans = [
      messyPlan(),
      planOf([...projectRows(), { ...PROJECT_O, id: 'O7', startDate: '2026-01-01' }, { ...PROJECT_M, dueDate: null }], {
        framework: 'project',
      }),
    ];
    const fired = new Set<string>();
    for (const plan of plans) {
      const ctx = buildContext(plan, TODAY);
      const out = new RowFindings(ctx);
      for (const rule of RULE_MODULES) {
        for (const item of plan.items) {
          out.start(item);
          rule.check(ctx, item, out);
          for (const finding of [...out.errors, ...out.warnings]) {
            expect(finding.rule).toBe(rule.meta.id);
            expect(finding.severity).toBe(severityFor(rule.meta, item.level));
            fired.add(finding.rule);
          }
        }
      }
    }
    expect(fired.size).toBeGreaterThanOrEqual(18);
  });

  it('states severities once: per-level variants read as the docs say', () => {
    const noDue = RULES.find((r) => r.id === 'time-bound/no-due-date')!;
    expect(severityText(noDue)).toBe('error (Task: warning)');
    expect(severityFor(noDue, 'Task')).toBe('warning');
    expect(severityFor(noDue, 'Key Result')).toBe('error');
    expect(RULES.find((r) => r.id === 'owner/missing')!.severityText).toBe('error (Task, Tactic: warning)');
  });
});

describe('generated rule docs', () => {
  it.each([
    ['docs/rules.md', rulesCatalog],
    ['README.md', readmeTable],
  ] as const)(
    '%s holds what the rule metadata says (run `npm run docs:rules` after changing a rule)',
    (file, render) => {
      const text = readFileSync(root + file, 'utf8');
      expect(text).toContain(START);
      expect(text).toContain(END);
      expect(replaceGenerated(text, render(), file)).toBe(text);
    },
  );

  it('lists every rule with its severity, description and docs', () => {
    const catalog = rulesCatalog();
    const table = readmeTable();
    for (const rule of RULES) {
      expect(catalog).toContain(
        `### \`${rule.id}\`\n- **Severity:** ${rule.severityText}. **Applies to:** ${rule.appliesTo}.\n${rule.docs}`,
      );
      expect(table).toContain(`| \`${rule.id}\` | ${rule.severityText} | ${rule.description} |`);
    }
  });

  it('refuses a file without markers instead of losing its text', () => {
    expect(() => replaceGenerated('# Rules\n', 'x', 'docs/rules.md')).toThrow(/markers/);
  });
});
