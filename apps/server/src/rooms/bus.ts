/*
 * How the server instances serving one map hear each other. Each instance keeps its own room for
 * a map (its own document, its own connections); a bus carries between them what a room relays
 * to its own connections: document updates, presence, and the notices that make "saved" true
 * across instances. A bus is a relay only, never the store of record: what it loses, the rooms
 * take back from storage (see Room's resync).
 *
 * With one instance there is no bus (rooms relay to their own connections only); with several,
 * the Redis bus (redis-bus.ts) publishes per map.
 */

/** What one instance tells the others about a map. */
export type BusMessage =
  /**
   * A document update applied here, numbered per map by the sending instance (1, 2, …) so the
   * sender can later say how far it has stored them.
   */
  | { readonly kind: 'update'; readonly n: number; readonly update: Uint8Array }
  /** The sender has stored its updates 1…through durably (its database committed them). */
  | { readonly kind: 'stored'; readonly through: number }
  /** A presence (y-protocols awareness) update from one of the sender's connections. */
  | { readonly kind: 'awareness'; readonly update: Uint8Array }
  /** The sender's state vector: others answer with what it lacks ('sync2'). */
  | { readonly kind: 'sync1'; readonly stateVector: Uint8Array }
  /** What the sender has that the instance that sent 'sync1' lacked. */
  | { readonly kind: 'sync2'; readonly update: Uint8Array };

/** A message as received: with the instance that sent it. */
export type ReceivedBusMessage = BusMessage & { readonly from: string };

export type BusStatus = 'up' | 'down';

export interface RoomBus {
  /** This instance's id on the bus (unique per process). */
  readonly instanceId: string;
  /** Whether messages are flowing now. */
  readonly status: BusStatus;
  /** Messages not sent so far because the bus was down (for /metrics). */
  readonly dropped: number;
  /**
   * Sends a message to every other instance that has subscribed to the map. Never throws and
   * never queues while the bus is down (a stale update replayed later would only cost work:
   * rooms resync from storage when the bus comes back).
   */
  publish(mapId: string, message: BusMessage): void;
  /**
   * Receives what other instances publish for a map (never this instance's own messages).
   * Resolves once the subscription is active; the function it resolves to unsubscribes.
   */
  subscribe(mapId: string, handler: (message: ReceivedBusMessage) => void): Promise<() => void>;
  /** Called on every change of status: 'down' when the bus is lost, 'up' when it is back. */
  onStatus(listener: (status: BusStatus) => void): () => void;
  /** Whether the bus answers now (for /readyz), within a short time. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
