// The views a new database gets, as a team that lives in Notion would set them up: a table sorted
// by Cascade ID with the internal columns hidden, a board by Status, and a timeline from Start date
// to Due date when the level's rows have dates. They are made once, with the database: a view a
// person changes or deletes afterwards stays as they left it.
import type { NotionDataSource } from './api.js';
import { ourProperties } from './properties.js';
import type { NotionKey } from './schema.js';
import type { MirrorRow } from './types.js';

/** A views.create request (without the data source, which the caller adds). */
export interface ViewRequest {
  name: string;
  type: 'table' | 'board' | 'timeline';
  sorts?: { property: string; direction: 'ascending' | 'descending' }[];
  configuration: Record<string, unknown>;
}

/** Columns people rarely read: hidden in the table view (still there, and in the default view). */
const INTERNAL: readonly NotionKey[] = ['id', 'check', 'weight', 'sync'];
/** The metric columns, hidden too on a level where no row has a metric. */
const METRICS: readonly NotionKey[] = ['type', 'start', 'target', 'current', 'unit'];

export function viewRequests(schema: NotionDataSource, rows: readonly MirrorRow[]): ViewRequest[] {
  const ours = ourProperties(schema).byKey;
  const id = (key: NotionKey) => ours[key]?.id;
  const has = (key: 'startDate' | 'dueDate' | (typeof METRICS)[number]) =>
    rows.some((r) => r.values[key as keyof MirrorRow['values']] !== null);
  const hidden = [...INTERNAL, ...(METRICS.some((k) => has(k as 'type')) ? [] : METRICS)]
    .map(id)
    .filter((x): x is string => x !== undefined)
    .map((property_id) => ({ property_id, visible: false }));
  const views: ViewRequest[] = [];
  const cascadeId = ours.id?.name;
  views.push({
    name: 'Table',
    type: 'table',
    ...(cascadeId ? { sorts: [{ property: cascadeId, direction: 'ascending' as const }] } : {}),
    configuration: { type: 'table', properties: hidden },
  });
  const status = id('status');
  if (status)
    views.push({
      name: 'Board',
      type: 'board',
      configuration: { type: 'board', group_by: { type: 'select', property_id: status, sort: { type: 'manual' } } },
    });
  const start = has('startDate') ? id('startDate') : undefined;
  const due = has('dueDate') ? id('dueDate') : undefined;
  if (start || due) {
    views.push({
      name: 'Timeline',
      type: 'timeline',
      configuration: {
        type: 'timeline',
        date_property_id: start ?? due,
        ...(start && due ? { end_date_property_id: due } : {}),
      },
    });
  }
  return views;
}
