import { describe, expect, it } from 'vitest';
import {
  duplicateColumns,
  duplicateColumnText,
  otherFrameworksText,
  readPlan,
  withArticle,
} from '../../shared/index.js';

describe('plan notes: one wording for the command and the sidebar', () => {
  it('names columns read twice, which one is read and which ignored', () => {
    const [d] = duplicateColumns(['ID', 'Level', 'Title', 'Owner', 'Due date', 'owner', 'OWNER']);
    expect(duplicateColumnText(d)).toBe(
      'columns D, F and G are all Owner; Cascade reads D and ignores F, G. Rename or remove one.',
    );
  });

  it('names the other frameworks the levels fit, only when the framework was inferred', () => {
    const table = {
      header: ['ID', 'Level', 'Title', 'Parent'],
      rows: [
        ['G1', 'Goal', 'Ship 3 releases', ''],
        ['T1', 'Task', 'Draft the plan today', 'G1'],
      ],
    };
    const inferred = readPlan(table);
    expect(otherFrameworksText(inferred)).toMatch(/^Goal, Task fit a (Project|Personal) plan too$/);
    expect(otherFrameworksText(readPlan(table, { framework: 'project' }))).toBeNull();
  });

  it('puts the right article before a framework name', () => {
    expect(withArticle('OKR')).toBe('an OKR');
    expect(withArticle('Project')).toBe('a Project');
  });
});
