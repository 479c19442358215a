import { beforeEach, describe, expect, it } from 'vitest';
import type { Peer } from './peers';
import { usePresence } from './presence-store';

const peer = (
  clientId: number,
  name: string,
  color: string,
  selection: string[],
  process = 'as-is',
): Peer => ({
  clientId,
  name,
  color,
  cursor: null,
  selection,
  view: null,
  presenting: null,
  viewOnly: false,
  process,
});

describe('colleagues’ selections', () => {
  beforeEach(() =>
    usePresence.setState({
      peers: [],
      here: [],
      selectedBy: new Map(),
      following: null,
      process: 'as-is',
    }),
  );

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

  it('outlines only the selections and cursors of colleagues on the process shown here', () => {
    const { setPeers, setProcess } = usePresence.getState();
    setPeers([
      peer(1, 'Priya', '#0369a1', ['s1'], 'as-is'),
      peer(2, 'Sam', '#b45309', ['s1', 's2'], 'portal'),
    ]);
    // The as-is shown here: Priya's s1 is outlined, not Sam's (his s1 is the portal's step).
    expect(
      usePresence
        .getState()
        .selectedBy.get('s1')
        ?.map((p) => p.name),
    ).toEqual(['Priya']);
    expect(usePresence.getState().selectedBy.has('s2')).toBe(false);
    expect(usePresence.getState().here.map((p) => p.name)).toEqual(['Priya']);
    // Everyone is still listed, wherever they are.
    expect(usePresence.getState().peers.map((p) => p.name)).toEqual(['Priya', 'Sam']);

    setProcess('portal');
    expect(
      usePresence
        .getState()
        .selectedBy.get('s1')
        ?.map((p) => p.name),
    ).toEqual(['Sam']);
    expect(
      usePresence
        .getState()
        .selectedBy.get('s2')
        ?.map((p) => p.name),
    ).toEqual(['Sam']);
    expect(usePresence.getState().here.map((p) => p.name)).toEqual(['Sam']);

    setProcess('elsewhere');
    expect(usePresence.getState().selectedBy.size).toBe(0);
    expect(usePresence.getState().here).toEqual([]);
  });
});
