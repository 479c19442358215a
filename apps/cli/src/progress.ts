import type { Io } from './output';

/*
 * A progress line on a terminal's stderr for a run that takes a while: "Simulating… 42%",
 * rewritten in place and erased at the end, so it never stays in what the user reads and never
 * reaches stdout (where --json goes). A short run shows nothing: a line that flashes for a
 * tenth of a second is noise.
 */

/** How long a run goes before its progress is shown, and how often the line is redrawn. */
const SHOW_AFTER_MS = 500;
const REDRAW_EVERY_MS = 100;

export interface Progress {
  /** The share of the run done, 0..1. */
  update(share: number): void;
  /** Erases the line, if one was drawn. */
  finish(): void;
}

const silent: Progress = { update: () => {}, finish: () => {} };

/**
 * A progress line on stderr when it is a terminal, else nothing. `now` is a clock in
 * milliseconds (injected so a test decides when time passes).
 */
export function terminalProgress(io: Io, label: string, now: () => number): Progress {
  if (io.stderrIsTerminal !== true) return silent;
  const started = now();
  let drawnAt = Number.NEGATIVE_INFINITY;
  let shown = '';
  return {
    update(share) {
      const t = now();
      if (t - started < SHOW_AFTER_MS || t - drawnAt < REDRAW_EVERY_MS) return;
      const text = `${label}… ${Math.floor(Math.min(1, Math.max(0, share)) * 100)}%`;
      drawnAt = t;
      if (text === shown) return;
      shown = text;
      io.stderr(`\r${text}\u001b[K`);
    },
    finish() {
      if (shown !== '') io.stderr('\r\u001b[K');
      shown = '';
    },
  };
}
