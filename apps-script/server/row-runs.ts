/** A run of consecutive spreadsheet rows. */
export interface RowRun {
  first: number;
  count: number;
}

/** Sorted distinct rows → runs of consecutive rows. */
export function rowRuns(rows: Iterable<number>): RowRun[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: RowRun[] = [];
  for (const row of sorted) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.first + last.count === row) last.count++;
    else runs.push({ first: row, count: 1 });
  }
  return runs;
}

/**
 * At most `maxBlocks` row blocks covering every given row: runs closer than `joinGap` rows are
 * joined (reading a few rows more is cheaper than one more call), then runs are joined across
 * their smallest gaps until few enough remain, so a handful of reads covers scattered rows
 * without reading everything between.
 */
export function coverRows(rows: Iterable<number>, maxBlocks: number, joinGap = 0): RowRun[] {
  const runs: RowRun[] = [];
  for (const run of rowRuns(rows)) {
    const last = runs[runs.length - 1];
    if (last !== undefined && run.first - (last.first + last.count) <= joinGap)
      last.count = run.first + run.count - last.first;
    else runs.push({ ...run });
  }
  while (runs.length > Math.max(1, maxBlocks)) {
    let best = 0;
    let bestGap = Infinity;
    for (let k = 0; k + 1 < runs.length; k++) {
      const gap = runs[k + 1].first - (runs[k].first + runs[k].count);
      if (gap < bestGap) {
        bestGap = gap;
        best = k;
      }
    }
    const a = runs[best];
    const b = runs[best + 1];
    runs.splice(best, 2, { first: a.first, count: b.first + b.count - a.first });
  }
  return runs;
}
