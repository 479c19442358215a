import { describe, expect, it } from 'vitest';
import { MAX_PROCESS_ID, peersOn, readPeer } from './peers';

const user = { name: 'Priya', color: '#0369a1' };

describe('readPeer: the process a colleague is on', () => {
  it('reads the process a peer publishes', () => {
    expect(readPeer(1, { user, process: 'portal' })?.process).toBe('portal');
    expect(readPeer(1, { user, process: 'as-is' })?.process).toBe('as-is');
  });

  it('counts a client from before scenarios, which sends none, as on the as-is', () => {
    expect(readPeer(1, { user, cursor: null, selection: [] })?.process).toBe('as-is');
  });

  it('reads a process that is not a usable id as the as-is', () => {
    for (const process of [
      42,
      null,
      '',
      { id: 'portal' },
      ['portal'],
      'x'.repeat(MAX_PROCESS_ID + 1),
    ]) {
      expect(readPeer(1, { user, process })?.process).toBe('as-is');
    }
    expect(readPeer(1, { user, process: 'x'.repeat(MAX_PROCESS_ID) })?.process).toHaveLength(
      MAX_PROCESS_ID,
    );
  });
});

describe('peersOn', () => {
  it('keeps the peers on the process, in their order', () => {
    const a = readPeer(1, { user, process: 'portal' })!;
    const b = readPeer(2, { user: { name: 'Sam', color: '#b45309' } })!;
    const c = readPeer(3, { user: { name: 'Ann', color: '#15803d' }, process: 'portal' })!;
    expect(peersOn([a, b, c], 'portal').map((p) => p.clientId)).toEqual([1, 3]);
    expect(peersOn([a, b, c], 'as-is').map((p) => p.clientId)).toEqual([2]);
    expect(peersOn([a, b, c], 'other')).toEqual([]);
  });
});
