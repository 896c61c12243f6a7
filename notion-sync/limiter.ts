// A token bucket: `rate` requests per second on average, bursts of up to `burst`. Every request,
// retries included, takes a token, so the mirror never outruns Notion's limit (3 requests/s).
// A 429 pauses the whole bucket until Retry-After has passed. Waiting is the clock's sleep, so
// the same bucket paces Node (timers) and Apps Script (Utilities.sleep).
import { systemClock } from './clock.js';
import type { Clock } from './clock.js';

export interface LimiterOptions {
  /** Requests per second on average; Infinity turns the limiter off. */
  rate: number;
  /** Requests that may go at once after a quiet spell. */
  burst: number;
}

export const NOTION_RATE: LimiterOptions = { rate: 3, burst: 3 };

export class TokenBucket {
  private tokens: number;
  private last: number;
  private pausedUntil = 0;
  /** The last caller in line: callers are served in order, one after the other. */
  private tail: Promise<void> = Promise.resolve();

  constructor(
    readonly options: LimiterOptions,
    private readonly clock: Clock = systemClock,
  ) {
    this.tokens = options.burst;
    this.last = clock.now();
  }

  get unlimited(): boolean {
    return !Number.isFinite(this.options.rate) || this.options.rate <= 0;
  }

  /** Resolves when a request may be sent. */
  take(): Promise<void> {
    if (this.unlimited && this.pausedUntil <= this.clock.now()) return Promise.resolve();
    const turn = this.tail.then(() => this.waitForToken());
    this.tail = turn;
    return turn;
  }

  /** Holds every request back until `ms` from now (Notion's Retry-After). */
  pause(ms: number): void {
    const until = this.clock.now() + ms;
    if (until <= this.pausedUntil) return;
    this.pausedUntil = until;
    // What was saved up before the 429 is not spent in a burst right after it.
    this.tokens = Math.min(this.tokens, 1);
  }

  private async waitForToken(): Promise<void> {
    for (;;) {
      this.refill();
      const paused = this.pausedUntil - this.clock.now();
      if (paused > 0) {
        await this.clock.sleep(Math.ceil(paused));
        continue;
      }
      if (this.unlimited) return;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      // Whole milliseconds: a wait of a fraction of one could leave a clock read in ms where it was.
      await this.clock.sleep(Math.ceil(((1 - this.tokens) / this.options.rate) * 1000));
    }
  }

  private refill(): void {
    const now = this.clock.now();
    if (!this.unlimited) {
      this.tokens = Math.min(this.options.burst, this.tokens + ((now - this.last) / 1000) * this.options.rate);
    }
    this.last = now;
  }
}
