import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { StorageAdapter } from '../storage/adapter';
import { MemoryStorage } from '../storage/memory-storage';
import { PersistQueue } from './persist-queue';

const record = (id: string) => ({
  id,
  title: 't',
  editTokenHash: 'aa',
  viewTokenHash: 'bb',
  createdAt: '2026-11-29T00:00:00.000Z',
  updatedAt: '2026-11-29T00:00:00.000Z',
});

/** A real document and the real updates that built it. */
function edits(n: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < n; i++) doc.getArray('a').push([i]);
  return { doc, updates };
}

async function storageWithMap(): Promise<MemoryStorage> {
  const storage = new MemoryStorage();
  await storage.createMap(record('m'), Y.encodeStateAsUpdate(new Y.Doc()));
  return storage;
}

/** The storage, noting the size of each batch appended. */
function countingAppends(storage: MemoryStorage, appends: number[]): StorageAdapter {
  return new Proxy(storage, {
    get: (t, k, r) =>
      k === 'appendUpdates'
        ? (id: string, updates: Uint8Array[]) => {
            appends.push(updates.length);
            return t.appendUpdates(id, updates);
          }
        : Reflect.get(t, k, r),
  }) as StorageAdapter;
}

describe('PersistQueue', () => {
  it('writes queued updates together and reports the state vector now on disk', async () => {
    // Given a queue over real storage
    const storage = await storageWithMap();
    const appends: number[] = [];
    const counting = countingAppends(storage, appends);
    const saved: Uint8Array[] = [];
    const all = edits(10);
    const queue = new PersistQueue(
      counting,
      'm',
      { saved: (sv) => saved.push(sv), failed: () => {} },
      () => Y.encodeStateVector(all.doc),
    );
    // When ten updates arrive at once
    for (const update of all.updates) queue.push(update);
    await queue.flush();
    // Then they took fewer writes than updates (group commit), and the last report is the final state
    expect(appends.reduce((a, b) => a + b, 0)).toBe(10);
    expect(appends.length).toBeLessThan(10);
    expect(saved.at(-1)).toEqual(Y.encodeStateVector(all.doc));
    expect(queue.pending).toBe(0);
    const state = await storage.loadState('m');
    const doc = new Y.Doc();
    for (const u of state?.updates ?? []) Y.applyUpdate(doc, u);
    expect(doc.getArray('a').toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('keeps updates whose write failed and writes them on the retry, in order', async () => {
    const storage = await storageWithMap();
    let failNext = 1;
    const flaky = new Proxy(storage, {
      get: (t, k, r) =>
        k === 'appendUpdates'
          ? (id: string, updates: Uint8Array[]) =>
              failNext-- > 0 ? Promise.reject(new Error('disk full')) : t.appendUpdates(id, updates)
          : Reflect.get(t, k, r),
    }) as StorageAdapter;
    const failures: unknown[] = [];
    const all = edits(3);
    const queue = new PersistQueue(
      flaky,
      'm',
      { saved: () => {}, failed: (e) => failures.push(e) },
      () => Y.encodeStateVector(all.doc),
      1,
    );
    for (const update of all.updates) queue.push(update);
    await expect(queue.flush()).rejects.toThrow(/could not save/);
    expect(queue.pending).toBe(3);
    await queue.flush(); // the retry succeeds
    expect(failures).toHaveLength(1);
    const state = await storage.loadState('m');
    const doc = new Y.Doc();
    for (const u of state?.updates ?? []) Y.applyUpdate(doc, u);
    expect(doc.getArray('a').toArray()).toEqual([0, 1, 2]);
  });

  describe('the commit gap', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('writes an update after a quiet spell at once, and gathers those that keep coming', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] });
      const storage = await storageWithMap();
      const appends: number[] = [];
      const counting = countingAppends(storage, appends);
      const stored: number[] = [];
      const all = edits(6);
      const [u1, u2, u3, u4, u5, u6] = all.updates as [Uint8Array, ...Uint8Array[]];
      const queue = new PersistQueue(
        counting,
        'm',
        { saved: (_sv, _seq, through) => stored.push(through), failed: () => {} },
        () => Y.encodeStateVector(all.doc),
        500,
        1000,
      );
      // The first edit after a quiet spell: written on the next turn, not a second later.
      queue.push(u1);
      await vi.advanceTimersByTimeAsync(1);
      expect(appends).toEqual([1]);
      expect(stored).toEqual([1]);
      // Two more within the gap wait for it, and go in one commit.
      queue.push(u2 as Uint8Array);
      await vi.advanceTimersByTimeAsync(300);
      queue.push(u3 as Uint8Array);
      await vi.advanceTimersByTimeAsync(300);
      expect(appends).toEqual([1]);
      await vi.advanceTimersByTimeAsync(500);
      expect(appends).toEqual([1, 2]);
      expect(stored).toEqual([1, 3]);
      // A flush does not wait for the gap.
      queue.push(u4 as Uint8Array);
      await queue.flush();
      expect(appends).toEqual([1, 2, 1]);
      // After a quiet spell, at once again.
      await vi.advanceTimersByTimeAsync(5000);
      queue.push(u5 as Uint8Array);
      queue.push(u6 as Uint8Array);
      await vi.advanceTimersByTimeAsync(1);
      expect(appends).toEqual([1, 2, 1, 2]);
      expect(queue.idle).toBe(true);
    });

    it('retries a failed write after its back-off, not after the commit gap too', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] });
      const storage = await storageWithMap();
      let failNext = 1;
      const tries: number[] = [];
      const flaky = new Proxy(storage, {
        get: (t, k, r) =>
          k === 'appendUpdates'
            ? (id: string, updates: Uint8Array[]) => {
                tries.push(performance.now());
                return failNext-- > 0
                  ? Promise.reject(new Error('disk full'))
                  : t.appendUpdates(id, updates);
              }
            : Reflect.get(t, k, r),
      }) as StorageAdapter;
      const all = edits(1);
      const queue = new PersistQueue(
        flaky,
        'm',
        { saved: () => {}, failed: () => {} },
        () => Y.encodeStateVector(all.doc),
        100,
        1000,
      );
      queue.push(all.updates[0] as Uint8Array);
      await vi.advanceTimersByTimeAsync(1);
      expect(tries).toHaveLength(1);
      // The retry comes after its 100 ms back-off, well inside the one-second gap.
      await vi.advanceTimersByTimeAsync(150);
      expect(tries).toHaveLength(2);
      expect(queue.idle).toBe(true);
    });

    it('stops while gathering: nothing more is written and no timer is left', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'performance'] });
      const storage = await storageWithMap();
      const appends: number[] = [];
      const all = edits(2);
      const queue = new PersistQueue(
        countingAppends(storage, appends),
        'm',
        { saved: () => {}, failed: () => {} },
        () => Y.encodeStateVector(all.doc),
        500,
        1000,
      );
      queue.push(all.updates[0] as Uint8Array);
      await vi.advanceTimersByTimeAsync(1);
      queue.push(all.updates[1] as Uint8Array); // waits for the gap
      queue.stop();
      await queue.flush();
      await vi.advanceTimersByTimeAsync(2000);
      expect(appends).toEqual([1]);
      expect(vi.getTimerCount()).toBe(0);
    });
  });

  it('stops writing once stopped', async () => {
    const storage = await storageWithMap();
    const all = edits(1);
    const queue = new PersistQueue(storage, 'm', { saved: () => {}, failed: () => {} }, () =>
      Y.encodeStateVector(all.doc),
    );
    queue.stop();
    queue.push(all.updates[0]!);
    await queue.flush();
    expect((await storage.loadState('m'))?.updates).toHaveLength(1); // only the initial one
  });
});
