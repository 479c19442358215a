import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../sync/map-connection';
import { SaveNews, SLOW_SAVE } from './save-news';

const base: ConnectionState = {
  status: 'connected',
  synced: true,
  saved: true,
  savedLocally: true,
  loadedLocally: true,
  access: 'edit',
};
const state = (patch: Partial<ConnectionState>): ConnectionState => ({ ...base, ...patch });

/** The words said for each state in turn, at the given times. */
function run(news: SaveNews, steps: readonly [number, Partial<ConnectionState>][]) {
  return steps.map(([at, patch]) => news.update(state(patch), at));
}

describe('when the save state is worth saying', () => {
  it('says nothing while the map opens, nor for each edit saved promptly', () => {
    const news = new SaveNews(false);
    const said = run(news, [
      [0, { status: 'connecting', synced: false, saved: false }],
      [100, { synced: false, saved: false }],
      [200, { saved: false }],
      [300, {}],
      [1000, { saved: false }],
      [1400, {}],
      [2000, { saved: false }],
      [2100, {}],
    ]);
    expect(said.filter(Boolean)).toEqual([]);
  });

  it('says “All changes saved” when edits waited long for the server', () => {
    const news = new SaveNews(false);
    const said = run(news, [
      [0, {}],
      [1000, { saved: false }],
      [1000 + SLOW_SAVE, {}],
    ]);
    expect(said).toEqual([undefined, undefined, 'All changes saved']);
  });

  it('says the connection lost, whether edits are kept, and back with everything saved', () => {
    const news = new SaveNews(false);
    const said = run(news, [
      [0, {}],
      [1000, { status: 'offline', synced: false, saved: false }],
      [1500, { status: 'offline', synced: false, saved: false }],
      [9000, { status: 'reconnecting', synced: false, saved: false }],
      [9500, { status: 'connected', synced: true, saved: false }],
      [9800, {}],
    ]);
    expect(said).toEqual([
      undefined,
      'Offline: changes are kept on this device',
      undefined,
      undefined,
      undefined,
      'Reconnected; changes saved',
    ]);
  });

  it('warns when a lost connection leaves edits unkept, and is silent once the link is closed', () => {
    const news = new SaveNews(false);
    expect(news.update(state({}), 0)).toBeUndefined();
    expect(
      news.update(state({ status: 'reconnecting', synced: false, savedLocally: false }), 10),
    ).toBe('Offline: changes are not saved yet; keep this tab open');
    expect(news.update(state({ closed: { code: 4403, message: 'Gone' } }), 20)).toBeUndefined();
    expect(news.update(state({}), 30)).toBeUndefined();
  });

  it('speaks of the connection only, for a view-only link', () => {
    const news = new SaveNews(true);
    const said = run(news, [
      [0, {}],
      [10, { status: 'offline', synced: false }],
      [20, {}],
      [30, { saved: false }],
      [30 + SLOW_SAVE, {}],
    ]);
    expect(said).toEqual([
      undefined,
      'Offline: the map may not show the latest changes',
      'Reconnected',
      undefined,
      undefined,
    ]);
  });
});
