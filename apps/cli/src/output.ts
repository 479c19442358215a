/** Where a command writes: injected so tests can run commands without a process. */
export interface Io {
  /** Text is written as UTF-8; bytes (a PDF, a PNG on `-o -`) are written exactly as they are. */
  readonly stdout: (data: string | Uint8Array) => void;
  readonly stderr: (text: string) => void;
  /** Whether stdout may carry ANSI colours (a TTY, and NO_COLOR unset). */
  readonly color: boolean;
  /** Whether stderr is a terminal, where a long run may show its progress; absent: it is not. */
  readonly stderrIsTerminal?: boolean;
}

export type Paint = (text: string) => string;

export interface Palette {
  readonly green: Paint;
  readonly red: Paint;
  readonly yellow: Paint;
  readonly bold: Paint;
}

const ansi =
  (open: number, close: number): Paint =>
  (text) =>
    `\u001b[${open}m${text}\u001b[${close}m`;

const plain: Paint = (text) => text;

/** Colour functions for `io`: real ANSI codes when it allows colour, identity otherwise. */
export function palette(io: Io): Palette {
  if (!io.color) return { green: plain, red: plain, yellow: plain, bold: plain };
  return { green: ansi(32, 39), red: ansi(31, 39), yellow: ansi(33, 39), bold: ansi(1, 22) };
}

/** Shown as `\uXXXX`: C0 and C1 controls, the line and paragraph separators, and the bidi controls. */
const UNPRINTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/**
 * Escapes control characters, so text taken from a file (titles, ids, file names) cannot move
 * the cursor or recolour the terminal, and every entry stays on one line. Bidi controls
 * (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) are escaped too: unescaped, a label
 * could reorder the rest of its line as the terminal shows it.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** `1 role`, `3 roles`. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Writes a value as indented JSON and a newline, for `--json`. */
export function writeJson(io: Io, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
