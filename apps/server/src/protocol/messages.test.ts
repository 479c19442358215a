import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  awarenessMessage,
  checkStateVector,
  MESSAGE,
  parseClientMessage,
  SYNC,
  savedMessage,
  syncStep1,
  syncStep2,
  syncUpdate,
} from './messages';

/** A document with content from two clients, one deletion, and a nested type. */
function sampleDoc(): Y.Doc {
  const a = new Y.Doc();
  a.clientID = 1;
  a.getMap('meta').set('title', 'Referral');
  a.getArray<string>('list').insert(0, ['x', 'y', 'z']);
  const b = new Y.Doc();
  b.clientID = 2;
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  b.getArray<string>('list').delete(1, 1);
  const step = new Y.Map<unknown>();
  b.getMap('steps').set('s1', step);
  step.set('label', 'Triage');
  return b;
}

/** What the stock client sends, built with y-protocols itself. */
function stockMessages(doc: Y.Doc) {
  const step1 = encoding.createEncoder();
  encoding.writeVarUint(step1, MESSAGE.sync);
  syncProtocol.writeSyncStep1(step1, doc);
  const step2 = encoding.createEncoder();
  encoding.writeVarUint(step2, MESSAGE.sync);
  syncProtocol.writeSyncStep2(step2, doc, Y.encodeStateVector(new Y.Doc()));
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, MESSAGE.sync);
  syncProtocol.writeUpdate(update, Y.encodeStateAsUpdate(doc));
  const awareness = new Awareness(doc);
  awareness.setLocalState({ user: { name: 'Ann', color: '#4f7cff' } });
  const presence = encoding.createEncoder();
  encoding.writeVarUint(presence, MESSAGE.awareness);
  encoding.writeVarUint8Array(presence, encodeAwarenessUpdate(awareness, [doc.clientID]));
  awareness.destroy();
  return {
    step1: encoding.toUint8Array(step1),
    step2: encoding.toUint8Array(step2),
    update: encoding.toUint8Array(update),
    awareness: encoding.toUint8Array(presence),
  };
}

const bytes = (...values: number[]) => Uint8Array.from(values);
const concat = (a: Uint8Array, b: Uint8Array) => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

describe('parseClientMessage', () => {
  const doc = sampleDoc();
  const stock = stockMessages(doc);

  it('parses a sync step 1 and returns its state vector', () => {
    const message = parseClientMessage(stock.step1);
    expect(message).toEqual({ type: 'sync-step1', stateVector: Y.encodeStateVector(doc) });
    expect(parseClientMessage(syncStep1(Y.encodeStateVector(doc)))).toEqual(message);
  });

  it('parses a sync step 2 and a sync update as a document update', () => {
    const full = Y.encodeStateAsUpdate(doc);
    expect(parseClientMessage(stock.step2)).toEqual({ type: 'update', update: full });
    expect(parseClientMessage(stock.update)).toEqual({ type: 'update', update: full });
    expect(parseClientMessage(syncStep2(full))).toEqual({ type: 'update', update: full });
    expect(parseClientMessage(syncUpdate(full))).toEqual({ type: 'update', update: full });
  });

  it('parses an awareness message and returns the awareness update', () => {
    const message = parseClientMessage(stock.awareness);
    expect(message.type).toBe('awareness');
    const update = (message as { update: Uint8Array }).update;
    expect(parseClientMessage(awarenessMessage(update))).toEqual(message);
  });

  it('parses query-awareness (type 3), which has no payload', () => {
    expect(parseClientMessage(bytes(MESSAGE.queryAwareness))).toEqual({ type: 'query-awareness' });
  });

  it('parses an auth message (type 2) and ignores whatever follows it', () => {
    expect(parseClientMessage(bytes(MESSAGE.auth))).toEqual({ type: 'auth' });
    // The server never asks for auth; the payload of an unsolicited one is not looked at.
    expect(parseClientMessage(bytes(MESSAGE.auth, 0, 3, 0x61, 0x62, 0x63, 0xff))).toEqual({
      type: 'auth',
    });
  });

  it('parses our extension, type 100 (asking for durable acknowledgements), with no payload', () => {
    expect(parseClientMessage(bytes(MESSAGE.saved))).toEqual({ type: 'want-saved' });
    // the server's own "saved" message carries a payload; a client's request does not
    expect(() => parseClientMessage(savedMessage(Y.encodeStateVector(doc)))).toThrow(/trailing/);
  });

  it('rejects trailing bytes after every message type that has a known end', () => {
    for (const message of [
      stock.step1,
      stock.step2,
      stock.update,
      stock.awareness,
      bytes(MESSAGE.queryAwareness),
      bytes(MESSAGE.saved),
    ]) {
      for (const tail of [bytes(0), bytes(0xff), bytes(1, 2, 3), message]) {
        expect(() => parseClientMessage(concat(message, tail))).toThrow(/trailing/);
      }
    }
  });

  it('rejects every truncation of the sync and awareness messages', () => {
    for (const message of [stock.step1, stock.step2, stock.update, stock.awareness]) {
      for (let length = 0; length < message.length; length++) {
        expect(() => parseClientMessage(message.slice(0, length)), `length ${length}`).toThrow();
      }
    }
  });

  it('rejects a payload length beyond the message, even inside a larger buffer', () => {
    // ws hands over views into pooled buffers: a decoder must not read past the view.
    const pool = new Uint8Array(64).fill(7);
    pool.set(bytes(MESSAGE.sync, SYNC.update, 10, 1, 2, 3), 8);
    const view = pool.subarray(8, 14);
    expect(() => parseClientMessage(view)).toThrow(/Unexpected end/);
  });

  it('rejects unknown message types and unknown sync steps', () => {
    for (const type of [4, 5, 42, 99, 101, 127, 128, 1000, 2 ** 32]) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, type);
      expect(() => parseClientMessage(encoding.toUint8Array(e)), `type ${type}`).toThrow(
        /unknown message type/,
      );
    }
    for (const step of [3, 4, 100]) {
      expect(() => parseClientMessage(bytes(MESSAGE.sync, step, 0))).toThrow(/unknown sync step/);
    }
  });

  it('rejects an empty message, an unterminated type and an overlong varint', () => {
    expect(() => parseClientMessage(new Uint8Array(0))).toThrow();
    expect(() => parseClientMessage(bytes(0x80))).toThrow();
    // ten continuation bytes: more than 53 bits
    expect(() => parseClientMessage(new Uint8Array(10).fill(0xff))).toThrow();
  });
});

describe('checkStateVector', () => {
  it('accepts real state vectors, including the empty one', () => {
    expect(() => checkStateVector(Y.encodeStateVector(new Y.Doc()))).not.toThrow();
    expect(() => checkStateVector(Y.encodeStateVector(sampleDoc()))).not.toThrow();
    const many = new Y.Doc();
    for (let client = 1; client < 50; client++) {
      const other = new Y.Doc();
      other.clientID = client * 1_000_003;
      other.getMap('m').set(String(client), client);
      Y.applyUpdate(many, Y.encodeStateAsUpdate(other));
    }
    expect(Y.decodeStateVector(Y.encodeStateVector(many)).size).toBe(49);
    expect(() => checkStateVector(Y.encodeStateVector(many))).not.toThrow();
  });

  it('rejects trailing bytes', () => {
    const sv = Y.encodeStateVector(sampleDoc());
    expect(() => checkStateVector(concat(sv, bytes(0)))).toThrow(/trailing/);
    expect(() => checkStateVector(bytes(0, 5))).toThrow(/trailing/);
  });

  it('rejects every truncation, and a count larger than the entries', () => {
    const sv = Y.encodeStateVector(sampleDoc());
    for (let length = 0; length < sv.length; length++) {
      expect(() => checkStateVector(sv.slice(0, length)), `length ${length}`).toThrow();
    }
    const tooMany = Uint8Array.from(sv);
    tooMany[0] = (tooMany[0] as number) + 1;
    expect(() => checkStateVector(tooMany)).toThrow();
  });

  it('rejects a clock past 2^53', () => {
    expect(() => checkStateVector(concat(bytes(1, 1), new Uint8Array(10).fill(0xff)))).toThrow();
  });
});
