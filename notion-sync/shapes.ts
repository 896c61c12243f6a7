// Notion's answers are an edge: the parts the mirror reads are checked with zod, so that an API
// change gives a clear message instead of a crash deep in the diff. Other fields pass through.
import { z } from 'zod';

const richText = z.array(z.looseObject({ plain_text: z.string() }));

const propertyValue = z.looseObject({
  id: z.string(),
  type: z.string(),
  title: richText.optional(),
  rich_text: richText.optional(),
  number: z.number().nullable().optional(),
  select: z.looseObject({ name: z.string() }).nullable().optional(),
  date: z.looseObject({ start: z.string() }).nullable().optional(),
  relation: z.array(z.looseObject({ id: z.string() })).optional(),
  has_more: z.boolean().optional(),
});

export const pageShape = z.looseObject({
  id: z.string(),
  created_time: z.string(),
  in_trash: z.boolean().optional(),
  properties: z.record(z.string(), propertyValue),
});

export const blockShape = z.looseObject({
  id: z.string(),
  type: z.string(),
  in_trash: z.boolean().optional(),
  child_database: z.looseObject({ title: z.string() }).optional(),
});

export const databaseShape = z.looseObject({
  id: z.string(),
  created_time: z.string(),
  in_trash: z.boolean().optional(),
  data_sources: z.array(z.looseObject({ id: z.string(), name: z.string() })),
});

export const dataSourceShape = z.looseObject({
  id: z.string(),
  in_trash: z.boolean().optional(),
  properties: z.record(
    z.string(),
    z.looseObject({
      id: z.string(),
      name: z.string(),
      type: z.string(),
      number: z.looseObject({ format: z.string() }).optional(),
      relation: z
        .looseObject({
          data_source_id: z.string(),
          type: z.enum(['single_property', 'dual_property']).optional(),
          dual_property: z.looseObject({ synced_property_id: z.string(), synced_property_name: z.string() }).optional(),
        })
        .optional(),
    }),
  ),
});

export const listShape = <T extends z.ZodType>(item: T) =>
  z.looseObject({ results: z.array(item), has_more: z.boolean(), next_cursor: z.string().nullable() });

export const relationItemShape = z.looseObject({ relation: z.looseObject({ id: z.string() }) });
