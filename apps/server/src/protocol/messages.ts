import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MESSAGE, SYNC } from '@procmap/protocol';

/*
 * Encoding and decoding of the sync socket's messages; the message types themselves are shared
 * with the browser in @procmap/protocol.
 */

export { MESSAGE, SYNC };

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE.sync);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** A sync step 1 (our state vector), asking the client for what we lack. */
export const syncStep1 = (stateVector: Uint8Array) => syncMessage(SYNC.step1, stateVector);

/** A sync step 2: the updates the client lacks. */
export const syncStep2 = (update: Uint8Array) => syncMessage(SYNC.step2, update);

/** A document update to relay. */
export const syncUpdate = (update: Uint8Array) => syncMessage(SYNC.update, update);

/** An awareness (presence) update to relay. */
export function awarenessMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE.awareness);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** Our extension: the state vector of everything durably stored. */
export function savedMessage(stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE.saved);
  encoding.writeVarUint8Array(e, stateVector);
  return encoding.toUint8Array(e);
}

/** A message from a client, parsed; anything else is malformed. */
export type ClientMessage =
  | { readonly type: 'sync-step1'; readonly stateVector: Uint8Array }
  | { readonly type: 'update'; readonly update: Uint8Array }
  | { readonly type: 'awareness'; readonly update: Uint8Array }
  | { readonly type: 'query-awareness' }
  | { readonly type: 'auth' }
  | { readonly type: 'want-saved' };

/** Parses one client message; throws on anything malformed (the caller closes the connection). */
export function parseClientMessage(data: Uint8Array): ClientMessage {
  const d = decoding.createDecoder(data);
  const type = decoding.readVarUint(d);
  let message: ClientMessage;
  switch (type) {
    case MESSAGE.sync: {
      const step = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (step === SYNC.step1) message = { type: 'sync-step1', stateVector: payload };
      else if (step === SYNC.step2 || step === SYNC.update)
        message = { type: 'update', update: payload };
      else throw new Error(`unknown sync step ${step}`);
      break;
    }
    case MESSAGE.awareness:
      message = { type: 'awareness', update: decoding.readVarUint8Array(d) };
      break;
    case MESSAGE.queryAwareness:
      message = { type: 'query-awareness' };
      break;
    case MESSAGE.auth:
      message = { type: 'auth' };
      return message; // the server never asks; whatever follows is ignored
    case MESSAGE.saved:
      message = { type: 'want-saved' };
      break;
    default:
      throw new Error(`unknown message type ${type}`);
  }
  if (decoding.hasContent(d)) throw new Error('trailing bytes after the message');
  return message;
}

/** Whether a state vector is valid (decodes completely). */
export function checkStateVector(sv: Uint8Array): void {
  const d = decoding.createDecoder(sv);
  const n = decoding.readVarUint(d);
  for (let i = 0; i < n; i++) {
    decoding.readVarUint(d);
    decoding.readVarUint(d);
  }
  if (decoding.hasContent(d)) throw new Error('trailing bytes after the state vector');
}
