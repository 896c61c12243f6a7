// The corpus of real planning tables (tests/fixtures/real/, SOURCES.md): each table read through
// the command's reader and the core, checked against what a manager should get
// (expectations.ts). An expectation Cascade does not meet yet is named in known-gaps.ts and runs as
// it.fails, so it turns red the day it starts to pass and must then leave the list.
import { describe, expect, it } from 'vitest';
import { CORPUS } from './expectations.js';
import { evaluateTable, type TableResult } from './evaluate.js';
import { gapKey, KNOWN_GAPS } from './known-gaps.js';

// Read once, before the tests are collected: the checks come from the expectations, the result
// only decides whether each passes.
const results: TableResult[] = await Promise.all(CORPUS.map(evaluateTable));

describe('real planning tables', () => {
  it('has at least 15 tables, each file listed once', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(15);
    expect(new Set(CORPUS.map((t) => t.file)).size).toBe(CORPUS.length);
  });

  it('lists no known gap that names a check that does not exist', () => {
    const ids = new Set<string>();
    for (const result of results) for (const check of result.checks) ids.add(gapKey(result.file, check.id));
    expect(Object.keys(KNOWN_GAPS).filter((key) => !ids.has(key))).toEqual([]);
  });

  for (const { file, checks } of results) {
    describe(file, () => {
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
