/*
 * Waiting in the server's tests: for a condition, never for a guessed time. `waitFor` and
 * `waitForValue` poll until the condition holds and, when it never does, fail naming what was
 * awaited and the last value seen. The one fixed wait, `letTimePass`, is for tests about time
 * itself (the rate limit's refill, traffic at a set pace) and says why where it is called.
 */

export interface WaitOptions {
  /** How long to keep checking before failing, in ms (default 10 s). */
  readonly timeoutMs?: number;
  /** What the check looks at, shown when it times out (`waitForValue` shows its last value). */
  readonly seen?: () => unknown;
  /**
   * Re-checks at once whenever this calls back (on each message of a socket, say), besides
   * polling; returns how to stop listening.
   */
  readonly wake?: (recheck: () => void) => () => void;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const POLL_MS = 10;
const SHOWN_CHARS = 500;

/** A value as the failure message shows it: JSON where it can, cut short. */
function show(value: unknown): string {
  let text: string;
  try {
    text =
      value instanceof Map || value instanceof Set
        ? `${value.constructor.name} ${JSON.stringify([...value])}`
        : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
}

const optionsOf = (options: WaitOptions | number): WaitOptions =>
  typeof options === 'number' ? { timeoutMs: options } : options;

/**
 * Reads `read` until `accept` takes its value, and returns that value; rejects after the
 * timeout naming `what` and the last value read (or what `seen` shows).
 */
export async function waitForValue<T>(
  read: () => T | Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  options: WaitOptions | number = {},
): Promise<T> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, seen, wake } = optionsOf(options);
  const deadline = Date.now() + timeoutMs;
  let recheck: (() => void) | undefined;
  const stopListening = wake?.(() => recheck?.());
  try {
    for (;;) {
      const value = await read();
      if (accept(value)) return value;
      if (Date.now() >= deadline) {
        const last = seen ? seen() : value;
        const lastText = seen || typeof value !== 'boolean' ? `; last seen: ${show(last)}` : '';
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastText}`);
      }
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          recheck = undefined;
          resolve();
        };
        const timer = setTimeout(done, POLL_MS);
        recheck = done;
      });
    }
  } finally {
    stopListening?.();
  }
}

/** Polls `check` until it holds; rejects after the timeout naming `what` (and `seen`). */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  options: WaitOptions | number = {},
): Promise<void> {
  await waitForValue(check, (ok) => ok, what, options);
}

/**
 * Lets `ms` pass, on purpose: for what is about time itself — a rate limit's tokens coming
 * back, edits or attacks at a set pace, a slow disk. The reason, the second argument, says which
 * at the call site (it is not used otherwise): a reader, and a search for sleeps, find it there.
 */
export function letTimePass(ms: number, _why: string): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
