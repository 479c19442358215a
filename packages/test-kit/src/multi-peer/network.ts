import { MapDoc } from '@procmap/doc';
import * as Y from 'yjs';
import type { Prng } from '../prng';

/** Marks updates applied by the simulated network, so a peer does not re-send them. */
const NETWORK = Symbol('network');

export interface Peer {
  readonly index: number;
  readonly doc: MapDoc;
  online: boolean;
}

interface Message {
  readonly to: number;
  readonly update: Uint8Array;
}

/**
 * N peers, each with its own Y.Doc, joined by a simulated network that delivers every update
 * to every other online peer in random order. A peer that disconnects loses the messages in
 * flight to and from it; when it reconnects it syncs with each online peer both ways (state
 * vector, then the missing updates), as the y-websocket protocol does.
 */
export class SimNetwork {
  readonly peers: Peer[];
  private inFlight: Message[] = [];

  constructor(count: number, prng: Prng) {
    this.peers = Array.from({ length: count }, (_, index) => {
      const ydoc = new Y.Doc();
      ydoc.clientID = index + 1; // deterministic, so a seed replays exactly
      const ids = prng.fork();
      const doc = new MapDoc(ydoc, {
        actor: `peer-${index}`,
        random: () => ids.next(),
        now: () => new Date(Date.UTC(2026, 10, 20, 10, 0, 0)),
      });
      const peer: Peer = { index, doc, online: true };
      ydoc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === NETWORK || !peer.online) return;
        for (const other of this.peers) {
          if (other !== peer && other.online) this.inFlight.push({ to: other.index, update });
        }
      });
      return peer;
    });
  }

  /** How many messages are waiting to be delivered. */
  get pending(): number {
    return this.inFlight.length;
  }

  /** Delivers one message chosen at random; false when none is waiting. */
  deliverOne(prng: Prng): boolean {
    if (this.inFlight.length === 0) return false;
    const i = prng.int(0, this.inFlight.length - 1);
    const [message] = this.inFlight.splice(i, 1);
    const peer = this.peers[message!.to]!;
    if (peer.online) Y.applyUpdate(peer.doc.ydoc, message!.update, NETWORK);
    return true;
  }

  /** Takes a peer offline: what was in flight to or from it is lost. */
  disconnect(index: number): void {
    const peer = this.peers[index]!;
    if (!peer.online) return;
    peer.online = false;
    this.inFlight = this.inFlight.filter((m) => m.to !== index);
  }

  /** Brings a peer back and syncs it with every online peer, both ways. */
  reconnect(index: number): void {
    const peer = this.peers[index]!;
    if (peer.online) return;
    peer.online = true;
    for (const other of this.peers) {
      if (other === peer || !other.online) continue;
      syncPair(peer.doc.ydoc, other.doc.ydoc);
    }
  }

  /** Reconnects everyone and delivers every message, in random order. */
  settle(prng: Prng): void {
    for (const peer of this.peers) this.reconnect(peer.index);
    while (this.deliverOne(prng)) {
      // keep delivering
    }
  }

  /** Stops every MapDoc. */
  destroy(): void {
    for (const peer of this.peers) peer.doc.destroy();
  }
}

function syncPair(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB, NETWORK);
  Y.applyUpdate(a, toA, NETWORK);
}
