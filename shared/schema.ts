import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { dayFromParts } from './dates.js';
import { FRAMEWORK_IDS } from './frameworks.js';
import type { Day, FrameworkId, RawTable } from './types.js';

// Validation at the edges: what an adapter hands to the core (a table, a framework name, a
// "today", the options of the sidebar and the command). Inside the core the types are trusted.
// zod/mini, not classic zod: the add-on bundle (parsed by Apps Script on every execution) holds
// only what is used. Mini loads no messages of its own ("Invalid input" for everything), so the
// English ones classic zod would give are configured here, once, for every schema.
z.config(en());

export const CellValueSchema = z.union([z.string(), z.number(), z.boolean(), z.date(), z.null()]);

/**
 * A table's shape: a header array and an array of row arrays. Cells are not validated one by one
 * here (100,000 rows × 19 cells would cost more than reading the plan); the plan reader accepts
 * any value in a cell and reads what it does not know as text.
 */
export const RawTableSchema = z.object({
  header: z.array(z.unknown()),
  // A plain loop, not z.array(z.array(…)): zod's per-element parse costs ~60 ms per 100,000 rows.
  rows: z.custom<unknown[][]>((rows) => Array.isArray(rows) && rows.every((row) => Array.isArray(row)), {
    error: 'expected an array of rows, each an array of cells',
  }),
  headerRow: z.optional(z.number().check(z.int(), z.positive())),
});

/** A table with every cell validated: for small inputs (a custom function's range, a test fixture). */
export const StrictRawTableSchema = z.object({
  header: z.array(CellValueSchema),
  rows: z.array(z.array(CellValueSchema)),
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

/** An ISO date string read into a Day. */
export const IsoDaySchema = z.pipe(
  IsoDateSchema,
  z.transform((text): Day => dayFromParts(+text.slice(0, 4), +text.slice(5, 7), +text.slice(8, 10)) as Day),
);

/** What the sidebar and the command pass to the core for a run (lint, progress, sync). */
export const RunOptionsSchema = z.object({
  /** Force the framework; otherwise inferred from the levels used. */
  framework: z.optional(FrameworkIdSchema),
  /** "Today" for pace and overdue checks, as YYYY-MM-DD; default the real date. */
  today: z.optional(IsoDateSchema),
  /** Show progress above 100 % on the row itself. */
  allowOver: z.optional(z.boolean()),
});
export type RunOptions = z.infer<typeof RunOptionsSchema>;

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

