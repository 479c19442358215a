/**
 * Key chords as the actions table writes them ("Alt+L", "Ctrl+Shift+Z", "Shift+Enter", "?"),
 * matched against key presses and shown to people. Pure: a key press is plain data here, so
 * the matching is tested without a browser.
 */

/** The parts of a keydown that decide what it does. */
export interface KeyPress {
  readonly key: string;
  /** The physical key ("KeyL"): Alt+L on a Mac types "¬", but its code is still KeyL. */
  readonly code?: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  /** An input method is composing: its keys are the text's, never a command. */
  readonly isComposing?: boolean;
}

interface Chord {
  /** Ctrl, or ⌘ on a Mac. */
  readonly mod: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
  /** The key: a lower-case letter, a symbol, or a named key ("Enter", "ArrowUp"). */
  readonly key: string;
}

const parsed = new Map<string, Chord>();

function parse(chord: string): Chord {
  const known = parsed.get(chord);
  if (known) return known;
  // The last part is the key; "Ctrl++" would need care, but no chord uses "+" as its key.
  const parts = chord.split('+');
  const key = parts.pop() ?? '';
  const has = (m: string) => parts.includes(m);
  const result: Chord = {
    mod: has('Ctrl'),
    alt: has('Alt'),
    shift: has('Shift'),
    key: key.length === 1 ? key.toLowerCase() : key,
  };
  parsed.set(chord, result);
  return result;
}

const isLetter = (key: string) => /^[a-z]$/.test(key);

/** Whether a key press is the chord. Ctrl means Ctrl or ⌘; a symbol ("?") ignores Shift. */
export function matchesChord(press: KeyPress, chord: string): boolean {
  if (press.isComposing) return false;
  const c = parse(chord);
  const mod = press.ctrlKey || press.metaKey;
  if (mod !== c.mod || press.altKey !== c.alt) return false;
  if (isLetter(c.key)) {
    if (press.shiftKey !== c.shift) return false;
    const byCode = press.code === `Key${c.key.toUpperCase()}`;
    return byCode || press.key.toLowerCase() === c.key;
  }
  if (c.key.length === 1) return press.key === c.key; // "?" is Shift+/ on one layout, not another
  return press.key === c.key && press.shiftKey === c.shift;
}

const NAMES: Readonly<Record<string, string>> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
};

/** A chord as people read it: "Alt+↑", "Ctrl+Shift+Z", "Esc". */
export function chordLabel(chord: string): string {
  const parts = chord.split('+');
  const key = parts.pop() ?? '';
  const shown = NAMES[key] ?? (key.length === 1 ? key.toUpperCase() : key);
  return [...parts, shown].join('+');
}

/**
 * Whether a key press types a character (so, on a selected step, starts renaming it): one
 * printable character with no Ctrl, ⌘ or Alt. AltGr (Ctrl+Alt on Windows) types too. A space
 * does not start a name: React Flow holds it to pan.
 */
export function typesText(press: KeyPress): boolean {
  if (press.isComposing || [...press.key].length !== 1 || press.key === ' ') return false;
  const altGr = press.ctrlKey && press.altKey && !press.metaKey;
  return altGr || (!press.ctrlKey && !press.metaKey && !press.altKey);
}
