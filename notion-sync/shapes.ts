// Notion's answers are an edge: the parts the mirror reads are checked with zod, so that an API
// change gives a clear message instead of a crash deep in the diff. Only what the mirror uses is
// checked: other fields pass through, and a part the mirror reads only for some properties (a
// relation's settings, a number's format, a value's shape) is dropped when it is malformed, so a
// property of a type or shape the mirror does not know never aborts a run.
import { z } from 'zod';

/** A part that is dropped (undefined) instead of failing the whole answer. */
const lenient = <T extends z.ZodType>(shape: T) => shape.optional().catch(undefined);

const richText = z.array(z.looseObject({ plain_text: z.string() }));
const partialUser = z.looseObject({ id: z.string() });

const propertyValue = z.looseObject({
  id: z.string(),
  type: z.string(),
  title: lenient(richText),
  rich_text: lenient(richText),
  number: lenient(z.number().nullable()),
  select: lenient(z.looseObject({ name: z.string() }).nullable()),
  status: lenient(z.looseObject({ name: z.string() }).nullable()),
  date: lenient(z.looseObject({ start: z.string() }).nullable()),
  relation: lenient(z.array(z.looseObject({ id: z.string() }))),
  people: lenient(z.array(z.looseObject({ id: z.string() }))),
  has_more: lenient(z.boolean()),
});

/** A property value the mirror cannot read at all stands as one of an unknown type. */
const UNKNOWN_VALUE = { id: '', type: 'unknown' };

export const pageShape = z.looseObject({
  id: z.string(),
  created_time: z.string(),
  last_edited_time: lenient(z.string()),
  last_edited_by: lenient(partialUser),
  in_trash: lenient(z.boolean()),
  properties: z.record(z.string(), propertyValue.catch(UNKNOWN_VALUE)),
});

export const blockShape = z.looseObject({
  id: z.string(),
  type: z.string(),
  has_children: lenient(z.boolean()),
  in_trash: lenient(z.boolean()),
  child_database: lenient(z.looseObject({ title: z.string() })),
});

export const databaseShape = z.looseObject({
  id: z.string(),
  created_time: z.string(),
  in_trash: lenient(z.boolean()),
  data_sources: z.array(z.looseObject({ id: z.string(), name: z.string() })),
});

const propertySchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  description: lenient(z.string().nullable()),
  number: lenient(z.looseObject({ format: z.string() })),
  relation: lenient(
    z.looseObject({
      data_source_id: z.string(),
      type: lenient(z.enum(['single_property', 'dual_property'])),
      dual_property: lenient(
        z.looseObject({ synced_property_id: z.string(), synced_property_name: lenient(z.string()) }),
      ),
    }),
  ),
});

export const dataSourceShape = z.looseObject({
  id: z.string(),
  in_trash: lenient(z.boolean()),
  created_by: lenient(partialUser),
  properties: z.record(z.string(), propertySchema.catch({ id: '', name: '', type: 'unknown' })),
});

export const listShape = <T extends z.ZodType>(item: T) =>
  z.looseObject({ results: z.array(item), has_more: z.boolean(), next_cursor: z.string().nullable() });

export const relationItemShape = z.looseObject({ relation: z.looseObject({ id: z.string() }) });

export const userShape = z.looseObject({
  id: z.string(),
  type: lenient(z.string()),
  name: lenient(z.string().nullable()),
  person: lenient(z.looseObject({ email: lenient(z.string()) })),
});

export const viewShape = z.looseObject({ id: z.string() });
