/*
 * The y-websocket protocol, as the stock client speaks it: a varUint message type, then its
 * payload. Types 0–3 are the standard ones. Type 100 is our extension for durable
 * acknowledgements: a client sends it (empty) to ask for them, and from then on the server
 * sends it with the state vector of what is on disk. The stock client never sends 100, so it
 * is never sent one.
 */

/** Message types of the sync socket. */
export const MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  saved: 100,
} as const;

/** Steps of a sync message (type 0). */
export const SYNC = { step1: 0, step2: 1, update: 2 } as const;
