/**
 * Websocket close codes of the sync socket (docs/server.md), each beside the words the editor
 * shows for it. Following the convention the stock y-websocket client implements, 44xx means
 * "reconnecting cannot fix this" (it stops) and 45xx "try again later" (it reconnects with
 * back-off), as do 1001 and 1009.
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
  /** The map was deleted while connected. */
  mapDeleted: 4404,
  /** An update that would grow the map past its size limit (deletions are still taken). */
  tooLarge: 4413,
  /** The stored map could not be loaded; nothing was changed. Try again later. */
  unavailable: 4503,
  /** The server holds as many waiting updates as it may; nothing was kept. Try again later. */
  busy: 4507,
  /** The connection did not read what it was sent, which piled up on the server. Reconnect. */
  slow: 4508,
  /** Too many messages per second on this connection; reconnect after a pause. */
  rateLimited: 4529,
} as const;

export type CloseName = keyof typeof CLOSE;
export type CloseCode = (typeof CLOSE)[CloseName];

/** What the person at the keyboard reads when the socket closes with each code. */
export const CLOSE_MESSAGES: Readonly<Record<CloseCode, string>> = {
  [CLOSE.goingAway]: 'The server is restarting. Reconnecting…',
  [CLOSE.tooBig]:
    'A change was too large to send in one go. Reconnecting; if it happens again, reload the page.',
  [CLOSE.malformed]: 'The server refused a change from this tab. Reload the page to continue.',
  [CLOSE.readOnly]: 'This is a view-only link: changes made here are not saved.',
  [CLOSE.mapDeleted]: 'This map was deleted.',
  [CLOSE.tooLarge]:
    'This map has reached its size limit: the last change was not saved. Remove large notes or steps, then reload.',
  [CLOSE.unavailable]:
    'The server could not open this map just now. Trying again; your changes are kept on this device.',
  [CLOSE.busy]:
    'The server is busy and could not take the last change. Trying again shortly; your changes are kept on this device.',
  [CLOSE.slow]: 'The connection could not keep up with the map. Reconnecting…',
  [CLOSE.rateLimited]: 'Too many changes in a short time: pausing for a moment, then reconnecting.',
};

/** Codes after which reconnecting cannot help: 4400–4499, as the stock client treats them. */
export function isFinalClose(code: number | undefined): boolean {
  return code !== undefined && code >= 4400 && code < 4500;
}

/** The words for a close code; for one this table does not know, the server's reason or a default. */
export function closeMessage(code: number, reason?: string): string {
  const known = (CLOSE_MESSAGES as Readonly<Record<number, string>>)[code];
  if (known) return known;
  if (reason) return reason;
  return isFinalClose(code) ? 'The server closed the connection.' : 'Disconnected. Reconnecting…';
}
