import { describe, expect, it } from 'vitest';
import {
  FrameworkIdSchema,
  IsoDateSchema,
  TemplateRequestSchema,
  assertRawTable,
  describeIssues,
} from '../../shared/index.js';

describe('edge schemas', () => {
  it('accepts the frameworks and explains a wrong one', () => {
    expect(FrameworkIdSchema.parse('okr')).toBe('okr');
    const result = FrameworkIdSchema.safeParse('scrum');
    expect(result.success).toBe(false);
    if (!result.success)
      expect(describeIssues(result.error)).toBe('Use one of the frameworks okr, project, alignment, personal.');
  });

  it('reads "today" as a real calendar day', () => {
    expect(IsoDateSchema.parse(' 2026-05-01 ')).toBe('2026-05-01');
    expect(IsoDateSchema.safeParse('2026-02-30').success).toBe(false);
    const wrong = IsoDateSchema.safeParse('05/01/2026');
    expect(wrong.success).toBe(false);
    if (!wrong.success) expect(describeIssues(wrong.error)).toMatch(/YYYY-MM-DD/);
  });

  it('validates the options of a template', () => {
    const bad = TemplateRequestSchema.safeParse({ framework: 'x', today: 'tomorrow' });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(describeIssues(bad.error)).toMatch(/^framework: .*; today: /);
    expect(TemplateRequestSchema.safeParse({ framework: 'okr', examples: true, rows: 0 }).success).toBe(false);
    expect(TemplateRequestSchema.parse({ framework: 'personal' })).toEqual({ framework: 'personal' });
  });

  it('checks a table’s shape, not its cells, and says what is wrong', () => {
    const table = { header: ['ID', 'Level', 'Title'], rows: [['O1', 'Objective', new Date()]], headerRow: 2 };
    expect(() => assertRawTable(table)).not.toThrow();
    expect(() => assertRawTable({ header: [], rows: [[{ a: 1 }]] })).not.toThrow();
    expect(() => assertRawTable({ header: [], rows: {} })).toThrow(
      /^Not a table of rows: rows: expected an array of rows/,
    );
    expect(() => assertRawTable({ ...table, headerRow: 0 })).toThrow(/^Not a table of rows: headerRow: /);
  });
});
