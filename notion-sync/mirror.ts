// Plan → the desired Notion state. Every figure (progress, pace, the Check text) comes from shared/;
// this file only places each row in its level's database and shapes its values for Notion.
import {
  checkPlan,
  checkSummary,
  computeProgress,
  findingsByRow,
  idKey,
  isoFromDay,
  lastCheckInNotes,
  levelRank,
  roundFraction,
} from '../shared/index.js';
import type { CheckIn, Day, Finding, Parsed, Plan, PlanItem, ProgressItem } from '../shared/index.js';
import { PROPERTIES } from './schema.js';
import type { MirroredKey } from './schema.js';
import { fitOptionName, isCut } from './text.js';
import type { CutText, MirrorPlan, MirrorRow, SkippedRow, Value } from './types.js';

export interface MirrorOptions {
  today: Day;
  /** The plan's check-in history: each row's last note, and the Check-ins database's pages. */
  history?: readonly CheckIn[];
}

/** The plan, with its computed progress, pace and check, as one database of rows per level. */
export function buildMirror(plan: Plan, options: MirrorOptions): MirrorPlan {
  const progress = computeProgress(plan, { today: options.today });
  const findings = checkPlan(plan, { today: options.today });
  const history = options.history ?? [];
  return { ...mirrorFrom(plan, progress, findings, lastCheckInNotes(history)), history };
}

/** As buildMirror, from results already computed (the command computes them once). */
export function mirrorFrom(
  plan: Plan,
  progress: readonly ProgressItem[],
  findings: readonly Finding[],
  notes: ReadonlyMap<string, string> = new Map(),
): MirrorPlan {
  const { framework, items, tree } = plan;
  const progressByRow = new Map(progress.map((p) => [p.row, p]));
  const findingsOfRow = findingsByRow(findings);

  const levels = framework.levels.map((level) => ({ level, rows: [] as MirrorRow[] }));
  const skipped: SkippedRow[] = [];
  const cut: CutText[] = [];
  const duplicates = new Set(tree.duplicateIds);

  for (const item of items) {
    const reason = skipReason(plan, item, duplicates.has(item.index));
    if (reason) {
      skipped.push({ row: item.row, id: item.id, reason });
      continue;
    }
    const level = item.level!;
    const parentIndex = tree.parent[item.index];
    const parentItem = parentIndex >= 0 ? items[parentIndex] : null;
    const parent =
      parentItem &&
      levelRank(framework, parentItem.level) >= 0 &&
      levelRank(framework, parentItem.level) < levelRank(framework, level)
        ? { key: keyOf(parentItem.id), level: parentItem.level! }
        : null;
    const values = valuesOf(
      item,
      progressByRow.get(item.row),
      findingsOfRow.get(item.row) ?? [],
      notes.get(keyOf(item.id)) || null,
    );
    for (const p of PROPERTIES) {
      const v = values[p.key];
      if (typeof v === 'string' && (p.kind === 'title' || p.kind === 'rich_text') && isCut(v)) {
        cut.push({ row: item.row, id: item.id, column: p.name });
      }
    }
    levels[levelRank(framework, level)].rows.push({ key: keyOf(item.id), row: item.row, level, parent, values });
  }
  return { framework, levels, skipped, cut };
}

/** How pages are matched to rows: the ID as the plan itself compares IDs (trimmed, any case). */
export const keyOf = idKey;

function skipReason(plan: Plan, item: PlanItem, duplicate: boolean): string | null {
  if (item.id === '') return 'no ID (fill blank IDs with "cascade progress FILE --write", then sync again)';
  if (duplicate) return `its ID repeats an earlier row's; only the first row with ID ${item.id} is mirrored`;
  if (levelRank(plan.framework, item.level) < 0) {
    const levelText = item.levelText || '(blank)';
    return `level "${levelText}" is not a level of the ${plan.framework.label} framework`;
  }
  return null;
}

function valuesOf(
  item: PlanItem,
  progress: ProgressItem | undefined,
  findings: readonly Finding[],
  lastNote: string | null,
): Record<MirroredKey, Value> {
  return {
    id: item.id,
    title: item.title || null,
    owner: item.owner || null,
    // Filled by the sync from the workspace's members (people.ts).
    ownerPerson: null,
    type: item.type ?? optionOf(item.typeText),
    start: numberOf(item.start),
    target: numberOf(item.target),
    current: numberOf(item.current),
    unit: item.unit || null,
    startDate: dateOf(item.startDate),
    dueDate: dateOf(item.dueDate),
    review:
      item.review.state === 'ok' ? item.review.value.text : item.review.state === 'invalid' ? item.review.text : null,
    lastCheckIn: dateOf(item.lastCheckIn),
    lastNote,
    status: item.status ?? optionOf(item.statusText),
    weight: numberOf(item.weight),
    progress: roundFraction(progress?.progress ?? null),
    pace: progress?.status ?? null,
    check: checkSummary(findings) || null,
  };
}

function numberOf(cell: Parsed<number>): number | null {
  return cell.state === 'ok' && Number.isFinite(cell.value) ? cell.value : null;
}

/** Notion takes ISO dates of years 0000–9999 only; a date beyond is left blank (the check flags it). */
function dateOf(cell: Parsed<Day>): string | null {
  if (cell.state !== 'ok') return null;
  const iso = isoFromDay(cell.value);
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : null;
}

/** A Type or Status that is not one of the known values is still shown, as Notion allows it. */
function optionOf(text: string): string | null {
  const name = fitOptionName(text);
  return name === '' ? null : name;
}
