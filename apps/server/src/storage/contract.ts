/*
 * The contract every StorageAdapter must pass, run against each adapter by a one-line test file.
 * `create` gives a fresh, empty adapter per test; `reopen`, when given, opens the same store
 * again as a new process would, to check that data outlives close().
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type MapRecord, type StorageAdapter, StorageError } from './adapter';

type Setup = { storage: StorageAdapter; reopen?: () => Promise<StorageAdapter> };

const T0 = '2025-03-01T09:00:00.000Z';
const at = (minute: number) => `2025-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const HASHES = { editTokenHash: 'e'.repeat(64), viewTokenHash: 'f'.repeat(64) };
const record = (id: string, updatedAt = T0, title = `Map ${id}`): MapRecord =>
  Object.assign({ id, title, createdAt: T0, updatedAt }, HASHES);
/** Distinct, deterministic bytes for update number n (at least 3 bytes). */
const blob = (n: number, length = 3 + (n % 7)) =>
  Uint8Array.from({ length }, (_, i) => (n * 31 + i * 7) & 255);
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const hexes = (updates: readonly Uint8Array[] | undefined) => (updates ?? []).map(hex);
/** The hex of blob(n) for each n, to compare with a loaded log. */
const blobs = (...ns: number[]) => ns.map((n) => hex(blob(n)));

/** Expects `call` to reject (never throw synchronously) with a StorageError of `code`. */
async function expectCode(call: () => Promise<unknown>, code: StorageError['code']) {
  let promise: Promise<unknown> = Promise.resolve();
  expect(() => (promise = call()), 'must reject, not throw synchronously').not.toThrow();
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(StorageError);
  expect(error).toMatchObject({ code });
}

/** A Y.Doc edited like a map: records as nested Y.Maps, labels as Y.Text, some deletions. */
function editor() {
  const doc = new Y.Doc();
  const emitted: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => emitted.push(update));
  doc.getMap('meta').set('title', 'Outpatients');
  const steps = doc.getMap<Y.Map<unknown>>('steps');
  const edit = (i: number) => {
    doc.transact(() => {
      const step = new Y.Map<unknown>();
      steps.set(`s${i}`, step);
      step.set('label', new Y.Text(`Step ${i}`));
      if (i % 4 === 3) steps.delete(`s${i - 2}`);
      const earlier = steps.get(`s${i - 1}`)?.get('label');
      if (earlier instanceof Y.Text) earlier.insert(0, `#${i} `);
    });
  };
  return { doc, edit, take: () => emitted.splice(0) };
}

const contentOf = (doc: Y.Doc) => ({
  meta: doc.getMap('meta').toJSON(),
  steps: doc.getMap('steps').toJSON(),
  stateVector: hex(Y.encodeStateVector(doc)),
});
const replay = (updates: readonly Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return contentOf(doc);
};

/** Registers the storage contract suite for one adapter. */
export function storageContract(
  name: string,
  create: () => Promise<Setup>,
  options: { readonly persists?: boolean } = {},
): void {
  describe(`${name} (storage contract)`, () => {
    const opened: StorageAdapter[] = [];
    afterEach(async () => {
      for (const storage of opened.splice(0)) await storage.close();
    });
    const setup = async () => {
      const made = await create();
      opened.push(made.storage);
      return made;
    };
    const fresh = async () => (await setup()).storage;
    const updatesOf = async (storage: StorageAdapter, id = 'm') =>
      (await storage.loadState(id))?.updates ?? [];
    const logOf = async (storage: StorageAdapter, id = 'm') => hexes(await updatesOf(storage, id));
    /** A map "m" whose log holds blob(1)..blob(n) at seqs 1..n. */
    const withLog = async (n: number) => {
      const storage = await fresh();
      await storage.createMap(record('m'), blob(1));
      for (let k = 2; k <= n; k++) await storage.appendUpdates('m', [blob(k)]);
      return storage;
    };

    it('creates a map with its first update, once per id', async () => {
      const storage = await fresh();
      await storage.createMap(record('m'), blob(1));
      expect(await storage.getMap('m')).toEqual(record('m'));
      const state = await storage.loadState('m');
      expect(hexes(state?.updates)).toEqual(blobs(1));
      expect(state?.lastSeq).toBe(1);
      expect(await storage.countUpdates('m')).toBe(1);
      await expectCode(() => storage.createMap(record('m', at(5), 'Other'), blob(2)), 'exists');
      expect(await storage.getMap('m')).toEqual(record('m'));
      expect(await logOf(storage)).toEqual(blobs(1));
    });

    it('lists maps most recently updated first; touch sets updated time and title', async () => {
      const storage = await fresh();
      await storage.createMap(record('a', at(1)), blob(1));
      await storage.createMap(record('b', at(3)), blob(2));
      await storage.createMap(record('c', at(2)), blob(3));
      expect(await storage.listMaps()).toEqual([
        { id: 'b', title: 'Map b', updatedAt: at(3) },
        { id: 'c', title: 'Map c', updatedAt: at(2) },
        { id: 'a', title: 'Map a', updatedAt: at(1) },
      ]);
      await storage.touchMap('a', { updatedAt: at(4) });
      expect((await storage.listMaps()).map((m) => m.id)).toEqual(['a', 'b', 'c']);
      await storage.touchMap('b', { title: 'Renamed', updatedAt: at(5) });
      expect(await storage.getMap('b')).toEqual({ ...record('b', at(5)), title: 'Renamed' });
      await storage.touchMap('b', { updatedAt: at(6) });
      expect(await storage.getMap('b')).toEqual({ ...record('b', at(6)), title: 'Renamed' });
    });

    it('deletes a map with its log and leaves other maps alone', async () => {
      const storage = await fresh();
      await storage.createMap(record('a'), blob(1));
      await storage.createMap(record('b'), blob(2));
      await storage.appendUpdates('a', [blob(3), blob(4)]);
      expect(await storage.deleteMap('a')).toBe(true);
      expect(await storage.getMap('a')).toBeUndefined();
      expect(await storage.loadState('a')).toBeUndefined();
      expect(await storage.countUpdates('a')).toBe(0);
      expect((await storage.listMaps()).map((m) => m.id)).toEqual(['b']);
      expect(await logOf(storage, 'b')).toEqual(blobs(2));
      expect(await storage.deleteMap('a')).toBe(false);
      await storage.createMap(record('a'), blob(5));
      expect(await storage.loadState('a')).toMatchObject({ lastSeq: 1 });
      expect(await logOf(storage, 'a')).toEqual(blobs(5));
    });

    it('answers unknown ids: undefined, 0, false, a no-op touch, not-found on writes', async () => {
      const storage = await fresh();
      expect(await storage.getMap('nope')).toBeUndefined();
      expect(await storage.loadState('nope')).toBeUndefined();
      expect(await storage.countUpdates('nope')).toBe(0);
      expect(await storage.deleteMap('nope')).toBe(false);
      await storage.touchMap('nope', { title: 'x', updatedAt: at(1) });
      expect(await storage.listMaps()).toEqual([]);
      await expectCode(() => storage.appendUpdates('nope', [blob(1)]), 'not-found');
      await expectCode(() => storage.compact('nope', blob(1), 1), 'not-found');
    });

    it('appends with increasing seq and loads the bytes back in order', async () => {
      const storage = await fresh();
      await storage.createMap(record('m'), blob(1));
      expect(await storage.appendUpdates('m', [blob(2)])).toBe(2);
      expect(await storage.appendUpdates('m', [blob(3), blob(4)])).toBe(4);
      expect(await storage.appendUpdates('m', [])).toBe(4);
      const view = Uint8Array.from([255, 255, ...blob(5), 255]).subarray(2, 2 + blob(5).length);
      expect(await storage.appendUpdates('m', [view])).toBe(5);
      const state = await storage.loadState('m');
      expect(hexes(state?.updates)).toEqual(blobs(1, 2, 3, 4, 5));
      expect(state?.lastSeq).toBe(5);
      expect(await storage.countUpdates('m')).toBe(5);
    });

    it('appends many updates, large ones included, in one call', async () => {
      const storage = await fresh();
      await storage.createMap(record('m'), blob(0));
      const many = Array.from({ length: 1000 }, (_, i) => blob(i + 1, i === 500 ? 1 << 17 : 3));
      expect(await storage.appendUpdates('m', many)).toBe(1001);
      const state = await storage.loadState('m');
      expect(hexes(state?.updates)).toEqual([blob(0), ...many].map(hex));
    });

    it('gives concurrent appends distinct seqs that match what was stored', async () => {
      const storage = await withLog(1);
      const seqs = await Promise.all(
        [2, 3, 4, 5, 6, 7].map((n) => storage.appendUpdates('m', [blob(n)])),
      );
      expect([...seqs].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7]);
      const stored = await logOf(storage);
      expect(seqs.map((seq) => stored[seq - 1])).toEqual(blobs(2, 3, 4, 5, 6, 7));
    });

    it('compacts a prefix, keeps later updates in order, and never reuses a seq', async () => {
      const storage = await withLog(5);
      const snapshot = blob(100, 12);
      await storage.compact('m', snapshot, 3);
      const state = await storage.loadState('m');
      expect(hexes(state?.updates)).toEqual([snapshot, blob(4), blob(5)].map(hex));
      expect(state?.lastSeq).toBe(5);
      expect(await storage.countUpdates('m')).toBe(3);
      expect(await storage.appendUpdates('m', [blob(6)])).toBe(6);
      await storage.compact('m', blob(101, 20), 6);
      expect(await storage.loadState('m')).toMatchObject({ lastSeq: 6 });
      expect(await storage.countUpdates('m')).toBe(1);
      expect(await storage.appendUpdates('m', [blob(7)])).toBe(7);
    });

    it('skips a compaction an earlier one covers and refuses one beyond the log', async () => {
      const storage = await withLog(5);
      await storage.compact('m', blob(100, 12), 4);
      const before = await logOf(storage);
      await storage.compact('m', blob(101, 12), 2);
      await expect(storage.compact('m', blob(102, 12), 6)).rejects.toThrow();
      await expect(storage.compact('m', blob(103, 12), 0)).rejects.toThrow();
      expect(await logOf(storage)).toEqual(before);
    });

    it('refuses an empty snapshot and leaves the log untouched', async () => {
      const storage = await withLog(3);
      const empty = Y.encodeStateAsUpdate(new Y.Doc());
      for (const snapshot of [new Uint8Array(0), Uint8Array.of(0, 0), empty]) {
        await expectCode(() => storage.compact('m', snapshot, 3), 'empty-snapshot');
      }
      expect(await logOf(storage)).toEqual(blobs(1, 2, 3));
    });

    it('stores real Yjs edits that replay to the same document around compaction', async () => {
      const storage = await fresh();
      const { doc, edit, take } = editor();
      await storage.createMap(record('m'), Y.encodeStateAsUpdate(doc));
      take();
      for (let i = 1; i <= 20; i++) {
        edit(i);
        if (i % 5 !== 0) await storage.appendUpdates('m', take());
      }
      await storage.appendUpdates('m', take());
      const log = await updatesOf(storage);
      expect(replay(log)).toEqual(contentOf(doc));
      await storage.compact('m', Y.mergeUpdates(log.slice(0, 10)), 10);
      expect(replay(await updatesOf(storage))).toEqual(contentOf(doc));
      for (let i = 21; i <= 30; i++) edit(i);
      const through = await storage.appendUpdates('m', take());
      const loaded = new Y.Doc();
      for (const update of await updatesOf(storage)) Y.applyUpdate(loaded, update);
      edit(31); // lands between taking the snapshot and compacting, as on a live server
      await storage.appendUpdates('m', take());
      await storage.compact('m', Y.encodeStateAsUpdate(loaded), through);
      const compacted = await updatesOf(storage);
      expect(compacted).toHaveLength(2);
      expect(replay(compacted)).toEqual(contentOf(doc));
    });

    it('copies bytes in and out: callers cannot change stored data', async () => {
      const storage = await fresh();
      const [first, next, snapshot] = [blob(1), blob(2), blob(50, 10)];
      await storage.createMap(record('m'), first);
      await storage.appendUpdates('m', [next, blob(3)]);
      await storage.compact('m', snapshot, 1);
      for (const bytes of [first, next, snapshot]) bytes.fill(0);
      for (const update of await updatesOf(storage)) {
        expect(Object.getPrototypeOf(update)).toBe(Uint8Array.prototype);
        update.fill(9);
      }
      expect(await logOf(storage)).toEqual([blob(50, 10), blob(2), blob(3)].map(hex));
      const got = (await storage.getMap('m')) as { title: string };
      got.title = 'changed by a caller';
      expect((await storage.getMap('m'))?.title).toBe('Map m');
    });

    it('rejects every method with "closed" after close, and close again is harmless', async () => {
      const storage = await withLog(2);
      await storage.close();
      await expectCode(() => storage.createMap(record('n'), blob(1)), 'closed');
      await expectCode(() => storage.getMap('m'), 'closed');
      await expectCode(() => storage.listMaps(), 'closed');
      await expectCode(() => storage.touchMap('m', { updatedAt: at(1) }), 'closed');
      await expectCode(() => storage.deleteMap('m'), 'closed');
      await expectCode(() => storage.loadState('m'), 'closed');
      await expectCode(() => storage.appendUpdates('m', [blob(3)]), 'closed');
      await expectCode(() => storage.compact('m', blob(4), 1), 'closed');
      await expectCode(() => storage.countUpdates('m'), 'closed');
      await storage.close();
    });

    // Only adapters that persist (a file, a database server) can be reopened.
    const ifPersistent = options.persists ? it : () => undefined;
    ifPersistent('keeps every map, log and compaction across close and reopen', async () => {
      const { storage, reopen } = await setup();
      if (!reopen) throw new Error('a persistent adapter must provide reopen()');
      await storage.createMap(record('a', at(1)), blob(1));
      await storage.createMap(record('b', at(2)), blob(2));
      await storage.appendUpdates('a', [blob(3), blob(4), blob(5)]);
      await storage.compact('a', blob(100, 12), 2);
      await storage.touchMap('b', { title: 'Renamed', updatedAt: at(3) });
      await storage.createMap(record('gone'), blob(6));
      await storage.deleteMap('gone');
      await storage.close();
      const again = await reopen();
      opened.push(again);
      expect(await again.listMaps()).toEqual([
        { id: 'b', title: 'Renamed', updatedAt: at(3) },
        { id: 'a', title: 'Map a', updatedAt: at(1) },
      ]);
      expect(await again.getMap('a')).toEqual(record('a', at(1)));
      const state = await again.loadState('a');
      expect(hexes(state?.updates)).toEqual([blob(100, 12), blob(4), blob(5)].map(hex));
      expect(state?.lastSeq).toBe(4);
      expect(await again.loadState('gone')).toBeUndefined();
      expect(await again.appendUpdates('a', [blob(7)])).toBe(5);
    });
  });
}
