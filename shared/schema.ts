import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { dayFromParts } from './dates.js';
import { FRAMEWORK_IDS } from './frameworks.js';
import type { FrameworkId, RawTable } from './types.js';

// Validation at the edges: what an adapter hands to the core (a table, a framework name, a
// "today", a template request). Inside the core the types are trusted.
// zod/mini, not classic zod: the add-on bundle (parsed by Apps Script on every execution) holds
// only what is used. Mini loads no messages of its own ("Invalid input" for everything), so the
// English ones classic zod would give are configured here, once, for every schema.
z.config(en());

/**
 * A table's shape: a header array and an array of row arrays. Cells are not validated one by one
 * here (100,000 rows × 19 cells would cost more than reading the plan); the plan reader accepts
 * any value in a cell and reads what it does not know as text.
 */
const RawTableSchema = z.object({
  header: z.array(z.unknown()),
  // A plain loop, not z.array(z.array(…)): zod's per-element parse costs ~60 ms per 100,000 rows.
  rows: z.custom<unknown[][]>((rows) => Array.isArray(rows) && rows.every((row) => Array.isArray(row)), {
    error: 'expected an array of rows, each an array of cells',
  }),
  headerRow: z.optional(z.number().check(z.int(), z.positive())),
});

export const FrameworkIdSchema = z.enum(FRAMEWORK_IDS as [FrameworkId, ...FrameworkId[]], {
  error: () => `Use one of the frameworks ${FRAMEWORK_IDS.join(', ')}.`,
});

/** "YYYY-MM-DD" that names a real calendar day. */
export const IsoDateSchema = z.string().check(
  z.trim(),
  z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Write the date as YYYY-MM-DD, e.g. 2026-05-01.' }),
  z.refine((text) => dayFromParts(+text.slice(0, 4), +text.slice(5, 7), +text.slice(8, 10)) !== null, {
    error: 'That day does not exist in the calendar.',
  }),
);

/** What the sidebar and the command pass to write a template. */
export const TemplateRequestSchema = z.object({
  framework: FrameworkIdSchema,
  examples: z.optional(z.boolean()),
  today: z.optional(IsoDateSchema),
  rows: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(10_000))),
  allowOver: z.optional(z.boolean()),
});
export type TemplateRequest = z.infer<typeof TemplateRequestSchema>;

/** One readable sentence from a zod error, for the user ("today: Write the date as YYYY-MM-DD…"). */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Validates a table's shape once at the edge; throws a TypeError with a readable message. */
export function assertRawTable(value: unknown): asserts value is RawTable {
  const result = RawTableSchema.safeParse(value);
  if (!result.success) throw new TypeError(`Not a table of rows: ${describeIssues(result.error)}`);
}
