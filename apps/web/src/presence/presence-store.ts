import { AS_IS_ID } from '@procmap/model';
import { create } from 'zustand';
import type { Identity } from './identity';
import { type Peer, peersOn } from './peers';
import { readableInk } from './readable-ink';

/** A colleague who has a step selected, as its name tag shows them. */
export interface SelectedByPeer {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
  /** Text colour on `color` with at least 4.5:1 contrast. */
  readonly ink: string;
}

interface PresenceStore {
  /** Everyone else on the map now, in the order they arrived, whichever process they are on. */
  readonly peers: readonly Peer[];
  /** The process this tab shows: "as-is" or a scenario's id. */
  readonly process: string;
  /** The peers on this tab's process: their cursors are drawn over it. */
  readonly here: readonly Peer[];
  /**
   * For each step id, the peers on this tab's process who have it selected (names with their
   * colours), in arrival order: the same step id in another process is another step.
   */
  readonly selectedBy: ReadonlyMap<string, readonly SelectedByPeer[]>;
  /** The peer whose view this tab follows, if any. */
  readonly following: number | null;
  /** A presenter this tab chose to stop following (not followed again until they ask again). */
  readonly declined: { readonly clientId: number; readonly at: number } | null;
  readonly me: Identity | null;
  /** This tab asks everyone to follow it. */
  readonly presenting: boolean;
  setPeers(peers: readonly Peer[]): void;
  /** Says which process this tab shows, so only the colleagues on it are drawn. */
  setProcess(process: string): void;
  follow(clientId: number | null): void;
  decline(clientId: number, at: number): void;
  setMe(me: Identity): void;
  setPresenting(presenting: boolean): void;
}

const EMPTY = new Map<string, readonly SelectedByPeer[]>();

const sameTags = (a: readonly SelectedByPeer[], b: readonly SelectedByPeer[]) =>
  a.length === b.length &&
  a.every(
    (t, i) => t.clientId === b[i]!.clientId && t.name === b[i]!.name && t.color === b[i]!.color,
  );

/**
 * The new map, with each step's list taken from the old map where it did not change: peers'
 * states arrive with every pointer move, and a step re-renders only when its tags change.
 */
function keepUnchanged(
  before: ReadonlyMap<string, readonly SelectedByPeer[]>,
  after: Map<string, readonly SelectedByPeer[]>,
): ReadonlyMap<string, readonly SelectedByPeer[]> {
  for (const [id, tags] of after) {
    const old = before.get(id);
    if (old && sameTags(old, tags)) after.set(id, old);
  }
  return after;
}

/** Who is drawn on `process`: its peers, and the steps they have selected. */
function drawn(
  peers: readonly Peer[],
  process: string,
  before: ReadonlyMap<string, readonly SelectedByPeer[]>,
): Pick<PresenceStore, 'here' | 'selectedBy'> {
  const here = peersOn(peers, process);
  const selectedBy = new Map<string, SelectedByPeer[]>();
  for (const peer of here) {
    if (peer.selection.length === 0) continue;
    const tag: SelectedByPeer = {
      clientId: peer.clientId,
      name: peer.name,
      color: peer.color,
      ink: readableInk(peer.color),
    };
    for (const id of peer.selection) {
      const tags = selectedBy.get(id);
      if (tags) tags.push(tag);
      else selectedBy.set(id, [tag]);
    }
  }
  return { here, selectedBy: selectedBy.size === 0 ? EMPTY : keepUnchanged(before, selectedBy) };
}

/** Presence in this tab: session state, never in the shared document. */
export const usePresence = create<PresenceStore>()((set) => ({
  peers: [],
  selectedBy: EMPTY,
  following: null,
  declined: null,
  me: null,
  presenting: false,
  process: AS_IS_ID,
  here: [],
  setPeers: (peers) =>
    set((s) => ({
      ...drawn(peers, s.process, s.selectedBy),
      peers,
      // Following someone who left ends by itself.
      following: peers.some((p) => p.clientId === s.following) ? s.following : null,
    })),
  setProcess: (process) =>
    set((s) =>
      s.process === process ? {} : { process, ...drawn(s.peers, process, s.selectedBy) },
    ),
  follow: (following) => set({ following }),
  decline: (clientId, at) => set({ declined: { clientId, at }, following: null }),
  setMe: (me) => set({ me }),
  setPresenting: (presenting) => set({ presenting, following: null }),
}));
