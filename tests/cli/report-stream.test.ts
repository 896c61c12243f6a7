// The lint report is written as it is made (a million-row plan's report is never one string):
// the chunk writer waits for a slow reader, and the JSON made item by item is exactly what
// JSON.stringify(…, null, 2) writes, as cli.md documents it.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkPlan, dayFromIso, readingJson, readPlan, type Finding } from '../../shared/index.js';
import { jsonWithList, writeChunks } from '../../cli/output/chunks.js';
import { lintFindings, lintJson, lintText } from '../../cli/output/lint-report.js';
import picocolors from 'picocolors';

/** A pipe that takes `perTick` characters at a time and records how much was ever waiting in it. */
function slowPipe(highWaterMark: number) {
  let received = '';
  let mostWaiting = 0;
  const stream = new Writable({
    highWaterMark,
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      received += chunk;
      setImmediate(done);
    },
  });
  const write = stream.write.bind(stream);
  stream.write = ((chunk: string) => {
    const ok = write(chunk);
    mostWaiting = Math.max(mostWaiting, stream.writableLength);
    return ok;
  }) as typeof stream.write;
  return { stream, received: () => received, mostWaiting: () => mostWaiting };
}

describe('writeChunks', () => {
  it('writes every piece in order, waiting for a slow reader instead of piling text up', async () => {
    const pipe = slowPipe(1024);
    const pieces = Array.from({ length: 5000 }, (_, i) => `line ${i}\n`);
    await writeChunks(pipe.stream, pieces, 1024);
    expect(pipe.received()).toBe(pieces.join(''));
    // Without waiting for 'drain', all ~44 KB would be queued in the stream at once.
    expect(pipe.mostWaiting()).toBeLessThan(3 * 1024);
  });

  it('writes nothing for no pieces', async () => {
    const pipe = slowPipe(16);
    await writeChunks(pipe.stream, []);
    expect(pipe.received()).toBe('');
  });
});

describe('jsonWithList', () => {
  const text = (chunks: Iterable<string>) => [...chunks].join('');
  it.each([
    [
      'items with nested lists',
      [
        { row: 5, id: 'T1', rows: [2, 3] },
        { row: 6, id: 'T"2', hint: 'a\nb' },
      ],
    ],
    ['one item', [{ row: 1 }]],
    ['no items', []],
  ])('reads as JSON.stringify(…, null, 2): %s', (_name, items) => {
    const head = { file: 'plan.csv', framework: 'okr', rows: 3, reading: undefined, nested: { a: [1, { b: 2 }] } };
    const tail = { counts: { error: 1, warning: 2 } };
    const whole = JSON.stringify({ ...head, findings: items, ...tail }, null, 2);
    expect(text(jsonWithList(head, 'findings', items, () => tail))).toBe(whole);
    expect(text(jsonWithList(head, 'findings', items, () => ({})))).toBe(
      JSON.stringify({ ...head, findings: items }, null, 2),
    );
  });

  it('asks for the tail only once the items are written (so it may count them)', () => {
    let seen = 0;
    const items = (function* () {
      for (let i = 0; i < 3; i++) {
        seen++;
        yield { i };
      }
    })();
    const out = text(jsonWithList({}, 'list', items, () => ({ count: seen })));
    expect(JSON.parse(out)).toEqual({ list: [{ i: 0 }, { i: 1 }, { i: 2 }], count: 3 });
  });
});

describe('the lint report, made row by row', () => {
  const today = dayFromIso('2026-05-01');
  const header = ['ID', 'Level', 'Parent', 'Title', 'Due date', 'Review'];
  const plan = readPlan({
    header,
    rows: [
      ['O1', 'Objective', '', 'Delight SMB customers', '2026-06-30', 'weekly'],
      ['KR1', 'Key Result', 'O1', 'Reach an NPS of 80', '2026-07-30', 'weekly'],
      ['KR2', 'Key Result', 'O9', 'Grow revenue', 'someday', 'weekly'],
    ],
  });
  const c = picocolors.createColors(false);

  it('JSON: the documented object, finding by finding, with plan-wide findings first and the counts', () => {
    const findings = checkPlan(plan, { today });
    const documented = {
      file: 'plan.csv',
      framework: plan.framework.id,
      rows: plan.items.length,
      reading: readingJson(plan.reading),
      findings: findings.map((f: Finding) => ({
        row: f.row,
        id: f.id,
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        hint: f.hint,
        ...(f.rows ? { rows: f.rows } : {}),
      })),
      counts: {
        error: findings.filter((f) => f.severity === 'error').length,
        warning: findings.filter((f) => f.severity === 'warning').length,
      },
    };
    expect(findings.some((f) => f.rows !== undefined)).toBe(true);
    const found = lintFindings(plan, { today });
    expect(found.counts).toEqual(documented.counts);
    expect([...lintJson('plan.csv', plan, found)].join('')).toBe(`${JSON.stringify(documented, null, 2)}\n`);
  });

  it("the same reports whether the first pass keeps the rows' findings (a plan this size) or they are made again (a large plan)", () => {
    const kept = lintFindings(plan, { today });
    const madeAgain = lintFindings(plan, { today }, 0);
    expect([...kept.rows()].flat().length).toBeGreaterThan(0);
    expect([...kept.rows()]).toEqual([...madeAgain.rows()]);
    expect([...lintJson('plan.csv', plan, kept)].join('')).toBe([...lintJson('plan.csv', plan, madeAgain)].join(''));
    expect([...lintText('plan.csv', plan, kept, today, c, 100)].join('')).toBe(
      [...lintText('plan.csv', plan, madeAgain, today, c, 100)].join(''),
    );
  });

  it('text: the same report whether the items come in sheet order (walked) or not (looked up, findings sorted)', () => {
    const rows = [
      ['O1', 'Objective', '', 'Delight SMB customers', '2026-06-30', 'weekly'],
      ['KR2', 'Key Result', 'O9', 'Grow revenue', 'someday', 'weekly'],
      ['KR1', 'Key Result', 'O1', 'Reach an NPS of 80', '2026-07-30', 'weekly'],
    ];
    const inOrder = [...lintText('plan.csv', plan, lintFindings(plan, { today }), today, c, 100)].join('');
    // The same rows, KR2 on row 3 and KR1 on row 4: once as read, once with the items out of row order.
    const swapped = readPlan({ header, rows });
    const outOfOrder = {
      ...plan,
      items: plan.items.map((item) => ({ ...item, row: item.id === 'KR1' ? 4 : item.id === 'KR2' ? 3 : item.row })),
    };
    const asRead = [...lintText('plan.csv', swapped, lintFindings(swapped, { today }), today, c, 100)].join('');
    expect([...lintText('plan.csv', outOfOrder, lintFindings(outOfOrder, { today }), today, c, 100)].join('')).toBe(
      asRead,
    );
    expect(asRead.indexOf('Row 3 · KR2')).toBeLessThan(asRead.indexOf('Row 4 · KR1'));
    expect(inOrder).toMatch(/^The whole plan \(header, row 1\)$/m);
    expect(inOrder).toMatch(/^Row 4 · KR2 Grow revenue$/m);
    expect(inOrder.indexOf('The whole plan')).toBeLessThan(inOrder.indexOf('Row 3 · KR1'));
    expect(inOrder).toMatch(/\n\n✖ \d+ errors?, \d+ warnings? in 2 of 3 rows\.\n$/);
  });
});
