import type { Prng } from '@procmap/test-kit';

/*
 * Seeded mutations of byte arrays, for fuzzing the sync socket: the same seed gives the same
 * mutations, so a failing case can be replayed from its seed. Most mutations keep the message
 * "almost valid" (one flipped bit, one changed byte, one tampered varint), which is what gets
 * past a decoder and into Y.applyUpdate; others break the framing (truncation, duplication,
 * inserted bytes), and `randomMessage` makes messages from nothing.
 */

export const MUTATIONS = [
  'flip-bit',
  'set-byte',
  'truncate',
  'duplicate',
  'insert-random',
  'delete-range',
  'varint',
  'append-random',
] as const;

export type MutationKind = (typeof MUTATIONS)[number];

export interface Mutated {
  readonly bytes: Uint8Array;
  /** What was done, in order, e.g. "flip-bit@12.3" — enough to explain a failure. */
  readonly steps: readonly string[];
}

/** Some bytes that decoders find interesting: boundaries of varints and of signed bytes. */
const SPECIAL_BYTES = [0x00, 0x01, 0x7f, 0x80, 0xff, 0x40, 0x3f, 0xc0];

/** Varint values worth trying: zero, small, around 2^31/2^32, and past 2^53. */
const SPECIAL_VARINTS = [0, 1, 2, 127, 128, 0x7fffffff, 0xffffffff, 2 ** 32, 2 ** 53 - 1];

const randomBytes = (prng: Prng, n: number): Uint8Array => {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = prng.int(0, 255);
  return out;
};

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** lib0's unsigned varint: 7 bits per byte, low first, high bit = more follows. */
export function encodeVarUint(value: number): Uint8Array {
  const out: number[] = [];
  let v = value;
  while (v > 0x7f) {
    out.push(0x80 | (v % 0x80));
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return Uint8Array.from(out);
}

/** Reads the varint starting at `at`: its value and length (a varint cut off ends at the end). */
function readVarUintAt(bytes: Uint8Array, at: number): { value: number; length: number } {
  let value = 0;
  let mult = 1;
  let i = at;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    value += (b & 0x7f) * mult;
    mult *= 0x80;
    i++;
    if (b < 0x80) break;
  }
  return { value, length: i - at };
}

/**
 * Replaces a varint (at a random position that starts one, i.e. not right after a byte with
 * the continuation bit) by a different one: off by one, a special value, or made overlong.
 */
function tamperVarint(bytes: Uint8Array, prng: Prng): { bytes: Uint8Array; step: string } {
  const starts: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    if (i === 0 || (bytes[i - 1] as number) < 0x80) starts.push(i);
  }
  const at = prng.pick(starts);
  const { value, length } = readVarUintAt(bytes, at);
  let replacement: Uint8Array;
  let how: string;
  const choice = prng.int(0, 3);
  if (choice === 0) {
    const next = value === 0 ? 1 : prng.chance(0.5) ? value + 1 : value - 1;
    replacement = encodeVarUint(next);
    how = `${value}->${next}`;
  } else if (choice === 1) {
    const next = prng.pick(SPECIAL_VARINTS);
    replacement = encodeVarUint(next);
    how = `${value}->${next}`;
  } else if (choice === 2) {
    // The same value, encoded with a redundant continuation byte (lib0 accepts these).
    const plain = encodeVarUint(value);
    replacement = concat(plain.slice(0, -1), Uint8Array.of((plain.at(-1) as number) | 0x80, 0));
    how = `${value}->overlong`;
  } else {
    // A continuation bit on the last byte: the varint swallows what follows.
    replacement = Uint8Array.from(bytes.slice(at, at + length));
    replacement[replacement.length - 1] = (replacement.at(-1) as number) | 0x80;
    how = `${value}->unterminated`;
  }
  return {
    bytes: concat(bytes.slice(0, at), replacement, bytes.slice(at + length)),
    step: `varint@${at}:${how}`,
  };
}

/** Applies one mutation of the given kind (or a random one). Never returns the input unchanged. */
export function mutateOnce(
  input: Uint8Array,
  prng: Prng,
  kind: MutationKind = prng.pick(MUTATIONS),
): { bytes: Uint8Array; step: string } {
  const n = input.length;
  if (n === 0) {
    const bytes = randomBytes(prng, prng.int(1, 8));
    return { bytes, step: `from-empty:${bytes.length}` };
  }
  switch (kind) {
    case 'flip-bit': {
      const at = prng.int(0, n - 1);
      const bit = prng.int(0, 7);
      const bytes = Uint8Array.from(input);
      bytes[at] = (bytes[at] as number) ^ (1 << bit);
      return { bytes, step: `flip-bit@${at}.${bit}` };
    }
    case 'set-byte': {
      const at = prng.int(0, n - 1);
      const bytes = Uint8Array.from(input);
      let value = prng.chance(0.5) ? prng.pick(SPECIAL_BYTES) : prng.int(0, 255);
      if (value === bytes[at]) value = (value + 1) & 0xff;
      bytes[at] = value;
      return { bytes, step: `set-byte@${at}=${value}` };
    }
    case 'truncate': {
      const length = prng.int(0, n - 1);
      return { bytes: input.slice(0, length), step: `truncate@${length}` };
    }
    case 'duplicate': {
      const from = prng.int(0, n - 1);
      const length = prng.int(1, Math.min(64, n - from));
      const at = prng.int(0, n);
      const bytes = concat(input.slice(0, at), input.slice(from, from + length), input.slice(at));
      return { bytes, step: `duplicate@${from}+${length}->${at}` };
    }
    case 'insert-random': {
      const at = prng.int(0, n);
      const extra = randomBytes(prng, prng.int(1, 8));
      return {
        bytes: concat(input.slice(0, at), extra, input.slice(at)),
        step: `insert@${at}+${extra.length}`,
      };
    }
    case 'delete-range': {
      const at = prng.int(0, n - 1);
      const length = prng.int(1, Math.min(16, n - at));
      return {
        bytes: concat(input.slice(0, at), input.slice(at + length)),
        step: `delete@${at}+${length}`,
      };
    }
    case 'varint': {
      const { bytes, step } = tamperVarint(input, prng);
      // An overlong re-encoding can be the same bytes only when nothing changed; never happens,
      // but keep the promise of "never unchanged".
      if (bytes.length === n && bytes.every((b, i) => b === input[i])) {
        return mutateOnce(input, prng, 'flip-bit');
      }
      return { bytes, step };
    }
    case 'append-random': {
      const extra = randomBytes(prng, prng.int(1, 16));
      return { bytes: concat(input, extra), step: `append+${extra.length}` };
    }
  }
}

/**
 * One to `maxSteps` mutations (mostly one: the "almost valid" message is the interesting one).
 */
export function mutate(input: Uint8Array, prng: Prng, maxSteps = 3): Mutated {
  const count = prng.chance(0.75) ? 1 : prng.int(2, Math.max(2, maxSteps));
  let bytes = input;
  const steps: string[] = [];
  for (let i = 0; i < count; i++) {
    const next = mutateOnce(bytes, prng);
    bytes = next.bytes;
    steps.push(next.step);
  }
  return { bytes, steps };
}

/** Message types of the y-websocket protocol and our extension, plus some that are not. */
const TYPES = [0, 1, 2, 3, 100, 4, 99, 127, 128];

/**
 * A message made from nothing: random bytes, or a plausible header (message type, sync step)
 * followed by a random or wrongly sized payload.
 */
export function randomMessage(prng: Prng): Mutated {
  const shape = prng.int(0, 4);
  if (shape === 0) {
    const bytes = randomBytes(prng, prng.int(0, 64));
    return { bytes, steps: [`random:${bytes.length}`] };
  }
  const type = prng.pick(TYPES);
  const header: number[] = [...encodeVarUint(type)];
  if (type === 0) header.push(prng.int(0, 4));
  const payload = randomBytes(prng, prng.int(0, 48));
  let length: number;
  if (shape === 1)
    length = payload.length; // well framed, random content
  else if (shape === 2)
    length = payload.length + prng.int(1, 100); // claims more than sent
  else if (shape === 3)
    length = prng.int(0, payload.length); // trailing bytes
  else length = prng.pick(SPECIAL_VARINTS);
  const bytes = concat(Uint8Array.from(header), encodeVarUint(length), payload);
  return { bytes, steps: [`random-type-${type}:len=${length}/${payload.length}`] };
}
