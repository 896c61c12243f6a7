// `cascade report` as a manager uses it: the real command on a plan with eight weeks of check-ins,
// the page opened in a real browser (Debian's chromium through playwright-core), on screen and
// printed to PDF. Screenshots go to test-results/ for a person to judge the design.
import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cascade, tempDir } from '../cli/helpers.js';
import { TODAY, writeReportFixture } from './fixture.js';

const RESULTS = resolve('test-results');
const dir = await tempDir();
let browser: Browser;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('cascade report', () => {
  it('writes one self-contained page: progress per objective, trend charts, what needs attention with owners, the last check-in', async () => {
    const plan = await writeReportFixture(dir);
    const out = join(dir, 'status.html');
    const r = await cascade(['report', plan, '--out', out, '--today', TODAY]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Wrote the status report to ${out}.`);
    const html = await readFile(out, 'utf8');
    expect(html).not.toMatch(/<script|<link|src=|url\(/i); // nothing to fetch, nothing to run

    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`file://${out}`);
    expect(requests).toEqual([`file://${out}`]);

    const cards = page.locator('article.card');
    expect(await cards.count()).toBe(3);
    expect(await cards.nth(1).locator('h3').textContent()).toBe('Grow SMB revenue to $2.4M ARR');
    expect(await cards.nth(1).locator('.big-pct').textContent()).toBe('34%'); // 34.8 %: whole percents, rounded down (shared/format.ts)
    expect(await cards.nth(1).locator('.bar.big .fill').getAttribute('style')).toContain('width:34.8%');
    expect(await page.locator('article.card svg.burnup').count()).toBe(2); // O1's progress is unknown (KR1.3 unmeasured): no line to draw
    expect(await page.locator('article.card svg.burnup line.ideal').count()).toBe(2);
    expect(await page.locator('.kids svg.spark').count()).toBe(7); // every measured key result with two check-ins or more

    const attention = await page.locator('section.attention tbody tr').allTextContents();
    expect(attention[0]).toContain('KR1.3Publish the new help centreMei Chen2026-04-30');
    expect(attention[0]).toContain('overdue');
    expect(
      attention.some(
        (row) => row.includes('KR2.2') && row.includes('Omar Haddad') && row.includes('trending off track'),
      ),
    ).toBe(true);

    const changes = page.locator('section.changes');
    expect(await changes.locator('h2').textContent()).toBe('Check-in of 2026-04-27 (since 2026-04-20)');
    const paused = await changes.locator('tbody tr', { hasText: 'KR3.2' }).textContent();
    expect(paused).toContain('On track → Paused');
    expect(paused).toContain('paused until the sync API ships');

    await page.screenshot({ path: join(RESULTS, 'report-screen.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(3);
    await writeFile(join(RESULTS, 'report.pdf'), pdf);
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: join(RESULTS, 'report-print.png'), fullPage: true });
    await page.close();
  });

  it('escapes what people typed and says what to do when there are no check-ins yet', async () => {
    const plan = join(dir, 'bare.csv');
    await writeFile(
      plan,
      'ID,Level,Title,Owner,Target,Current,Start date,Due date\nO1,Objective,<img src=x onerror=alert(1)>,"Ana & Ben",,,2026-04-01,2026-06-30\nKR1,Key Result,Sales,Ana,10,2,,\n',
    );
    const r = await cascade(['report', plan, '--today', TODAY]);
    expect(r.code).toBe(0);
    const html = await readFile(join(dir, 'bare.report.html'), 'utf8');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Ana &amp; Ben');
    expect(html).toContain('No check-ins yet: run <code>cascade progress FILE --write</code>');
    expect(html).toContain('The trend shows after two check-ins.');
  });
});
