// The views a new database gets (table by Cascade ID without the internal columns, board by
// Status, timeline where the level has dates), made once: people's changes to them are kept.
import { Client } from '@notionhq/client';
import { describe, expect, it } from 'vitest';
import { okrPlan, world } from './helpers.js';
import type { World } from './helpers.js';

function viewsOf(w: World, title: string) {
  const db = w.db(title);
  const nameOf = (id: unknown) => db.props.find((p) => p.id === id)?.name;
  return [...w.emu.model.views.values()]
    .filter((v) => v.databaseId === db.id)
    .map((v) => {
      const config = v.settings.configuration as Record<string, any>;
      return {
        name: v.name,
        type: v.type,
        sorts: v.settings.sorts,
        hidden: (config.properties ?? [])
          .filter((p: any) => p.visible === false)
          .map((p: any) => nameOf(p.property_id)),
        groupBy: nameOf(config.group_by?.property_id),
        dates: [nameOf(config.date_property_id), nameOf(config.end_date_property_id)].filter(Boolean),
      };
    });
}

describe('views', () => {
  it('gives each new database a table by Cascade ID without the internal columns, a board by Status and a timeline', async () => {
    const w = await world();
    const report = await w.sync(okrPlan());
    const internal = ['Cascade ID', 'Check', 'Weight', 'Cascade sync'];
    const metrics = ['Type', 'Start', 'Target', 'Current', 'Unit'];
    const table = (hidden: string[]) => ({
      name: 'Table',
      type: 'table',
      sorts: [{ property: 'Cascade ID', direction: 'ascending' }],
      hidden,
      groupBy: undefined,
      dates: [],
    });
    const board = { name: 'Board', type: 'board', sorts: undefined, hidden: [], groupBy: 'Status', dates: [] };
    const timeline = (dates: string[]) => ({
      name: 'Timeline',
      type: 'timeline',
      sorts: undefined,
      hidden: [],
      groupBy: undefined,
      dates,
    });
    expect(viewsOf(w, 'Objectives')).toEqual([
      table([...internal, ...metrics]),
      board,
      timeline(['Start date', 'Due date']),
    ]);
    expect(viewsOf(w, 'Key Results')).toEqual([table(internal), board, timeline(['Due date'])]);
    expect(viewsOf(w, 'Tasks')).toEqual([table([...internal, ...metrics]), board, timeline(['Due date'])]);
    // A constant per database: its create, one read of its properties, three views.
    expect(report.calls.byKind).toMatchObject({
      'databases.create': 3,
      'dataSources.retrieve': 3,
      'views.create': 9,
      'pages.create': 8,
    });
  });

  it("keeps people's changes to the views, and a view they deleted stays deleted", async () => {
    const w = await world();
    await w.sync(okrPlan());
    const notion = new Client({
      auth: w.emu.addPerson('Ana Silva').token,
      baseUrl: w.emu.url,
      retry: false,
      logger: () => {},
    });
    const [table, board] = [...w.emu.model.views.values()].filter((v) => v.databaseId === w.db('Key Results').id);
    await notion.views.delete({ view_id: board.id });
    await notion.views.update({
      view_id: table.id,
      name: 'All key results',
      sorts: [{ property: 'Due date', direction: 'descending' }],
    });
    w.emu.clearLog();
    const rows = okrPlan();
    rows[1].Current = 30;
    await w.sync(rows);
    expect(w.emu.writes().map((e) => e.kind)).toEqual(['pages.update', 'pages.update']);
    expect(viewsOf(w, 'Key Results').map((v) => [v.name, v.sorts])).toEqual([
      ['All key results', [{ property: 'Due date', direction: 'descending' }]],
      ['Timeline', undefined],
    ]);
  });
});
