import type { Framework, FrameworkId, LevelName } from './types.js';

export const FRAMEWORKS: Readonly<Record<FrameworkId, Framework>> = {
  okr: {
    id: 'okr',
    label: 'OKR',
    levels: ['Objective', 'Key Result', 'Task'],
    description: 'Objectives, measurable key results, and the tasks that move them.',
  },
  project: {
    id: 'project',
    label: 'Project',
    levels: ['Goal', 'Objective', 'Milestone', 'Task'],
    description: 'A project goal, sprint-sized objectives, milestones that confirm them, tasks.',
  },
  alignment: {
    id: 'alignment',
    label: 'Alignment',
    levels: ['Purpose', 'Vision', 'Outcome', 'Objective', 'Key Result', 'Tactic', 'Task'],
    description: 'From purpose and vision down to the tactics and tasks of every day.',
  },
  personal: {
    id: 'personal',
    label: 'Personal',
    levels: ['Goal', 'Subgoal', 'Task'],
    description: 'A personal goal, its subgoals and next actions, with replanning when it slips.',
  },
};

export const FRAMEWORK_IDS = Object.keys(FRAMEWORKS) as FrameworkId[];

export const ALL_LEVELS: readonly LevelName[] = [
  'Purpose',
  'Vision',
  'Outcome',
  'Goal',
  'Objective',
  'Key Result',
  'Milestone',
  'Subgoal',
  'Tactic',
  'Task',
];

/**
 * Other names people give the levels: plurals, abbreviations, and the Spanish, German, French and
 * Portuguese words, and the common Chinese, Japanese and Korean ones (compared lower case, without
 * accents). Initiatives and actions are the work under a key result or goal: Task. A KPI is a
 * measured result under an objective: Key Result.
 */
const LEVEL_ALIASES: Record<string, LevelName> = {
  kr: 'Key Result',
  krs: 'Key Result',
  keyresult: 'Key Result',
  keyresults: 'Key Result',
  'key result': 'Key Result',
  'key results': 'Key Result',
  'key-result': 'Key Result',
  'key-results': 'Key Result',
  'resultado clave': 'Key Result',
  'resultados clave': 'Key Result',
  schlusselergebnis: 'Key Result',
  schlusselergebnisse: 'Key Result',
  'resultat cle': 'Key Result',
  'resultats cles': 'Key Result',
  objectives: 'Objective',
  obj: 'Objective',
  objetivo: 'Objective',
  objetivos: 'Objective',
  objectif: 'Objective',
  objectifs: 'Objective',
  goals: 'Goal',
  meta: 'Goal',
  metas: 'Goal',
  ziel: 'Goal',
  ziele: 'Goal',
  but: 'Goal',
  buts: 'Goal',
  milestones: 'Milestone',
  hito: 'Milestone',
  hitos: 'Milestone',
  meilenstein: 'Milestone',
  meilensteine: 'Milestone',
  jalon: 'Milestone',
  jalons: 'Milestone',
  'sub-goal': 'Subgoal',
  'sub goal': 'Subgoal',
  subgoals: 'Subgoal',
  'sub-goals': 'Subgoal',
  'sub goals': 'Subgoal',
  subobjetivo: 'Subgoal',
  teilziel: 'Subgoal',
  'sous-objectif': 'Subgoal',
  tasks: 'Task',
  initiative: 'Task',
  initiatives: 'Task',
  action: 'Task',
  actions: 'Task',
  'action item': 'Task',
  'action items': 'Task',
  todo: 'Task',
  tarea: 'Task',
  tareas: 'Task',
  iniciativa: 'Task',
  iniciativas: 'Task',
  aufgabe: 'Task',
  aufgaben: 'Task',
  massnahme: 'Task',
  massnahmen: 'Task',
  tache: 'Task',
  taches: 'Task',
  tactics: 'Tactic',
  tactica: 'Tactic',
  tacticas: 'Tactic',
  taktik: 'Tactic',
  tactique: 'Tactic',
  kpi: 'Key Result',
  kpis: 'Key Result',
  'resultado-chave': 'Key Result',
  'resultados-chave': 'Key Result',
  'resultado chave': 'Key Result',
  'resultados chave': 'Key Result',
  marco: 'Milestone',
  marcos: 'Milestone',
  tarefa: 'Task',
  tarefas: 'Task',
  目标: 'Objective',
  目標: 'Objective',
  목표: 'Objective',
  关键结果: 'Key Result',
  關鍵結果: 'Key Result',
  主要な結果: 'Key Result',
  成果指標: 'Key Result',
  '핵심 결과': 'Key Result',
  핵심결과: 'Key Result',
  里程碑: 'Milestone',
  マイルストーン: 'Milestone',
  마일스톤: 'Milestone',
  任务: 'Task',
  任務: 'Task',
  タスク: 'Task',
  작업: 'Task',
  과제: 'Task',
  outcomes: 'Outcome',
  visions: 'Vision',
  vision: 'Vision',
  purposes: 'Purpose',
  proposito: 'Purpose',
  zweck: 'Purpose',
};
const LEVEL_BY_TEXT = new Map<string, LevelName>(ALL_LEVELS.map((l) => [l.toLowerCase(), l]));
for (const [alias, level] of Object.entries(LEVEL_ALIASES)) LEVEL_BY_TEXT.set(levelKey(alias), level);

/** How level names are compared: lower case, no accents, ß as ss, spaces collapsed. */
function levelKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "key result", " KR ", "TASK", "Objectives", "Hito" → the level name; null when it names no level. */
export function levelFromText(text: string): LevelName | null {
  return LEVEL_BY_TEXT.get(levelKey(text)) ?? null;
}

/** Every text that reads as a level (lower case, without accents): names, plurals, other languages. */
export const LEVEL_TEXTS: readonly string[] = [...LEVEL_BY_TEXT.keys()];

/**
 * Every text (lower case, trimmed, as a spreadsheet's LOWER(TRIM()) sees it) that reads as the
 * Milestone level, for the live Progress formula, which must treat a "Milestones" row as the core does.
 */
export const MILESTONE_LEVEL_TEXTS: readonly string[] = [...LEVEL_BY_TEXT]
  .filter(([, level]) => level === 'Milestone')
  .map(([text]) => text.normalize('NFC'));

export function isFrameworkId(text: string): text is FrameworkId {
  return Object.prototype.hasOwnProperty.call(FRAMEWORKS, text);
}

/** 0 for the top level; -1 when the level is not in the framework. */
export function levelRank(framework: Framework, level: LevelName | null): number {
  return level === null ? -1 : framework.levels.indexOf(level);
}

/**
 * The frameworks whose levels cover most of the levels used, best first: the smallest one first
 * (a plan of Objective/Key Result/Task is OKR, not alignment), then in FRAMEWORKS order. More than
 * one when the levels fit several equally (Goal and Task: personal and project). Empty when no
 * level is known.
 */
export function fittingFrameworks(levelsUsed: Iterable<LevelName>): Framework[] {
  const used = new Set(levelsUsed);
  const covered = (framework: Framework) => framework.levels.filter((l) => used.has(l)).length;
  const most = Math.max(0, ...Object.values(FRAMEWORKS).map(covered));
  if (most === 0) return [];
  return Object.values(FRAMEWORKS)
    .filter((framework) => covered(framework) === most)
    .sort((a, b) => a.levels.length - b.levels.length);
}

/**
 * The level right above `level` in the smallest framework where something is above it
 * (Key Result → Objective, Objective → Goal, Milestone → Objective); null for a top level.
 */
export function levelAbove(level: LevelName): LevelName | null {
  const holding = Object.values(FRAMEWORKS)
    .filter((f) => f.levels.indexOf(level) > 0)
    .sort((a, b) => a.levels.length - b.levels.length);
  return holding.length === 0 ? null : holding[0].levels[holding[0].levels.indexOf(level) - 1];
}

/** "Key Result" → "Key Results", for Notion database titles and summaries. */
export function pluralLevel(level: LevelName): string {
  return level.endsWith('s') ? level : `${level}s`;
}
