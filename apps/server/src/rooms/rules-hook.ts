import type { AppliedUpdate, DecodedUpdate, RoomContext, RoomHook } from './hooks';
import { removeTooDeepFields } from './load-repair';
import type { PendingBudget } from './pending-budget';
import type { RoomConnection } from './room-connection';
import { UpdateGate } from './update-gate';

/*
 * The map rules: a client's update enters the document only if it applies and keeps the map
 * valid (update-gate.ts), and at load the map is repaired of what no tool can write out
 * (load-repair.ts).
 */
export class RulesHook implements RoomHook {
  readonly name = 'map-rules';
  private readonly gate: UpdateGate;

  constructor(
    private readonly room: RoomContext,
    options: { readonly maxPendingBytes: number; readonly budget: PendingBudget },
    /** Marks the stored log as kept as it is (the repair could not be made). */
    private readonly markDamaged: () => void,
  ) {
    this.gate = new UpdateGate(room, options);
  }

  get heldBytes(): number {
    return this.gate.heldBytes;
  }

  get hasShadow(): boolean {
    return this.gate.hasShadow;
  }

  loaded(): void {
    this.gate.loaded();
    const { doc, log, id } = this.room;
    let removed: string[] = [];
    try {
      removed = removeTooDeepFields(doc, this);
    } catch (error) {
      // Too deep even to remove: served as it is, its stored log kept for recovery.
      this.markDamaged();
      log.error('load-repair-failed', { map: id, error: String(error) });
    }
    if (removed.length > 0) {
      log.warn('load-repaired', {
        map: id,
        removed: removed.slice(0, 5).join(', '),
        count: removed.length,
        reason: 'nested too deep to be written out',
      });
    }
  }

  admit(conn: RoomConnection, update: Uint8Array, decoded: DecodedUpdate): void {
    this.gate.receive(conn, update, decoded);
  }

  applied(change: AppliedUpdate): void {
    if (change.source !== 'client') this.gate.followServerEdit(change.update);
  }

  left(conn: RoomConnection): void {
    this.gate.drop(conn);
  }

  close(): void {
    this.gate.close();
  }
}
