import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BusMessage } from './bus';
import { BUS_FORMAT_VERSION, decodeBusMessage, encodeBusMessage } from './bus-codec';

/** A real document update and state vector, plus bytes at both ends of the range. */
function samples() {
  const doc = new Y.Doc();
  doc.getMap('steps').set('s1', 'Triage ✓');
  const update = Y.encodeStateAsUpdate(doc);
  const extremes = Uint8Array.from([0x00, 0xff, 0x00, 0x80, 0x7f, 0xff]);
  return { update, stateVector: Y.encodeStateVector(doc), extremes };
}

const every = (): BusMessage[] => {
  const { update, stateVector, extremes } = samples();
  return [
    { kind: 'update', n: 1, update },
    { kind: 'update', n: Number.MAX_SAFE_INTEGER, update: extremes },
    { kind: 'update', n: 7, update: new Uint8Array() },
    { kind: 'stored', through: 0 },
    { kind: 'stored', through: 123_456 },
    { kind: 'awareness', update: extremes },
    { kind: 'sync1', stateVector },
    { kind: 'sync2', update },
  ];
};

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('bus codec', () => {
  it('round-trips every kind with its sender', () => {
    for (const message of every()) {
      const decoded = decodeBusMessage(encodeBusMessage('instance-a:42', message));
      expect(decoded).toEqual({ ...message, from: 'instance-a:42' });
    }
  });

  it('starts with the format version, then the kind', () => {
    const bytes = encodeBusMessage('a', { kind: 'stored', through: 5 });
    expect([...bytes]).toEqual([BUS_FORMAT_VERSION, 1, 1, 'a'.charCodeAt(0), 5]);
  });

  it('decodes a message inside a larger buffer without reading past it', () => {
    // As a socket delivers it: a view into a bigger chunk holding the next message's bytes
    const bytes = encodeBusMessage('a', { kind: 'sync1', stateVector: Uint8Array.of(1, 2) });
    const chunk = new Uint8Array(bytes.length + 10).fill(0xee);
    chunk.set(bytes, 5);
    const view = chunk.subarray(5, 5 + bytes.length);
    const decoded = decodeBusMessage(view);
    expect(decoded).toEqual({ kind: 'sync1', stateVector: Uint8Array.of(1, 2), from: 'a' });
    // and the payload is a copy: reusing the chunk does not change what was decoded
    chunk.fill(0);
    expect(decoded).toEqual({ kind: 'sync1', stateVector: Uint8Array.of(1, 2), from: 'a' });
  });

  it('returns undefined for every truncation of every kind', () => {
    for (const message of every()) {
      const bytes = encodeBusMessage('sender', message);
      for (let end = 0; end < bytes.length; end++) {
        expect(decodeBusMessage(bytes.subarray(0, end)), `${message.kind} cut at ${end}`).toBe(
          undefined,
        );
      }
    }
  });

  it('returns undefined for trailing bytes, an empty sender or invalid UTF-8 in it', () => {
    const bytes = encodeBusMessage('a', { kind: 'stored', through: 5 });
    expect(decodeBusMessage(Uint8Array.from([...bytes, 0]))).toBe(undefined);
    expect(decodeBusMessage(encodeBusMessage('', { kind: 'stored', through: 5 }))).toBe(undefined);
    const e = encoding.createEncoder();
    encoding.writeUint8(e, BUS_FORMAT_VERSION);
    encoding.writeUint8(e, 1);
    encoding.writeVarUint8Array(e, Uint8Array.of(0xc3, 0x28)); // not UTF-8
    encoding.writeVarUint(e, 5);
    expect(decodeBusMessage(encoding.toUint8Array(e))).toBe(undefined);
  });

  it('ignores an unknown kind or another format version', () => {
    const bytes = encodeBusMessage('a', { kind: 'stored', through: 5 });
    const unknownKind = bytes.slice();
    unknownKind[1] = 5;
    expect(decodeBusMessage(unknownKind)).toBe(undefined);
    const newer = bytes.slice();
    newer[0] = BUS_FORMAT_VERSION + 1;
    expect(decodeBusMessage(newer)).toBe(undefined);
    expect(decodeBusMessage(new Uint8Array())).toBe(undefined);
  });

  it('refuses random bytes without throwing', () => {
    const next = random(20_261_129);
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(next() * 40) }, () =>
        Math.floor(next() * 256),
      );
      // Half start with a valid header, so the decoder gets past the version and kind checks
      if (i % 2 === 0 && bytes.length >= 2) {
        bytes[0] = BUS_FORMAT_VERSION;
        bytes[1] = Math.floor(next() * 5);
      }
      if (decodeBusMessage(bytes) !== undefined) accepted++;
    }
    // A stray sender of garbage is not mistaken for one of ours (a rare fluke could parse)
    expect(accepted).toBeLessThan(20);
  });

  it('reads damaged messages without throwing, as well-formed messages or not at all', () => {
    const next = random(7);
    const messages = every().map((m) => encodeBusMessage('instance-b', m));
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      const bytes = (messages[i % messages.length] as Uint8Array).slice();
      for (let flips = 1 + Math.floor(next() * 3); flips > 0; flips--) {
        bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
      }
      const decoded = decodeBusMessage(bytes);
      if (decoded === undefined) continue;
      accepted++;
      // What it accepts is a message it could have been sent: encoding it reads back the same
      const { from, ...message } = decoded;
      expect(decodeBusMessage(encodeBusMessage(from, message as BusMessage))).toEqual(decoded);
    }
    // A damaged payload byte still parses (the bus does not check content; rooms do)
    expect(accepted).toBeGreaterThan(0);
  });
});
