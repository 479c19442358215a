import { beforeEach, describe, expect, it } from 'vitest';
import type { Peer } from './peers';
import { usePresence } from './presence-store';

const peer = (clientId: number, name: string, color: string, selection: string[]): Peer => ({
  clientId,
  name,
  color,
  cursor: null,
  selection,
  view: null,
  presenting: null,
  viewOnly: false,
});

describe('colleagues’ selections', () => {
  beforeEach(() => usePresence.setState({ peers: [], selectedBy: new Map(), following: null }));

  it('keeps each colleague’s name with their colour, and a readable text colour', () => {
    usePresence
      .getState()
      .setPeers([
        peer(1, 'Priya', '#0369a1', ['s1', 's2']),
        peer(2, 'Sam', '#ffe14d', ['s2']),
        peer(3, 'Idle', '#15803d', []),
      ]);
    const { selectedBy } = usePresence.getState();
    expect(selectedBy.get('s1')).toEqual([
      { clientId: 1, name: 'Priya', color: '#0369a1', ink: '#ffffff' },
    ]);
    expect(selectedBy.get('s2')?.map((p) => p.name)).toEqual(['Priya', 'Sam']);
    expect(selectedBy.get('s2')?.[1]?.ink).not.toBe('#ffffff');
    expect(selectedBy.has('s3')).toBe(false);
  });

  it('keeps a step’s list as it was when only a pointer moved, so the step does not redraw', () => {
    const before = [peer(1, 'Priya', '#0369a1', ['s1'])];
    usePresence.getState().setPeers(before);
    const first = usePresence.getState().selectedBy.get('s1');
    usePresence.getState().setPeers([{ ...before[0]!, cursor: { x: 5, y: 5 } }]);
    expect(usePresence.getState().selectedBy.get('s1')).toBe(first);
    usePresence.getState().setPeers([{ ...before[0]!, name: 'Priya S' }]);
    expect(usePresence.getState().selectedBy.get('s1')?.[0]?.name).toBe('Priya S');
    usePresence.getState().setPeers([{ ...before[0]!, selection: [] }]);
    expect(usePresence.getState().selectedBy.size).toBe(0);
  });
});
