import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/*
 * Presence is unauthenticated in Yjs: any client can overwrite any other's awareness entry, and
 * an entry's state is any JSON at all. The server reads every awareness update completely before
 * anything of it is kept: it refuses updates over the presence limits (entries per message,
 * bytes and nesting per state — a state nested thousands deep would overflow the stack of
 * whoever turns it back into text), ties each client id to the first connection that uses it
 * (entries for ids that belong to another connection are dropped), and lets the caller stamp
 * what the server knows onto each state.
 */

export interface PresenceLimits {
  /**
   * Entries one awareness message may carry. A stock client sends its own, but also passes on
   * every change it hears of, so one message may list everyone in the room.
   */
  readonly maxEntries: number;
  /** Bytes of one awareness message. */
  readonly maxMessageBytes: number;
  /** Bytes of one entry's state, as UTF-8 JSON text. */
  readonly maxStateBytes: number;
  /** Levels of arrays and objects one state may nest (a stock client's state nests three). */
  readonly maxDepth: number;
}

export const DEFAULT_PRESENCE_LIMITS: PresenceLimits = {
  maxEntries: 1024,
  maxMessageBytes: 1024 * 1024,
  maxStateBytes: 32 * 1024,
  maxDepth: 16,
};

/** An awareness update that breaks a presence limit or does not parse; the message says which. */
export class PresenceError extends Error {
  override readonly name = 'PresenceError';
}

export interface FilteredAwareness {
  /** The re-encoded update with only the allowed entries (undefined when none are). */
  readonly update: Uint8Array | undefined;
  readonly clientIds: readonly number[];
  readonly dropped: number;
}

export interface FilterOptions {
  readonly limits?: PresenceLimits;
  /** Rewrites a state (an object; `null` states, which remove an entry, are kept as they are). */
  readonly stamp?: (state: Record<string, unknown>) => Record<string, unknown>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Whether JSON text nests arrays and objects deeper than `limit`, found by scanning the text
 * (strings skipped) rather than parsing it, so that no recursion ever sees the nesting.
 */
export function nestsDeeper(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

const NULL_STATE = [0x6e, 0x75, 0x6c, 0x6c]; // "null"

/**
 * Decodes an awareness update completely (throws if malformed) and keeps the entries `allowed`
 * accepts, told each entry's id, clock and whether it removes a participant (state null). Only
 * kept entries are read further: one over the limits, not JSON, or neither an object nor null
 * throws a PresenceError. Entries dropped are not read at all — a stock client passes on every
 * presence change it hears of, others' included, and those are not its to answer for.
 */
export function filterAwareness(
  update: Uint8Array,
  allowed: (clientId: number, clock: number, removes: boolean) => boolean,
  options: FilterOptions = {},
): FilteredAwareness {
  const limits = options.limits ?? DEFAULT_PRESENCE_LIMITS;
  if (update.length > limits.maxMessageBytes) {
    throw new PresenceError(`a presence message over ${limits.maxMessageBytes} bytes`);
  }
  const d = decoding.createDecoder(update);
  const count = decoding.readVarUint(d);
  if (count > limits.maxEntries) {
    throw new PresenceError(`presence for ${count} participants in one message`);
  }
  const kept: { id: number; clock: number; state: string }[] = [];
  let dropped = 0;
  for (let i = 0; i < count; i++) {
    const id = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const bytes = decoding.readVarUint8Array(d);
    const removes = bytes.length === 4 && NULL_STATE.every((b, i) => bytes[i] === b);
    if (!allowed(id, clock, removes)) {
      dropped++;
      continue;
    }
    if (bytes.length > limits.maxStateBytes) {
      throw new PresenceError(`a presence state over ${limits.maxStateBytes} bytes`);
    }
    let state = utf8.decode(bytes);
    if (nestsDeeper(state, limits.maxDepth)) {
      throw new PresenceError(`a presence state nested over ${limits.maxDepth} levels`);
    }
    // Malformed JSON would throw later inside y-protocols; refuse it here.
    const value: unknown = JSON.parse(state);
    if (value !== null && (typeof value !== 'object' || Array.isArray(value))) {
      throw new PresenceError('a presence state must be an object or null');
    }
    if (options.stamp && value !== null) {
      state = JSON.stringify(options.stamp(value as Record<string, unknown>));
    }
    kept.push({ id, clock, state });
  }
  if (decoding.hasContent(d)) throw new Error('trailing bytes after the awareness update');
  if (kept.length === 0) return { update: undefined, clientIds: [], dropped };
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(e, entry.id);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, entry.state);
  }
  return { update: encoding.toUint8Array(e), clientIds: kept.map((k) => k.id), dropped };
}
