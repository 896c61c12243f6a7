// Time as the mirror sees it: what time it is and how to wait. Node waits with timers; Apps
// Script has none and waits with Utilities.sleep; tests use a clock they move by hand.

export interface Clock {
  /** Milliseconds since the epoch (Retry-After dates are compared with it). */
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The platform's timer: Node has one, Apps Script none (it never uses this clock). */
const timers = globalThis as unknown as { setTimeout(callback: () => void, ms: number): unknown };

/** Node's clock. setTimeout is looked up on each call, so fake timers in tests take effect. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise<void>((resolve) => timers.setTimeout(resolve, Math.max(0, Math.ceil(ms)))),
};
