import { describe, expect, it } from 'vitest';
import { forgetMap, MAX_RECENT, type RecentStore, recentMaps, rememberMap } from './recent-maps';

function memory(): RecentStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 9, minute));

describe("this browser's list of maps", () => {
  it('lists the maps created or opened here, most recently opened first, with their links', () => {
    const store = memory();
    rememberMap(store, { id: 'a', title: 'Referral', token: 'edit-a', access: 'edit' }, at(1));
    rememberMap(store, { id: 'b', title: 'Discharge', token: 'view-b', access: 'view' }, at(2));
    expect(recentMaps(store)).toEqual([
      {
        id: 'b',
        title: 'Discharge',
        path: '/m/b#token=view-b',
        access: 'view',
        at: at(2).toISOString(),
      },
      {
        id: 'a',
        title: 'Referral',
        path: '/m/a#token=edit-a',
        access: 'edit',
        at: at(1).toISOString(),
      },
    ]);
    // Opening again moves it to the top with the title the server gave now.
    rememberMap(store, { id: 'a', title: 'Referral v2', token: 'edit-a', access: 'edit' }, at(3));
    expect(recentMaps(store).map((m) => [m.id, m.title])).toEqual([
      ['a', 'Referral v2'],
      ['b', 'Discharge'],
    ]);
  });

  it('keeps an edit link when the view link of the same map is opened later', () => {
    const store = memory();
    rememberMap(store, { id: 'a', title: 'Mine', token: 'edit-a', access: 'edit' }, at(1));
    rememberMap(store, { id: 'a', title: 'Mine', token: 'view-a', access: 'view' }, at(2));
    expect(recentMaps(store)).toMatchObject([{ path: '/m/a#token=edit-a', access: 'edit' }]);
    // A view link opened first is replaced by the edit link once that is opened.
    rememberMap(store, { id: 'b', title: 'Theirs', token: 'view-b', access: 'view' }, at(3));
    rememberMap(store, { id: 'b', title: 'Theirs', token: 'edit-b', access: 'edit' }, at(4));
    expect(recentMaps(store)[0]).toMatchObject({ path: '/m/b#token=edit-b', access: 'edit' });
  });

  it('also lists maps whose links were kept for the share dialog before the list existed', () => {
    const store = memory();
    store.setItem(
      'procmap:links:old',
      JSON.stringify({
        editUrl: 'http://127.0.0.1:8080/m/old#token=edit-old',
        viewUrl: 'http://127.0.0.1:8080/m/old#token=view-old',
      }),
    );
    store.setItem('procmap:links:broken', 'not json');
    rememberMap(store, { id: 'new', title: 'New', token: 't', access: 'edit' }, at(1));
    expect(recentMaps(store)).toEqual([
      expect.objectContaining({ id: 'new' }),
      { id: 'old', title: '', path: '/m/old#token=edit-old', access: 'edit', at: '' },
    ]);
    forgetMap(store, 'old');
    forgetMap(store, 'new');
    expect(recentMaps(store)).toEqual([]);
  });

  it(`keeps the ${MAX_RECENT} most recent, and survives storage that is broken or missing`, () => {
    const store = memory();
    for (let i = 0; i <= MAX_RECENT; i++) {
      rememberMap(store, { id: `m${i}`, title: '', token: 't', access: 'view' }, at(i % 60));
    }
    const list = recentMaps(store);
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]?.id).toBe(`m${MAX_RECENT}`);
    expect(list.some((m) => m.id === 'm0')).toBe(false);

    store.setItem('procmap:recent-maps', '{"not":"a list"}');
    expect(recentMaps(store)).toEqual([]);
    store.setItem('procmap:recent-maps', JSON.stringify([{ id: 'x', path: 'https://evil/' }]));
    expect(recentMaps(store)).toEqual([]);
    expect(recentMaps(undefined)).toEqual([]);
    rememberMap(undefined, { id: 'a', title: '', token: 't', access: 'edit' });
    const full = memory();
    full.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(() =>
      rememberMap(full, { id: 'a', title: '', token: 't', access: 'edit' }),
    ).not.toThrow();
  });
});
