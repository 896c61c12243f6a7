// A token bucket: `rate` requests per second on average, bursts of up to `burst`. Every request,
// retries included, takes a token, so the mirror never outruns Notion's limit (3 requests/s).
// A 429 pauses the whole bucket until Retry-After has passed.

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
  /** Callers waiting for a token, served in order. */
  private queue: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly options: LimiterOptions,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = options.burst;
    this.last = this.now();
  }

  get unlimited(): boolean {
    return !Number.isFinite(this.options.rate) || this.options.rate <= 0;
  }

  /** Resolves when a request may be sent. */
  take(): Promise<void> {
    if (this.unlimited && this.pausedUntil <= this.now()) return Promise.resolve();
    return new Promise((resolve) => {
      this.queue.push(resolve);
      this.drain();
    });
  }

  /** Holds every request back until `ms` from now (Notion's Retry-After). */
  pause(ms: number): void {
    const until = this.now() + ms;
    if (until <= this.pausedUntil) return;
    this.pausedUntil = until;
    // What was saved up before the 429 is not spent in a burst right after it.
    this.tokens = Math.min(this.tokens, 1);
    this.reschedule(0);
  }

  private refill(): void {
    const now = this.now();
    if (!this.unlimited) {
      this.tokens = Math.min(this.options.burst, this.tokens + ((now - this.last) / 1000) * this.options.rate);
    }
    this.last = now;
  }

  private drain(): void {
    this.refill();
    while (this.queue.length > 0) {
      const wait = this.pausedUntil - this.now();
      if (wait > 0) return this.reschedule(wait);
      if (!this.unlimited) {
        if (this.tokens < 1) return this.reschedule(((1 - this.tokens) / this.options.rate) * 1000);
        this.tokens -= 1;
      }
      this.queue.shift()!();
    }
  }

  private reschedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.queue.length === 0) {
      this.timer = null;
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.drain();
    }, Math.max(0, Math.ceil(ms)));
  }
}
