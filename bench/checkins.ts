// Check-in history benchmark: the status report for a 1,000-row plan with 10,000 check-ins
// (reading the history table, trends, the report's data and its HTML), and what a history write
// costs: an append of the changed rows, whatever the size of the history already there.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { appendXlsxHistory } from '../cli/history/xlsx-history.js';
import { appendCsvHistory } from '../cli/history/csv-history.js';
import { reportHtml } from '../cli/report/report-html.js';
import {
  CHECKIN_HEADER,
  checkInCells,
  computeProgress,
  dayFromIso,
  readHistory,
  readPlan,
  statusReport,
  type CheckIn,
  type RawTable,
} from '../shared/index.js';
import { generatePlan } from './generate-plan.js';

const TODAY = dayFromIso('2026-05-01');

/** n check-ins spread over the plan's rows with an ID, weekly before today, progress creeping up. */
function historyTable(plan: ReturnType<typeof readPlan>, n: number): RawTable {
  const ids = plan.items.filter((item) => item.id !== '');
  const progress = computeProgress(plan, { today: TODAY });
  const weeks = Math.ceil(n / ids.length);
  const rows: (string | number | null)[][] = [];
  for (let k = 0; k < n; k++) {
    const item = ids[k % ids.length];
    const week = Math.floor(k / ids.length);
    const now = progress[item.index].progress ?? 0;
    const record: CheckIn = {
      date: TODAY - 7 * (weeks - week),
      id: item.id,
      current: item.current.state === 'ok' ? item.current.value * ((week + 1) / (weeks + 1)) : null,
      progress: now * ((week + 1) / (weeks + 1)),
      status: item.statusText,
      note: week % 3 === 0 ? 'weekly review' : '',
      who: 'lena@example.com',
      change: '',
      before: [],
      after: [],
    };
    rows.push(checkInCells(record).cells);
  }
  return { header: [...CHECKIN_HEADER], rows };
}

function best(runs: number, f: () => void): number {
  let min = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    f();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

export async function run(): Promise<void> {
  console.log(
    '\ncheck-ins: the status report of a 1,000-row plan with 10,000 check-ins (best of 5 runs, goal: under 1 s)',
  );
  const plan = readPlan(generatePlan(1_000));
  const table = historyTable(plan, 10_000);
  let html = '';
  const readMs = best(5, () => void readHistory(table));
  const history = readHistory(table);
  const reportMs = best(5, () => void statusReport(plan, history, TODAY));
  const report = statusReport(plan, history, TODAY);
  const htmlMs = best(5, () => void (html = reportHtml('plan.xlsx', plan, report)));
  const totalMs = best(5, () => void reportHtml('plan.xlsx', plan, statusReport(plan, readHistory(table), TODAY)));
  console.log(
    `  read history ${readMs.toFixed(0)} ms · trends + report data ${reportMs.toFixed(0)} ms · HTML ${htmlMs.toFixed(0)} ms · total ${totalMs.toFixed(0)} ms · page ${(html.length / 1024).toFixed(0)} KB`,
  );

  console.log('\ncheck-ins: appending 100 check-ins to a history of 0 / 10,000 / 50,000 rows');
  console.log('  history rows   .csv append ms   .csv bytes written   .xlsx append ms');
  const dir = await mkdtemp(join(tmpdir(), 'cascade-bench-'));
  try {
    const { default: ExcelJS } = await import('exceljs');
    const fresh = history.records.slice(0, 100).map((r) => ({ ...r, date: TODAY }));
    for (const size of [0, 10_000, 50_000]) {
      const csv = join(dir, `h${size}.checkins.csv`);
      const existing = size === 0 ? [] : readHistory(historyTable(plan, size)).records;
      if (existing.length > 0) await appendCsvHistory(csv, existing);
      const before = existing.length > 0 ? (await stat(csv)).size : 0;
      const t0 = performance.now();
      await appendCsvHistory(csv, fresh);
      const csvMs = performance.now() - t0;
      const written = (await stat(csv)).size - before;

      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Cascade').addRow(['ID', 'Level', 'Title']);
      let xlsx = (await workbook.xlsx.writeBuffer()) as unknown as Buffer;
      if (existing.length > 0) xlsx = await appendXlsxHistory(xlsx, existing);
      const t1 = performance.now();
      await appendXlsxHistory(xlsx, fresh);
      const xlsxMs = performance.now() - t1;
      console.log(
        `  ${size.toLocaleString('en-US').padStart(12)}   ${csvMs.toFixed(0).padStart(14)}   ${written.toLocaleString('en-US').padStart(18)}   ${xlsxMs.toFixed(0).padStart(15)}`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
