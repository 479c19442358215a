import { afterEach, describe, expect, it, vi } from 'vitest';
import { RemoteDurability } from './remote-durability';

const sv = (n: number) => Uint8Array.of(n);
const bytes = (n: number) => Uint8Array.of(0, n, 0);

/** A RemoteDurability whose adoptions and announcements are recorded. */
function tracker(adoptAfterMs = 3000) {
  const adopted: Uint8Array[] = [];
  const announced: number[] = [];
  let pushes = 100;
  const durability: RemoteDurability = new RemoteDurability(
    (update) => {
      adopted.push(update);
      return ++pushes;
    },
    () => announced.push(durability.durableStateVector?.[0] ?? -1),
    adoptAfterMs,
  );
  return { durability, adopted, announced, lastPush: () => pushes };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('RemoteDurability', () => {
  it('announces each commit at once when nothing came from elsewhere (one instance)', () => {
    const { durability, announced } = tracker();
    durability.committed(1, sv(1));
    durability.committed(2, sv(2));
    expect(announced).toEqual([1, 2]);
  });

  it('holds a commit until the updates from elsewhere before it are stored by their instance', () => {
    const { durability, announced } = tracker();
    durability.received('b', 1, bytes(1));
    durability.received('c', 1, bytes(2));
    durability.committed(1, sv(7));
    expect(announced, 'b and c have not said they stored theirs').toEqual([]);
    durability.stored('b', 1);
    expect(announced).toEqual([]);
    durability.stored('c', 1);
    expect(announced).toEqual([7]);
    durability.close();
  });

  it('announces the latest commit it can, never waiting on updates that came after it', () => {
    const { durability, announced } = tracker();
    durability.received('b', 1, bytes(1));
    durability.committed(1, sv(1)); // waits for b:1
    durability.received('b', 2, bytes(2));
    durability.committed(2, sv(2)); // waits for b:1 and b:2
    durability.received('b', 3, bytes(3));
    durability.stored('b', 1);
    expect(announced, 'the first commit is now covered; the second still waits').toEqual([1]);
    durability.stored('b', 2);
    expect(announced).toEqual([1, 2]);
    expect(durability.waiting, 'b:3 is still not stored').toBe(1);
    durability.close();
  });

  it('stores here what its instance never said it stored, then announces once that is committed', () => {
    vi.useFakeTimers();
    const { durability, announced, adopted, lastPush } = tracker(3000);
    durability.received('dead', 5, bytes(5));
    durability.committed(3, sv(3));
    vi.advanceTimersByTime(2000);
    expect(adopted).toEqual([]);
    vi.advanceTimersByTime(2000);
    expect(adopted.map((u) => u[1])).toEqual([5]);
    expect(announced, 'adopted, not yet committed here').toEqual([]);
    durability.committed(lastPush() - 1, sv(4));
    expect(announced, 'a commit before the adopted push does not cover it').toEqual([]);
    durability.committed(lastPush(), sv(5));
    expect(announced).toEqual([5]);
    expect(durability.waiting).toBe(0);
    durability.close();
  });

  it('a late "stored" from the instance settles an adopted update too', () => {
    vi.useFakeTimers();
    const { durability, announced, adopted } = tracker(100);
    durability.received('slow', 1, bytes(1));
    durability.committed(1, sv(1));
    vi.advanceTimersByTime(200);
    expect(adopted).toHaveLength(1);
    durability.stored('slow', 1);
    expect(announced).toEqual([1]);
    durability.close();
  });
});

describe('RemoteDurability for a connection that only receives', () => {
  it('announces the whole document once everything from elsewhere and here is stored', () => {
    const announced: number[] = [];
    let allStored = false;
    const durability: RemoteDurability = new RemoteDurability(
      () => 1,
      () => announced.push(durability.durableStateVector?.[0] ?? -1),
      3000,
      () => ({ stateVector: sv(9), allStored }),
    );
    durability.received('b', 1, bytes(1));
    durability.stored('b', 1);
    expect(announced, 'a write of its own is still on its way here').toEqual([]);
    durability.received('b', 2, bytes(2));
    allStored = true;
    durability.stored('b', 2);
    expect(announced).toEqual([9]);
    durability.stored('b', 2);
    expect(announced, 'not said again when nothing moved').toEqual([9]);
    durability.close();
  });
});
