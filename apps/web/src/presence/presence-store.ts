import { create } from 'zustand';
import type { Identity } from './identity';
import type { Peer } from './peers';

interface PresenceStore {
  /** Everyone else on the map now, in the order they arrived. */
  readonly peers: readonly Peer[];
  /** For each step id, the colours of the peers who have it selected. */
  readonly selectedBy: ReadonlyMap<string, readonly string[]>;
  /** The peer whose view this tab follows, if any. */
  readonly following: number | null;
  /** A presenter this tab chose to stop following (not followed again until they ask again). */
  readonly declined: { readonly clientId: number; readonly at: number } | null;
  readonly me: Identity | null;
  /** This tab asks everyone to follow it. */
  readonly presenting: boolean;
  setPeers(peers: readonly Peer[]): void;
  follow(clientId: number | null): void;
  decline(clientId: number, at: number): void;
  setMe(me: Identity): void;
  setPresenting(presenting: boolean): void;
}

const EMPTY = new Map<string, readonly string[]>();

/** Presence in this tab: session state, never in the shared document. */
export const usePresence = create<PresenceStore>()((set) => ({
  peers: [],
  selectedBy: EMPTY,
  following: null,
  declined: null,
  me: null,
  presenting: false,
  setPeers: (peers) => {
    const selectedBy = new Map<string, string[]>();
    for (const peer of peers) {
      for (const id of peer.selection) {
        const colours = selectedBy.get(id);
        if (colours) colours.push(peer.color);
        else selectedBy.set(id, [peer.color]);
      }
    }
    set((s) => ({
      peers,
      selectedBy: selectedBy.size === 0 ? EMPTY : selectedBy,
      // Following someone who left ends by itself.
      following: peers.some((p) => p.clientId === s.following) ? s.following : null,
    }));
  },
  follow: (following) => set({ following }),
  decline: (clientId, at) => set({ declined: { clientId, at }, following: null }),
  setMe: (me) => set({ me }),
  setPresenting: (presenting) => set({ presenting, following: null }),
}));
