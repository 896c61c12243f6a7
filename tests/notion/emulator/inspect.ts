// What the workspace holds, read directly for the tests' assertions (no request, no log entry).
import type { DateValue, Model, PropDef, StoredValue } from './model.js';
import { plainText } from './rich-text.js';
import type { StoredText } from './rich-text.js';

export type PlainValue = string | number | boolean | string[] | null;

export interface Row {
  id: string;
  createdTime: string;
  inTrash: boolean;
  values: Record<string, PlainValue>;
}

export interface DatabaseView {
  id: string;
  title: string;
  dataSourceId: string;
  /** Property name → type ("relation → <data source title>" for relations). */
  schema: Record<string, string>;
  props: PropDef[];
}

export function databasesUnder(model: Model, pageId: string): DatabaseView[] {
  return (model.children.get(pageId) ?? [])
    .filter((b) => b.type === 'child_database')
    .map((b) => model.databases.get(b.ref!)!)
    .filter((db) => !db.inTrash)
    .map((db) => {
      const ds = model.dataSources.get(db.dataSources[0])!;
      const schema: Record<string, string> = {};
      for (const p of ds.props) {
        schema[p.name] =
          p.type === 'relation' ? `relation → ${model.dataSources.get(p.relation!.dataSourceId)?.title}` : p.type;
      }
      return { id: db.id, title: db.title, dataSourceId: ds.id, schema, props: ds.props };
    });
}

export function database(model: Model, pageId: string, title: string): DatabaseView {
  const found = databasesUnder(model, pageId).filter((d) => d.title === title);
  if (found.length !== 1) throw new Error(`expected one database "${title}", found ${found.length}`);
  return found[0];
}

/** Every page of a data source (trashed ones too, flagged), values by property name. */
export function rowsOf(model: Model, dataSourceId: string): Row[] {
  const ds = model.dataSources.get(dataSourceId)!;
  return model.pagesOf(dataSourceId).map((page) => {
    const values: Record<string, PlainValue> = {};
    for (const prop of ds.props) values[prop.name] = plain(model, prop, page.values.get(prop.id));
    return { id: page.id, createdTime: page.createdTime, inTrash: page.inTrash, values };
  });
}

/** The pages not in the trash, by Cascade ID. */
export function liveRows(model: Model, dataSourceId: string): Map<string, Row> {
  const rows = rowsOf(model, dataSourceId).filter((r) => !r.inTrash);
  return new Map(rows.map((r) => [String(r.values['Cascade ID']), r]));
}

function plain(model: Model, prop: PropDef, value: StoredValue | undefined): PlainValue {
  if (value === undefined || value === null)
    return prop.type === 'relation' || prop.type === 'multi_select' || prop.type === 'people' ? [] : null;
  switch (prop.type) {
    case 'title':
    case 'rich_text': {
      const text = plainText(value as StoredText[]);
      return text === '' ? null : text;
    }
    case 'select':
    case 'status':
      return prop.options!.find((o) => o.id === value)?.name ?? null;
    case 'people':
      return (value as string[]).map((id) => model.users.get(id)?.name ?? '?');
    case 'multi_select':
      return (value as string[]).map((id) => prop.options!.find((o) => o.id === id)?.name ?? '?');
    case 'date':
      return (value as DateValue).start;
    case 'relation':
      return model.liveTargets(value as string[]);
    default:
      return value as PlainValue;
  }
}
