// The token bucket on a fake clock: 3 requests/s on average, bursts of 3, a 429 pauses everything.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOTION_RATE, systemClock, TokenBucket } from '../../notion-sync/index.js';

// Node's clock reads Date.now and waits with setTimeout, both of which the fake timers move.
const clock = systemClock;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Starts n takes and records when each is let through (ms since start). */
function takeAll(bucket: TokenBucket, n: number): number[] {
  const start = Date.now();
  const times: number[] = [];
  for (let i = 0; i < n; i++) void bucket.take().then(() => times.push(Date.now() - start));
  return times;
}

describe('TokenBucket', () => {
  it('lets a burst of 3 go at once, then one request every 1/3 s', async () => {
    const bucket = new TokenBucket(NOTION_RATE, clock);
    const times = takeAll(bucket, 9);
    await vi.advanceTimersByTimeAsync(0);
    expect(times).toEqual([0, 0, 0]);
    await vi.advanceTimersByTimeAsync(3000);
    expect(times).toHaveLength(9);
    // After the burst: 334, 667, 1000, … (rounded up to whole ms).
    for (let i = 3; i < 9; i++) expect(times[i]).toBeGreaterThanOrEqual(Math.floor(((i - 2) * 1000) / 3));
  });

  it('keeps the average at the rate over a long run', async () => {
    const bucket = new TokenBucket(NOTION_RATE, clock);
    const times = takeAll(bucket, 300);
    await vi.advanceTimersByTimeAsync(200_000);
    expect(times).toHaveLength(300);
    const last = times[299];
    // 297 requests after the burst at 3 per second: 99 s, and not much more.
    expect(last).toBeGreaterThanOrEqual(99_000 - 1);
    expect(last).toBeLessThanOrEqual(99_000 + 300);
    // No window of one second ever holds more than burst + rate requests.
    for (let i = 0; i + 6 < times.length; i++) expect(times[i + 6] - times[i]).toBeGreaterThanOrEqual(999);
  });

  it('saves up no more than the burst during a quiet spell', async () => {
    const bucket = new TokenBucket(NOTION_RATE, clock);
    await vi.advanceTimersByTimeAsync(10_000);
    const times = takeAll(bucket, 6);
    await vi.advanceTimersByTimeAsync(0);
    expect(times).toHaveLength(3);
  });

  it('holds every request back while paused for Retry-After', async () => {
    const bucket = new TokenBucket(NOTION_RATE, clock);
    bucket.pause(2000);
    const times = takeAll(bucket, 2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(times).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(times[0]).toBeGreaterThanOrEqual(2000);
    expect(times).toHaveLength(2);
  });

  it('is off with an infinite rate, but still honours a pause', async () => {
    const bucket = new TokenBucket({ rate: Infinity, burst: 1 }, clock);
    const times = takeAll(bucket, 50);
    await vi.advanceTimersByTimeAsync(0);
    expect(times).toHaveLength(50);
    bucket.pause(500);
    const later = takeAll(bucket, 1);
    await vi.advanceTimersByTimeAsync(499);
    expect(later).toEqual([]);
    await vi.advanceTimersByTimeAsync(2);
    expect(later).toHaveLength(1);
  });
});
