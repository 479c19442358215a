import { describe, expect, it } from 'vitest';
import { lanesInOrder } from './graph';
import { roleId } from './ids';
import { compareOrder, ORDER_STEP, orderBetween, rebalanceOrders } from './order-keys';
import type { Role } from './types';

/** Asserts `key` is defined and strictly between the given bounds (either may be absent). */
function expectBetween(key: number | undefined, before?: number, after?: number): number {
  expect(key).toBeTypeOf('number');
  const k = key as number;
  expect(Number.isFinite(k)).toBe(true);
  if (before !== undefined) expect(k).toBeGreaterThan(before);
  if (after !== undefined) expect(k).toBeLessThan(after);
  return k;
}

describe('orderBetween', () => {
  it('given no neighbours, then 0', () => {
    expect(orderBetween()).toBe(0);
    expect(orderBetween(undefined, undefined)).toBe(0);
  });

  it('given only a lane after, then one step before it', () => {
    expect(orderBetween(undefined, 0)).toBe(-ORDER_STEP);
    expect(orderBetween(undefined, 2.5)).toBe(2.5 - ORDER_STEP);
    expectBetween(orderBetween(undefined, -7), undefined, -7);
  });

  it('given only a lane before, then one step after it', () => {
    expect(orderBetween(0)).toBe(ORDER_STEP);
    expect(orderBetween(3, undefined)).toBe(3 + ORDER_STEP);
    expectBetween(orderBetween(-0.25), -0.25);
  });

  it('given both neighbours, then a key strictly between them', () => {
    expect(orderBetween(0, 1)).toBe(0.5);
    expectBetween(orderBetween(-3, 10), -3, 10);
    expectBetween(orderBetween(1, 1 + 1e-9), 1, 1 + 1e-9);
    expectBetween(orderBetween(-1e300, 1e300), -1e300, 1e300);
  });

  it('given equal neighbours, then undefined', () => {
    expect(orderBetween(1, 1)).toBeUndefined();
    expect(orderBetween(0, 0)).toBeUndefined();
  });

  it('given neighbours out of order, then undefined', () => {
    expect(orderBetween(2, 1)).toBeUndefined();
    expect(orderBetween(0, -1e-12)).toBeUndefined();
  });

  it('given adjacent doubles (no double between them), then undefined', () => {
    const next = 1 + Number.EPSILON;
    expect(orderBetween(1, next)).toBeUndefined();
  });

  it('given an end so large that one step is below its precision, then undefined (not an equal key)', () => {
    const huge = 2 ** 60;
    expect(huge + ORDER_STEP).toBe(huge); // the premise
    expect(orderBetween(huge)).toBeUndefined();
    expect(orderBetween(undefined, -huge)).toBeUndefined();
  });

  it('given NaN, then undefined rather than NaN', () => {
    expect(orderBetween(Number.NaN, 1)).toBeUndefined();
    expect(orderBetween(0, Number.NaN)).toBeUndefined();
  });

  it('given repeated inserts at the front, the back and the middle, then keys stay strictly ordered (rebalancing when a gap runs out)', () => {
    let keys: number[] = [];
    let rebalances = 0;
    for (let i = 0; i < 300; i++) {
      const at = i % 3 === 0 ? 0 : i % 3 === 1 ? keys.length : Math.floor(keys.length / 2);
      let key = orderBetween(keys[at - 1], keys[at]);
      if (key === undefined) {
        // only an insert between two lanes can run out of room
        expect(at > 0 && at < keys.length).toBe(true);
        keys = rebalanceOrders(keys.length);
        rebalances++;
        key = orderBetween(keys[at - 1], keys[at]);
      }
      expectBetween(key, keys[at - 1], keys[at]);
      keys = [...keys.slice(0, at), key as number, ...keys.slice(at)];
      for (let j = 1; j < keys.length; j++) {
        expect(keys[j] as number).toBeGreaterThan(keys[j - 1] as number);
      }
    }
    expect(keys).toHaveLength(300);
    // 100 middle inserts keep splitting one region: room runs out, but only now and then
    expect(rebalances).toBeGreaterThan(0);
    expect(rebalances).toBeLessThan(10);
  });

  it('given the same gap split over and over, then it runs out after at most ~55 splits, and rebalancing restores room', () => {
    const lanes = 3;
    let keys = rebalanceOrders(lanes); // [0, 1, 2]
    // Always insert just after lane 1: the gap (1, next) halves each time.
    let splits = 0;
    const before = keys[1] as number;
    let after = keys[2] as number;
    for (;;) {
      const key = orderBetween(before, after);
      if (key === undefined) break;
      expectBetween(key, before, after);
      after = key;
      splits++;
      expect(splits).toBeLessThanOrEqual(60); // no endless splitting
    }
    expect(splits).toBeGreaterThanOrEqual(40);
    expect(splits).toBeLessThanOrEqual(55);

    // Now no key fits: rebalance the (now lanes + splits) lanes and insert again.
    keys = rebalanceOrders(lanes + splits);
    expect(keys).toHaveLength(lanes + splits);
    for (let i = 1; i < keys.length; i++) {
      expect((keys[i] as number) - (keys[i - 1] as number)).toBe(ORDER_STEP);
    }
    expectBetween(orderBetween(keys[1], keys[2]), keys[1], keys[2]);
  });
});

describe('rebalanceOrders', () => {
  it('gives evenly spaced keys from 0', () => {
    expect(rebalanceOrders(0)).toEqual([]);
    expect(rebalanceOrders(1)).toEqual([0]);
    expect(rebalanceOrders(4)).toEqual([0, ORDER_STEP, 2 * ORDER_STEP, 3 * ORDER_STEP]);
  });

  it('gives keys that leave room between each pair', () => {
    const keys = rebalanceOrders(10);
    for (let i = 1; i < keys.length; i++) {
      expectBetween(orderBetween(keys[i - 1], keys[i]), keys[i - 1], keys[i]);
    }
  });
});

describe('compareOrder', () => {
  const lane = (id: string, order?: number) => ({
    id,
    ...(order === undefined ? {} : { order }),
  });

  it('sorts by order key', () => {
    expect(compareOrder(lane('a', 1), lane('b', 2))).toBeLessThan(0);
    expect(compareOrder(lane('a', 2), lane('b', 1))).toBeGreaterThan(0);
    expect(compareOrder(lane('z', -1), lane('a', 0.5))).toBeLessThan(0);
  });

  it('breaks ties by id', () => {
    expect(compareOrder(lane('a', 1), lane('b', 1))).toBeLessThan(0);
    expect(compareOrder(lane('b', 1), lane('a', 1))).toBeGreaterThan(0);
    expect(compareOrder(lane('a', 1), lane('a', 1))).toBe(0);
  });

  it('gives one order for any starting permutation', () => {
    const lanes = [lane('c', 1), lane('a', 1), lane('b', 0), lane('d', 2), lane('e', 1)];
    const expected = ['b', 'a', 'c', 'e', 'd'];
    expect([...lanes].sort(compareOrder).map((l) => l.id)).toEqual(expected);
    expect(
      [...lanes]
        .reverse()
        .sort(compareOrder)
        .map((l) => l.id),
    ).toEqual(expected);
  });

  it('treats a missing key as 0', () => {
    expect(compareOrder(lane('a'), lane('b', 0))).toBeLessThan(0);
    expect(compareOrder(lane('b'), lane('a', 0))).toBeGreaterThan(0);
    expect(compareOrder(lane('b'), lane('a', -1))).toBeGreaterThan(0);
  });

  it('agrees with lanesInOrder when every lane has a key', () => {
    const roles: Role[] = [3, 1, 1, 0.5, 2, 1].map((order, i) => ({
      id: roleId(`r${(i * 7) % 6}`),
      name: '',
      order,
    }));
    expect([...roles].sort(compareOrder).map((r) => r.id)).toEqual(
      lanesInOrder(roles).map((r) => r.id),
    );
  });
});
