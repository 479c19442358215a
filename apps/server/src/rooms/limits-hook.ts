import * as Y from 'yjs';
import { CLOSE } from '@procmap/protocol';
import type { DecodedUpdate, Refusal, RoomContext, RoomHook } from './hooks';
import type { RoomConnection } from './room-connection';
import { VIEW_ONLY } from './update-gate';

/*
 * Validate, cheaply, before the map rules: a view link adds nothing, and a map past its size
 * limit only gets smaller. Both are checked on the decoded update against the document, without
 * applying anything, so a viewer sending edits or a full map costs O(update), not a rebuild.
 */
export class LimitsHook implements RoomHook {
  readonly name = 'limits';

  constructor(
    private readonly room: RoomContext,
    /** Bytes of the map's stored state now (a running estimate), and measured again. */
    private readonly storedBytes: () => number,
    private readonly recount: () => number,
    private readonly maxDocumentBytes: number,
  ) {}

  check(conn: RoomConnection, update: Uint8Array, decoded: DecodedUpdate): Refusal | undefined {
    if (conn.access !== 'edit' && this.viewerWrites(decoded, update)) return VIEW_ONLY;
    let bytes = this.storedBytes() + update.length;
    // Deletions still go through: they are how a map that is too large gets smaller.
    if (decoded.structs.length > 0 && bytes > this.maxDocumentBytes) {
      bytes = this.recount() + update.length; // the estimate may be stale: measure first
    }
    if (decoded.structs.length > 0 && bytes > this.maxDocumentBytes) {
      return {
        code: CLOSE.tooLarge,
        reason: 'the map is too large to grow any further',
        event: 'update-refused',
        fields: { reason: 'map-too-large', bytes },
      };
    }
    return undefined;
  }

  /**
   * Whether an update from a view link would add content: every stock client answers our sync
   * step 1 with its own state, which from a viewer holds nothing the room lacks.
   */
  private viewerWrites(decoded: DecodedUpdate, update: Uint8Array): boolean {
    if (decoded.structs.length === 0) return false;
    const missing = Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(this.room.doc)));
    return missing.structs.length > 0;
  }
}
