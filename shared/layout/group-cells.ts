// Side by side, an upper level's cells sit on its first lower row ("Objective | Owner | Key
// Result": the objective's name and its owner on its first key result's row). A column written
// the way the level column is, once per group (on the rows where that level's groups start, blank
// on the other rows), is that level's: its cells go to the group, not to the row's own item.
import type { PlanItem } from '../types.js';

/** The fields a group's row may carry for the group: who, when, in what state (not its measures). */
const GROUP_FIELDS = ['owner', 'status', 'startDate', 'dueDate'] as const;
type GroupField = (typeof GROUP_FIELDS)[number];

const FIELD_HEADER: Record<GroupField, string> = {
  owner: 'Owner',
  status: 'Status',
  startDate: 'Start date',
  dueDate: 'Due date',
};

function filled(item: PlanItem, field: GroupField): boolean {
  switch (field) {
    case 'owner':
      return item.owner !== '';
    case 'status':
      return item.status !== null || item.statusText !== '';
    default:
      return item[field].state !== 'blank' || item[field].placeholder !== undefined;
  }
}

function move(from: PlanItem, to: PlanItem, field: GroupField, blank: PlanItem): void {
  switch (field) {
    case 'owner':
      to.owner = from.owner;
      from.owner = blank.owner;
      return;
    case 'status':
      to.status = from.status;
      to.statusText = from.statusText;
      from.status = blank.status;
      from.statusText = blank.statusText;
      return;
    default:
      to[field] = from[field];
      from[field] = blank[field];
  }
}

/** The rows of a side-by-side sheet: each row's own item and the groups that start on its row. */
export interface GroupRows {
  /** Items of the deepest level, one per row that has one. */
  items: PlanItem[];
  /** Per item, per upper tier (`tiers` wide): the group item that starts on its row, or null. */
  groups: (PlanItem | null)[];
  tiers: number;
  /** Level name per upper tier, for the reading. */
  levels: readonly string[];
}

/**
 * Moves each group-written field to its groups and says so ("Owner on each Objective's first row
 * read as the Objective's"). A field is a tier's when, with at least two rows where no group of
 * that tier starts, every such row leaves it blank and at least half of the tier's group rows fill
 * it; the highest such tier takes it. A column filled on the lower rows too is theirs, as before.
 */
export function moveGroupFields(rows: GroupRows, blank: PlanItem): string[] {
  const words: string[] = [];
  for (const field of GROUP_FIELDS) {
    const tier = groupTierOf(rows, field);
    if (tier < 0) continue;
    for (let i = 0; i < rows.items.length; i++) {
      const group = rows.groups[i * rows.tiers + tier];
      if (group !== null && filled(rows.items[i], field)) move(rows.items[i], group, field, blank);
    }
    const level = rows.levels[tier];
    words.push(`${FIELD_HEADER[field]} written on each ${level}'s first row read as the ${level}'s`);
  }
  return words;
}

function groupTierOf(rows: GroupRows, field: GroupField): number {
  for (let tier = 0; tier < rows.tiers; tier++) {
    let starts = 0;
    let filledStarts = 0;
    let others = 0;
    let fits = true;
    for (let i = 0; i < rows.items.length && fits; i++) {
      const isFilled = filled(rows.items[i], field);
      if (rows.groups[i * rows.tiers + tier] !== null) {
        starts++;
        if (isFilled) filledStarts++;
      } else {
        others++;
        if (isFilled) fits = false;
      }
    }
    if (fits && others >= 2 && filledStarts > 0 && filledStarts * 2 >= starts) return tier;
  }
  return -1;
}
