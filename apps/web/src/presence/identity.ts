/*
 * Who this browser is to the others on a map: a name the user picks (remembered on this device)
 * and a colour for their cursor, avatar and selection outlines.
 */

export interface Identity {
  /** A random id for this device's person: whose votes are whose. */
  readonly id: string;
  readonly name: string;
  readonly color: string;
  /** False until the user has typed a name themselves (until then they are "Guest 123"). */
  readonly chosen: boolean;
}

/** Cursor and avatar colours: distinct from each other and readable under white text. */
export const PRESENCE_COLOURS = [
  '#c2410c',
  '#15803d',
  '#7c3aed',
  '#be123c',
  '#0369a1',
  '#a16207',
  '#0f766e',
  '#9d174d',
  '#4338ca',
  '#4d7c0f',
] as const;

/** Longest name shown; longer ones are cut (a pasted essay must not cover the canvas). */
export const MAX_NAME = 40;

const KEY = 'procmap:identity';

/** A name as shown to others: trimmed, one line, at most MAX_NAME characters. */
export function cleanName(name: string): string {
  // Control characters become spaces (no regex over them: the linter rightly distrusts those).
  const visible = [...name].map((c) => (c.charCodeAt(0) < 32 || c === '\u007f' ? ' ' : c)).join('');
  const flat = visible.replace(/\s+/g, ' ').trim();
  return [...flat].slice(0, MAX_NAME).join('');
}

/** A colour from a peer, if it is a plain #rrggbb; anything else is not used in styles. */
export function safeColour(value: unknown): string | undefined {
  return typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value) ? value : undefined;
}

/** A colour for a peer that did not send a usable one, stable for its client id. */
export function colourFor(clientId: number): string {
  return PRESENCE_COLOURS[Math.abs(clientId) % PRESENCE_COLOURS.length]!;
}

function newId(random: () => number): string {
  return `p_${Array.from({ length: 12 }, () => Math.floor(random() * 36).toString(36)).join('')}`;
}

function fresh(random: () => number): Identity {
  return {
    id: newId(random),
    name: `Guest ${100 + Math.floor(random() * 900)}`,
    color: PRESENCE_COLOURS[Math.floor(random() * PRESENCE_COLOURS.length)]!,
    chosen: false,
  };
}

/** The identity remembered on this device, or a new guest one (remembered from now on). */
export function loadIdentity(storage: Storage | undefined, random = Math.random): Identity {
  try {
    const raw = storage?.getItem(KEY);
    if (raw) {
      const data = JSON.parse(raw) as Partial<Identity>;
      const name = typeof data.name === 'string' ? cleanName(data.name) : '';
      const color = safeColour(data.color);
      if (name && color) {
        const id =
          typeof data.id === 'string' && /^p_[a-z0-9]{6,32}$/.test(data.id)
            ? data.id
            : newId(random);
        const identity = { id, name, color, chosen: data.chosen === true };
        if (id !== data.id) saveIdentity(storage, identity);
        return identity;
      }
    }
  } catch {
    // Unreadable: start again as a guest.
  }
  const identity = fresh(random);
  saveIdentity(storage, identity);
  return identity;
}

/** Remembers the identity on this device (quietly does nothing where storage is refused). */
export function saveIdentity(storage: Storage | undefined, identity: Identity): void {
  try {
    storage?.setItem(KEY, JSON.stringify(identity));
  } catch {
    // Private mode or full storage: the name lasts for this visit only.
  }
}

/**
 * Initials for an avatar: "Ward clerk" → "WC", "amy" → "A". A guest who has not named
 * themselves shows their number ("Guest 423" → "423"): "G4" would be shared by a hundred guests.
 */
export function initials(name: string): string {
  const guest = /^Guest (\d{1,4})$/.exec(name.trim());
  if (guest) return guest[1] as string;
  // "Fiona (facilitator)" is Fiona: a part in brackets says what someone does, not who.
  const bare = name.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  const words = bare
    .split(/\s+/)
    .map((w) => /[\p{L}\p{N}]/u.exec(w)?.[0])
    .filter((first): first is string => first !== undefined);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((l) => l.toUpperCase()).join('') || '?';
}
