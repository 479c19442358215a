/**
 * When to try the server again after a connection is lost: exponential backoff with "full
 * jitter", a delay drawn uniformly from [0, min(cap, base · 2^attempt)]. Without the random
 * part, twenty laptops whose wifi comes back at the same moment would all knock on the server
 * at the same moments, again and again. Pure: the random source is passed in.
 */

export interface BackoffOptions {
  /** The window of the first retry, in milliseconds. */
  readonly baseMs: number;
  /** The window never grows beyond this, in milliseconds. */
  readonly capMs: number;
}

/** The editor's reconnect policy: first retry within half a second, never more than 15 s apart. */
export const RECONNECT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 15_000 };

/** The upper end of the window for retry number `attempt` (0 for the first retry). */
export function backoffCeiling(
  attempt: number,
  options: BackoffOptions = RECONNECT_BACKOFF,
): number {
  const n = Math.max(0, Math.min(Math.floor(attempt), 30)); // 2^30 · base is past any cap
  return Math.min(options.capMs, options.baseMs * 2 ** n);
}

/**
 * The delay before retry number `attempt`, in whole milliseconds, given `random()` in [0, 1)
 * (Math.random in the app, a seeded generator in tests).
 */
export function reconnectDelay(
  attempt: number,
  random: () => number,
  options: BackoffOptions = RECONNECT_BACKOFF,
): number {
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(r * backoffCeiling(attempt, options));
}

/** Counts failed attempts and hands out the next delay; `reset()` once a connection has synced. */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly random: () => number,
    private readonly options: BackoffOptions = RECONNECT_BACKOFF,
  ) {}

  /** The delay before the next try; each call counts one more failed attempt. */
  next(): number {
    return reconnectDelay(this.attempt++, this.random, this.options);
  }

  /** How many delays were handed out since the last reset. */
  get attempts(): number {
    return this.attempt;
  }

  reset(): void {
    this.attempt = 0;
  }
}
