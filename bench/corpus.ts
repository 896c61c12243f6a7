// Corpus benchmark: the real planning tables of tests/fixtures/real/ (SOURCES.md), each read the
// way the `cascade` command reads it, measured against what a manager should get
// (tests/corpus/expectations.ts). Prints, per table and in total: loaded as written, items with the
// right level and parent, false errors per 100 rows, and the expectations still listed as known
// gaps. Figures only; tests/corpus/real-plans.test.ts is what asserts them.
import { CORPUS } from '../tests/corpus/expectations.js';
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

export function corpusFigures(results: readonly TableResult[]): CorpusFigures {
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
    knownGaps: Object.keys(KNOWN_GAPS).length,
  };
  results.forEach((r, i) => {
    const expected = CORPUS[i];
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

export async function run(): Promise<void> {
  const results = await Promise.all(CORPUS.map(evaluateTable));
  console.log('\nReal plans (tests/fixtures/real: tables other teams published, read as written)');
  console.log(
    `${'table'.padEnd(36)} ${'rows'.padStart(5)}  ${'loaded'.padEnd(6)} ${'level+parent'.padStart(12)} ${'false errors'.padStart(12)} ${'gaps'.padStart(5)}`,
  );
  for (const r of results) {
    const structural = r.checks.filter((c) => c.structural);
    const gaps = r.checks.filter((c) => KNOWN_GAPS[gapKey(r.file, c.id)] !== undefined).length;
    const loaded = r.loaded ? 'yes' : CORPUS.find((t) => t.file === r.file)?.loads ? 'NO' : 'no (ok)';
    const levels = structural.length ? `${structural.filter((c) => c.ok).length}/${structural.length}` : '—';
    console.log(
      `${r.file.padEnd(36)} ${String(r.rows).padStart(5)}  ${loaded.padEnd(6)} ${levels.padStart(12)} ${(r.loaded ? String(r.falseErrors.length) : '—').padStart(12)} ${String(gaps).padStart(5)}`,
    );
  }
  const f = corpusFigures(results);
  console.log(`tables loaded as written:           ${f.loaded}/${f.loadExpected}`);
  console.log(`broken tables refused clearly:      ${f.refused}/${f.refuseExpected}`);
  console.log(`items with the right level, parent: ${f.structuralOk}/${f.structural}`);
  console.log(
    `false errors per 100 rows:          ${per100(f.falseErrors, f.rowsLoaded)} (${f.falseErrors} in ${f.rowsLoaded} rows of the tables that loaded)`,
  );
  console.log(`expectations met:                   ${f.checksOk}/${f.checks} (known gaps listed: ${f.knownGaps})`);
}

// `node --import tsx bench/corpus.ts --write-gaps`: list today's unmet expectations as known gaps.
if (
  process.argv[1] &&
  import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/')) &&
  process.argv.includes('--write-gaps')
) {
  const count = await writeKnownGaps(CORPUS, await Promise.all(CORPUS.map(evaluateTable)));
  console.log(`tests/corpus/known-gaps.ts: ${count} known gaps`);
}
