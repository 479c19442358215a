import { describe, expect, it } from 'vitest';
import { type KeyValueStore, recallAccess, rememberAccess, tokenFingerprint } from './access-cache';

function memory(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
  };
}

describe('remembered access of a link', () => {
  it('recalls what the server said, per map and per link', () => {
    const store = memory();
    rememberAccess(store, 'm1', 'edit-token', 'edit');
    rememberAccess(store, 'm1', 'view-token', 'view');
    rememberAccess(store, 'm2', 'other', 'view');
    expect(recallAccess(store, 'm1', 'edit-token')).toBe('edit');
    expect(recallAccess(store, 'm1', 'view-token')).toBe('view');
    expect(recallAccess(store, 'm2', 'other')).toBe('view');
    expect(recallAccess(store, 'm2', 'edit-token')).toBeUndefined();
    expect(recallAccess(undefined, 'm1', 'edit-token')).toBeUndefined();
  });

  it('never writes the token itself', () => {
    const store = memory();
    rememberAccess(store, 'm1', 'secret-token-value', 'edit');
    expect([...store.data.values()].join()).not.toContain('secret-token-value');
    expect(tokenFingerprint('a')).not.toBe(tokenFingerprint('b'));
    expect(tokenFingerprint('a')).toMatch(/^[0-9a-f]{8}$/);
  });

  it('ignores garbage in storage and storage that refuses writes', () => {
    const store = memory();
    store.data.set('procmap.access.m1', '{not json');
    expect(recallAccess(store, 'm1', 't')).toBeUndefined();
    store.data.set('procmap.access.m1', JSON.stringify({ [tokenFingerprint('t')]: 'admin' }));
    expect(recallAccess(store, 'm1', 't')).toBeUndefined();
    const full: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => rememberAccess(full, 'm1', 't', 'view')).not.toThrow();
  });
});
