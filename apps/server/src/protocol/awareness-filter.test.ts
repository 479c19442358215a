import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { filterAwareness } from './awareness-filter';

interface Entry {
  readonly id: number;
  readonly clock: number;
  /** The state as sent: JSON text (or not, for the malformed cases). */
  readonly state: string;
}

/** An awareness update as y-protocols encodes it: count, then (id, clock, JSON state) each. */
function encodeEntries(entries: readonly Entry[], count = entries.length): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, count);
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.id);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, entry.state);
  }
  return encoding.toUint8Array(e);
}

const entry = (id: number, state: unknown, clock = 1): Entry => ({
  id,
  clock,
  state: JSON.stringify(state),
});

const all = () => true;

/** Applies an update to a fresh awareness and returns the states it ends up with. */
function statesAfter(update: Uint8Array): Map<number, unknown> {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(null);
  applyAwarenessUpdate(awareness, update, 'test');
  const states = new Map(awareness.getStates());
  awareness.destroy();
  return states;
}

describe('filterAwareness', () => {
  it('passes a real awareness update through unchanged when every id is allowed', () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalState({ user: { name: 'Ann', color: '#4f7cff' }, cursor: { x: 1, y: 2 } });
    const update = encodeAwarenessUpdate(awareness, [doc.clientID]);
    awareness.destroy();

    const filtered = filterAwareness(update, all);
    expect(filtered.clientIds).toEqual([doc.clientID]);
    expect(filtered.dropped).toBe(0);
    expect(filtered.update).toEqual(update);
    expect(statesAfter(filtered.update as Uint8Array).get(doc.clientID)).toEqual({
      user: { name: 'Ann', color: '#4f7cff' },
      cursor: { x: 1, y: 2 },
    });
  });

  it('keeps the entries of allowed ids and drops the others', () => {
    const update = encodeEntries([
      entry(11, { user: { name: 'Mine' } }, 3),
      entry(22, { user: { name: 'Someone else' } }, 7),
      entry(33, { user: { name: 'Also mine' } }, 1),
    ]);
    const filtered = filterAwareness(update, (id) => id !== 22);
    expect(filtered.clientIds).toEqual([11, 33]);
    expect(filtered.dropped).toBe(1);
    expect(filtered.update).toEqual(
      encodeEntries([
        entry(11, { user: { name: 'Mine' } }, 3),
        entry(33, { user: { name: 'Also mine' } }, 1),
      ]),
    );
    const states = statesAfter(filtered.update as Uint8Array);
    expect([...states.keys()].sort()).toEqual([11, 33]);
  });

  it('returns no update when nothing is allowed, or nothing was sent', () => {
    const update = encodeEntries([entry(1, { a: 1 }), entry(2, { b: 2 })]);
    expect(filterAwareness(update, () => false)).toEqual({
      update: undefined,
      clientIds: [],
      dropped: 2,
    });
    expect(filterAwareness(encodeEntries([]), all)).toEqual({
      update: undefined,
      clientIds: [],
      dropped: 0,
    });
  });

  it('keeps a removal (state null), which is valid JSON', () => {
    const update = encodeEntries([entry(5, null, 4)]);
    const filtered = filterAwareness(update, all);
    expect(filtered.clientIds).toEqual([5]);
    expect(filtered.update).toEqual(update);
  });

  it('asks `allowed` about every entry, in order', () => {
    const asked: number[] = [];
    filterAwareness(encodeEntries([entry(3, {}), entry(1, {}), entry(2, {})]), (id) => {
      asked.push(id);
      return true;
    });
    expect(asked).toEqual([3, 1, 2]);
  });

  it('rejects a state that is not JSON; an entry that is dropped is not read at all', () => {
    for (const state of ['{', '', 'undefined', "{'a':1}", '{"a":1}}', 'NaN']) {
      const update = encodeEntries([entry(1, {}), { id: 2, clock: 1, state }]);
      expect(() => filterAwareness(update, all), JSON.stringify(state)).toThrow();
      // Another participant's entry, passed on by a stock client: dropped unread.
      expect(filterAwareness(update, (id) => id !== 2).dropped, JSON.stringify(state)).toBe(1);
    }
  });

  it('rejects states over the limits, or that are neither an object nor null', () => {
    const limits = { maxEntries: 3, maxMessageBytes: 4096, maxStateBytes: 100, maxDepth: 4 };
    const refused = (entries: Entry[]) => () =>
      filterAwareness(encodeEntries(entries), all, { limits });
    expect(refused([entry(1, { a: 'x'.repeat(200) })])).toThrow(/over 100 bytes/);
    expect(refused([entry(1, { a: [[[[1]]]] })])).toThrow(/nested over 4 levels/);
    expect(refused([entry(1, {}), entry(2, {}), entry(3, {}), entry(4, {})])).toThrow(
      /4 participants in one message/,
    );
    expect(refused([entry(1, [1, 2])])).toThrow(/an object or null/);
    expect(refused([entry(1, 0)])).toThrow(/an object or null/);
    expect(refused([entry(1, { a: [[[1]]] }), entry(2, null)])).not.toThrow();
    // Only what the sender may set is checked: others' entries it passes on are skipped.
    const big = encodeEntries([entry(9, { a: 'x'.repeat(200) }), entry(1, {})]);
    expect(filterAwareness(big, (id) => id === 1, { limits }).clientIds).toEqual([1]);
  });

  it('tells `allowed` each entry’s clock and whether it removes a participant', () => {
    const seen: [number, number, boolean][] = [];
    filterAwareness(encodeEntries([entry(1, {}, 7), entry(2, null, 9)]), (id, clock, removes) => {
      seen.push([id, clock, removes]);
      return true;
    });
    expect(seen).toEqual([
      [1, 7, false],
      [2, 9, true],
    ]);
  });

  it('stamps kept states that are objects, and leaves removals as they are', () => {
    const update = encodeEntries([
      entry(1, { viewOnly: false, user: { name: 'A' } }),
      entry(2, null),
    ]);
    const filtered = filterAwareness(update, all, { stamp: (s) => ({ ...s, viewOnly: true }) });
    const states = statesAfter(filtered.update!);
    expect(states.get(1)).toEqual({ viewOnly: true, user: { name: 'A' } });
    expect(states.has(2)).toBe(false);
  });

  it('rejects trailing bytes', () => {
    const update = encodeEntries([entry(1, { a: 1 })]);
    for (const tail of [[0], [0xff], [1, 2, 3]]) {
      const withTail = Uint8Array.from([...update, ...tail]);
      expect(() => filterAwareness(withTail, all)).toThrow(/trailing/);
    }
    // a count smaller than the entries sent leaves the rest as trailing bytes
    expect(() => filterAwareness(encodeEntries([entry(1, {}), entry(2, {})], 1), all)).toThrow(
      /trailing/,
    );
  });

  it('rejects every truncation, and a count larger than the entries sent', () => {
    const update = encodeEntries([entry(1, { user: { name: 'Ann' } }, 300), entry(2, null, 2)]);
    for (let length = 0; length < update.length; length++) {
      expect(() => filterAwareness(update.slice(0, length), all), `length ${length}`).toThrow();
    }
    expect(() => filterAwareness(encodeEntries([entry(1, {})], 2), all)).toThrow();
  });
});
