// Corpus benchmark: the real planning tables of tests/fixtures/real/ (SOURCES.md), each read the
// way the `cascade` command reads it, measured against what a manager should get
// (tests/corpus/expectations.ts). Prints, per table and in total: loaded as written, items with the
// right level and parent, false errors per 100 rows, and the expectations still listed as known
// gaps. The tuning set (CORPUS, which the reading was tuned on) and the held-out set (HOLDOUT,
// added after tuning and never tuned on) are printed apart: the held-out figures are the honest
// measure of how the reading generalises. Figures only; tests/corpus/real-plans.test.ts asserts them.
import { ALL_TABLES, type TableExpectation } from '../tests/corpus/expectations.js';
import { evaluateTable, type TableResult } from '../tests/corpus/evaluate.js';
import { writeKnownGaps } from '../tests/corpus/gaps-file.js';
import { gapKey, KNOWN_GAPS } from '../tests/corpus/known-gaps.js';

export interface CorpusFigures {
  tables: number;
  /** Tables a manager expects to load, and how many did. */
  loadExpected: number;
  loaded: number;
  /** Tables a manager expects NOT to load (a broken file) that are refused with a clear error. */
  refuseExpected: number;
  refused: number;
  /** Level and parent expectations met, of all stated. */
  structuralOk: number;
  structural: number;
  /** False errors in the tables that loaded, and their data rows. */
  falseErrors: number;
  rowsLoaded: number;
  checksOk: number;
  checks: number;
  knownGaps: number;
}

/** Figures over `results`, each judged by the expectation of the same index in `tables`. */
export function corpusFigures(tables: readonly TableExpectation[], results: readonly TableResult[]): CorpusFigures {
  const f: CorpusFigures = {
    tables: results.length,
    loadExpected: 0,
    loaded: 0,
    refuseExpected: 0,
    refused: 0,
    structuralOk: 0,
    structural: 0,
    falseErrors: 0,
    rowsLoaded: 0,
    checksOk: 0,
    checks: 0,
    knownGaps: 0,
  };
  results.forEach((r, i) => {
    const expected = tables[i];
    f.knownGaps += r.checks.filter((c) => KNOWN_GAPS[gapKey(r.file, c.id)] !== undefined).length;
    if (expected.loads) {
      f.loadExpected++;
      if (r.loaded) f.loaded++;
    } else {
      f.refuseExpected++;
      if (r.checks.every((c) => c.ok)) f.refused++;
    }
    if (r.loaded) {
      f.falseErrors += r.falseErrors.length;
      f.rowsLoaded += r.rows;
    }
    for (const c of r.checks) {
      f.checks++;
      if (c.ok) f.checksOk++;
      if (c.structural) {
        f.structural++;
        if (c.ok) f.structuralOk++;
      }
    }
  });
  return f;
}

const per100 = (errors: number, rows: number) =>
  rows === 0 ? 'n/a (none loaded)' : ((100 * errors) / rows).toFixed(1);

function printSet(title: string, tables: readonly TableExpectation[], results: readonly TableResult[]): void {
  console.log(`\n${title}`);
  console.log(
    `${'table'.padEnd(38)} ${'rows'.padStart(5)}  ${'loaded'.padEnd(7)} ${'level+parent'.padStart(12)} ${'false errors'.padStart(12)} ${'gaps'.padStart(5)}`,
  );
  results.forEach((r, i) => {
    const structural = r.checks.filter((c) => c.structural);
    const gaps = r.checks.filter((c) => KNOWN_GAPS[gapKey(r.file, c.id)] !== undefined).length;
    const loaded = r.loaded ? 'yes' : tables[i].loads ? 'NO' : 'no (ok)';
    const levels = structural.length ? `${structural.filter((c) => c.ok).length}/${structural.length}` : '—';
    console.log(
      `${r.file.padEnd(38)} ${String(r.rows).padStart(5)}  ${loaded.padEnd(7)} ${levels.padStart(12)} ${(r.loaded ? String(r.falseErrors.length) : '—').padStart(12)} ${String(gaps).padStart(5)}`,
    );
  });
  const f = corpusFigures(tables, results);
  console.log(`tables loaded as written:           ${f.loaded}/${f.loadExpected}`);
  if (f.refuseExpected > 0) console.log(`broken tables refused clearly:      ${f.refused}/${f.refuseExpected}`);
  console.log(`items with the right level, parent: ${f.structuralOk}/${f.structural}`);
  console.log(
    `false errors per 100 rows:          ${per100(f.falseErrors, f.rowsLoaded)} (${f.falseErrors} in ${f.rowsLoaded} rows of the tables that loaded)`,
  );
  console.log(`expectations met:                   ${f.checksOk}/${f.checks} (known gaps listed: ${f.knownGaps})`);
}

export async function run(): Promise<void> {
  const results = await Promise.all(ALL_TABLES.map(evaluateTable));
  const held = ALL_TABLES.map((t) => t.holdout === true);
  const pick = <T>(list: readonly T[], holdout: boolean) => list.filter((_, i) => held[i] === holdout);
  console.log('\nReal plans (tests/fixtures/real: tables other teams published, read as written)');
  printSet('Tuning set (the reading was tuned on these)', pick(ALL_TABLES, false), pick(results, false));
  printSet('Held-out set (added after tuning, never tuned on)', pick(ALL_TABLES, true), pick(results, true));
}

// `node --import tsx bench/corpus.ts --write-gaps`: list today's unmet expectations as known gaps.
if (
  process.argv[1] &&
  import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/')) &&
  process.argv.includes('--write-gaps')
) {
  const count = await writeKnownGaps(ALL_TABLES, await Promise.all(ALL_TABLES.map(evaluateTable)));
  console.log(`tests/corpus/known-gaps.ts: ${count} known gaps`);
}
