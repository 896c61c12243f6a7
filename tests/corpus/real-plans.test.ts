// The corpus of real planning tables (tests/fixtures/real/, SOURCES.md): each table read through
// the command's reader and the core, checked against what a manager should get
// (expectations.ts). An expectation Cascade does not meet yet is named in known-gaps.ts and runs as
// it.fails, so it turns red the day it starts to pass and must then leave the list.
import { describe, expect, it } from 'vitest';
import { ALL_TABLES, CORPUS, HOLDOUT } from './expectations.js';
import { evaluateTable, type TableResult } from './evaluate.js';
import { gapKey, KNOWN_GAPS } from './known-gaps.js';

// Read once, before the tests are collected: the checks come from the expectations, the result
// only decides whether each passes.
const results: TableResult[] = await Promise.all(ALL_TABLES.map(evaluateTable));

const holdoutFiles = new Set(HOLDOUT.map((t) => t.file));

describe('real planning tables', () => {
  it('has at least 15 tuning tables and 6 held-out ones, each file listed once', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(15);
    expect(HOLDOUT.length).toBeGreaterThanOrEqual(6);
    expect(new Set(ALL_TABLES.map((t) => t.file)).size).toBe(ALL_TABLES.length);
  });

  it('keeps the held-out set apart: every HOLDOUT table is flagged, no tuning table is', () => {
    expect(HOLDOUT.every((t) => t.holdout === true)).toBe(true);
    expect(CORPUS.some((t) => t.holdout)).toBe(false);
  });

  it('lists no known gap that names a check that does not exist', () => {
    const ids = new Set<string>();
    for (const result of results) for (const check of result.checks) ids.add(gapKey(result.file, check.id));
    expect(Object.keys(KNOWN_GAPS).filter((key) => !ids.has(key))).toEqual([]);
  });

  for (const { file, checks } of results) {
    describe(holdoutFiles.has(file) ? `${file} (held out)` : file, () => {
      for (const check of checks) {
        const gap = KNOWN_GAPS[gapKey(file, check.id)];
        const test = gap ? it.fails : it;
        test(gap ? `${check.id} (known gap: ${gap})` : check.id, () => {
          expect(check.ok, `${file}: ${check.id}: got ${check.got}`).toBe(true);
        });
      }
    });
  }
});
