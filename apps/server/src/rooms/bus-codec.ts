import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { BusMessage, ReceivedBusMessage } from './bus';

/*
 * One bus message as bytes: a format version, the kind, the sender's instance id, then the
 * kind's fields (lib0 encoding, like the sync socket's messages). Instances of different server
 * versions may share a bus during a rolling deploy, so decoding never throws: what this version
 * cannot read (a newer format or kind, or garbage) is ignored. What an ignored update carried
 * reaches this instance's rooms from storage: the next time they load, or when the bus comes
 * back after being lost (a room does not reread storage for a message it ignored).
 */

/** Bumped when the layout changes; a reader ignores every other version. */
export const BUS_FORMAT_VERSION = 1;

/** Kind bytes, fixed on the wire (new kinds get new numbers; old ones are never reused). */
const KIND = { update: 0, stored: 1, awareness: 2, sync1: 3, sync2: 4 } as const;

export function encodeBusMessage(from: string, message: BusMessage): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeUint8(e, BUS_FORMAT_VERSION);
  encoding.writeUint8(e, KIND[message.kind]);
  encoding.writeVarString(e, from);
  switch (message.kind) {
    case 'update':
      encoding.writeVarUint(e, message.n);
      encoding.writeVarUint8Array(e, message.update);
      break;
    case 'stored':
      encoding.writeVarUint(e, message.through);
      break;
    case 'awareness':
    case 'sync2':
      encoding.writeVarUint8Array(e, message.update);
      break;
    case 'sync1':
      encoding.writeVarUint8Array(e, message.stateVector);
      break;
  }
  return encoding.toUint8Array(e);
}

/** The message and its sender, or undefined for anything this version cannot read. */
export function decodeBusMessage(data: Uint8Array): ReceivedBusMessage | undefined {
  try {
    const d = decoding.createDecoder(data);
    if (decoding.readUint8(d) !== BUS_FORMAT_VERSION) return undefined;
    const kind = decoding.readUint8(d);
    const from = decoding.readVarString(d);
    let message: ReceivedBusMessage;
    switch (kind) {
      case KIND.update: {
        const n = decoding.readVarUint(d);
        message = { kind: 'update', n, update: bytes(d), from };
        break;
      }
      case KIND.stored:
        message = { kind: 'stored', through: decoding.readVarUint(d), from };
        break;
      case KIND.awareness:
        message = { kind: 'awareness', update: bytes(d), from };
        break;
      case KIND.sync1:
        message = { kind: 'sync1', stateVector: bytes(d), from };
        break;
      case KIND.sync2:
        message = { kind: 'sync2', update: bytes(d), from };
        break;
      default:
        return undefined;
    }
    // A sender always has an id, and a message of this version has nothing after its fields.
    if (from === '' || decoding.hasContent(d)) return undefined;
    return message;
  } catch {
    // lib0 throws when the bytes end early or a number overflows: not a message of ours.
    return undefined;
  }
}

/**
 * A length-prefixed byte array, copied: the decoder's view points into the buffer the socket
 * read, which a room keeping the update must neither pin in memory nor share.
 */
function bytes(d: decoding.Decoder): Uint8Array {
  return decoding.readVarUint8Array(d).slice();
}
