import { describe, expect, it } from 'vitest';
import {
  FrameworkIdSchema,
  IsoDateSchema,
  IsoDaySchema,
  RawTableSchema,
  RunOptionsSchema,
  StrictRawTableSchema,
  TemplateRequestSchema,
  describeIssues,
} from '../../shared/index.js';
import { day } from './helpers.js';

describe('edge schemas', () => {
  it('accepts the frameworks and explains a wrong one', () => {
    expect(FrameworkIdSchema.parse('okr')).toBe('okr');
    const result = FrameworkIdSchema.safeParse('scrum');
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssues(result.error)).toBe('Use one of the frameworks okr, project, alignment, personal.');
  });

  it('reads "today" as a real calendar day', () => {
    expect(IsoDaySchema.parse(' 2026-05-01 ')).toBe(day('2026-05-01'));
    expect(IsoDateSchema.safeParse('2026-02-30').success).toBe(false);
    const wrong = IsoDateSchema.safeParse('05/01/2026');
    expect(wrong.success).toBe(false);
    if (!wrong.success) expect(describeIssues(wrong.error)).toMatch(/YYYY-MM-DD/);
  });

  it('validates the options of a run and of a template', () => {
    expect(RunOptionsSchema.parse({ framework: 'project', today: '2026-05-01', allowOver: true })).toEqual({
      framework: 'project',
      today: '2026-05-01',
      allowOver: true,
    });
    const bad = RunOptionsSchema.safeParse({ framework: 'x', today: 'tomorrow' });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(describeIssues(bad.error)).toMatch(/^framework: .*; today: /);
    expect(TemplateRequestSchema.safeParse({ framework: 'okr', examples: true, rows: 0 }).success).toBe(false);
    expect(TemplateRequestSchema.parse({ framework: 'personal' })).toEqual({ framework: 'personal' });
  });

  it('checks a table’s shape cheaply and its cells strictly on request', () => {
    const table = { header: ['ID', 'Level', 'Title'], rows: [['O1', 'Objective', new Date()]], headerRow: 2 };
    expect(RawTableSchema.safeParse(table).success).toBe(true);
    expect(StrictRawTableSchema.safeParse(table).success).toBe(true);
    expect(RawTableSchema.safeParse({ header: [], rows: {} }).success).toBe(false);
    expect(RawTableSchema.safeParse({ ...table, headerRow: 0 }).success).toBe(false);
    expect(StrictRawTableSchema.safeParse({ header: [], rows: [[{ a: 1 }]] }).success).toBe(false);
  });
});
