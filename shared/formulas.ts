import { MILESTONE_LEVEL_TEXTS } from './frameworks.js';
import { MILESTONE_DONE_TEXTS } from './progress.js';

// The live Progress formula of a spreadsheet row. It uses only functions that Google Sheets,
// Excel and HyperFormula share (IF, AND, OR, NOT, ISNUMBER, TRIM, LOWER, MIN, MAX), no array
// literals (their separators depend on the locale) and no LET, and computes the same value as
// measure() in progress.ts for a measured row whose numbers are numeric cells:
//   Status Done → 1; milestone (Type, or a Milestone row without Target, the level written in
//   any of the spellings the core reads: Milestones, Hito, Meilenstein…) → 1/0 from Current;
//   no Target → ""; a non-number in Start/Target/Current → ""; at least / at most → 1/0;
//   linear (increase, decrease, blank or unknown Type) → (Current − Start) / (Target − Start)
//   with a blank Start 0 (a decrease needs one) and a blank Current = Start, clamped to 0..1;
//   Start = Target → "".
// Rows without their own measure (roll-ups, plain tasks) get "" and are filled by the tools.

/** Column letters the formula reads. `level` is optional (without it, Type decides milestones). */
export interface ProgressFormulaColumns {
  type: string;
  start: string;
  target: string;
  current: string;
  status: string;
  level?: string;
}

export interface ProgressFormulaOptions {
  /** Show progress above 100 % (the lower bound 0 stays). */
  allowOver?: boolean;
}

/** `OR(x="a",x="b")`: the text is one of these (lower case, as LOWER(TRIM()) gives it). */
function anyOf(expression: string, texts: readonly string[]): string {
  return texts.length === 1
    ? `${expression}="${texts[0]}"`
    : `OR(${texts.map((text) => `${expression}="${text}"`).join(',')})`;
}

/** "Type", "Start", … letters → the formula for spreadsheet row `row` ("=IF(…)"). */
export function progressFormula(
  columns: ProgressFormulaColumns,
  row: number,
  options: ProgressFormulaOptions = {},
): string {
  const cell = (letter: string) => `${letter}${row}`;
  const t = `LOWER(TRIM(${cell(columns.type)}))`;
  const s = cell(columns.start);
  const g = cell(columns.target);
  const c = cell(columns.current);
  const blank = (ref: string) => `TRIM(${ref})=""`;
  const notNumber = (ref: string) => `AND(NOT(${blank(ref)}),NOT(ISNUMBER(${ref})))`;
  const done = `LOWER(TRIM(${cell(columns.status)}))="done"`;
  const milestone = columns.level
    ? `OR(${t}="milestone",AND(${blank(g)},${anyOf(`LOWER(TRIM(${cell(columns.level)}))`, MILESTONE_LEVEL_TEXTS)}))`
    : `${t}="milestone"`;
  const currentText = `LOWER(TRIM(${c}))`;
  const reached = anyOf(currentText, MILESTONE_DONE_TEXTS);
  const startValue = `IF(${blank(s)},0,${s})`;
  const currentValue = `IF(${blank(c)},${startValue},${c})`;
  const ratio = `(${currentValue}-${startValue})/(${g}-${startValue})`;
  const clamped = options.allowOver ? `MAX(0,${ratio})` : `MAX(0,MIN(1,${ratio}))`;
  return (
    `=IF(${done},1,` +
    `IF(${milestone},IF(${reached},1,0),` +
    `IF(${blank(g)},"",` +
    `IF(OR(${notNumber(s)},NOT(ISNUMBER(${g})),${notNumber(c)}),"",` +
    `IF(${t}="at least",IF(${blank(c)},0,IF(${c}>=${g},1,0)),` +
    `IF(${t}="at most",IF(${blank(c)},0,IF(${c}<=${g},1,0)),` +
    `IF(AND(${t}="decrease",${blank(s)}),"",` +
    `IF(${g}=${startValue},"",${clamped}))))))))`
  );
}
