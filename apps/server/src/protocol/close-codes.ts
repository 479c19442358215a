/**
 * Websocket close codes the server uses (docs/server.md). Following the convention the stock
 * y-websocket client implements, 44xx means "reconnecting cannot fix this" (it stops) and 45xx
 * "try again later" (it reconnects with back-off), as does 1001.
 */
export const CLOSE = {
  /** Server shutting down; reconnect. */
  goingAway: 1001,
  /** A message larger than the limit (sent by the ws library itself). */
  tooBig: 1009,
  /** A message that does not parse, or a document update that does not apply. */
  malformed: 4400,
  /** A document update on a view-only connection. */
  readOnly: 4403,
  /** An update that would grow the map past its size limit (deletions are still taken). */
  tooLarge: 4413,
  /** The map was deleted while connected. */
  mapDeleted: 4404,
  /** Too many messages per second on this connection; reconnect after a pause. */
  rateLimited: 4529,
  /** The stored map could not be loaded; nothing was changed. Try again later. */
  unavailable: 4503,
  /** The server holds as many waiting updates as it may; nothing was kept. Try again later. */
  busy: 4507,
  /** The connection did not read what it was sent, which piled up on the server. Reconnect. */
  slow: 4508,
} as const;

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];
