import type { Problem } from '@procmap/model';
import { docMaps } from '@procmap/doc';
import * as Y from 'yjs';
import type { Logger } from '../log';
import { CLOSE } from '@procmap/protocol';
import {
  gapBefore,
  HeldUpdates,
  HELD_FOR_MS,
  isDue,
  MAX_HELD_PER_CONNECTION,
  waitingFor,
} from './held-updates';
import type { PendingBudget } from './pending-budget';
import type { RoomConnection } from './room';
import {
  applyAndSeeChange,
  clearWaiting,
  closeReason,
  encodeApplied,
  pendingBytes,
} from './scratch-apply';
import {
  type DocumentShape,
  labelProblems,
  shapeOf,
  shapeProblems,
  touchedProblems,
} from './update-rules';

/*
 * What a room lets into its document. Each client update is tried first on a scratch copy (the
 * "shadow") and checked there — the records it touched against the map's rules, the document's
 * shape — and only an update that applies and keeps the map valid is applied to the room's
 * document. One that waits for changes never sent is held outside both (held-updates.ts) and
 * tried again once they came. Refusals close the sender with the documented code and a log line.
 */

export interface GateOptions {
  readonly mapId: string;
  readonly log: Logger;
  /** Most bytes of updates the room may hold waiting. */
  readonly maxPendingBytes: number;
  /** The server's budget for waiting updates, shared by its rooms. */
  readonly budget: PendingBudget;
}

/** What trying an update on the scratch copy found; the copy is unchanged unless 'ok'. */
type Trial =
  | { readonly kind: 'ok'; readonly changed: boolean }
  | { readonly kind: 'waits'; readonly missing: ReadonlyMap<number, number> }
  | { readonly kind: 'broken'; readonly problems: readonly Problem[] }
  | { readonly kind: 'throws'; readonly error: unknown };

/** Lets into a room's document only what applies and keeps the map valid (see above). */
export class UpdateGate {
  /** A copy of `doc`; neither ever keeps an update that waits for a missing one. */
  private shadow = typedDoc();
  private readonly held = new HeldUpdates();
  /** Top-level types as loaded: no client may add one. */
  private shape: DocumentShape;

  constructor(
    /** The room's document, which only updates let through are applied to. */
    private readonly doc: Y.Doc,
    private readonly options: GateOptions,
  ) {
    this.shape = shapeOf(doc);
  }

  /** Bytes of updates held waiting for changes never sent. */
  get heldBytes(): number {
    return this.held.bytes;
  }

  /** A stored update, applied to the room's document at load: the copy takes it too. */
  takeStored(update: Uint8Array): void {
    Y.applyUpdate(this.shadow, update);
  }

  /**
   * The room's document is loaded: the copy drops what waits (as the document did), is made
   * anew when it could not take every stored update, and the shape is taken from the document.
   */
  loaded(rebuild: boolean): void {
    clearWaiting(this.shadow);
    if (rebuild) this.rebuildShadow();
    this.shape = shapeOf(this.doc);
  }

  /**
   * A change of the room's document made on the server (a file put over the API, a repair):
   * the copy takes it.
   */
  followServerEdit(update: Uint8Array): void {
    Y.applyUpdate(this.shadow, update);
  }

  /**
   * A client update that decoded, from a connection allowed to send it: applied to the room's
   * document if it applies and keeps the map valid, held if it waits, else its sender closed.
   */
  receive(conn: RoomConnection, update: Uint8Array): void {
    if (this.held.size > 0) this.expireHeld();
    // The common wait — the sender's own earlier changes not here yet (an edit overtaking its
    // sync step 2) — is seen from the update's own clocks, and held without trying it.
    const gap = conn.access === 'edit' ? gapBefore(this.doc, update) : undefined;
    if (gap) {
      this.hold(conn, update, gap, false);
      return;
    }
    const trial = this.trial(update);
    if (trial.kind === 'waits') {
      if (conn.access !== 'edit') this.refuseViewer(conn);
      else this.hold(conn, update, trial.missing, true);
      return;
    }
    if (trial.kind !== 'ok') {
      this.refuse(conn, trial);
      return;
    }
    if (conn.access !== 'edit') {
      // Only deletions of what is already deleted can get here; if it did change something
      // after all, undo it on the copy and refuse.
      if (!trial.changed) return;
      this.rebuildShadow();
      this.refuseViewer(conn);
      return;
    }
    if (trial.changed) Y.applyUpdate(this.doc, update, conn);
    if (this.held.size > 0) this.retryHeld();
  }

  /**
   * Applies an update to the scratch copy and checks the map it makes: the records it touched
   * against the map's rules, and the document's shape. Whatever the outcome but 'ok', the copy
   * is left as it was.
   */
  private trial(update: Uint8Array): Trial {
    let applied: ReturnType<typeof applyAndSeeChange>;
    let problems: Problem[];
    let waits: boolean;
    try {
      applied = applyAndSeeChange(this.shadow, update);
      waits = pendingBytes(this.shadow) > 0;
      const header = applied.touched?.header ?? false;
      problems = shapeProblems(this.shadow, this.doc, this.shape, header);
      if (applied.touched) {
        problems.push(...touchedProblems(this.shadow, applied.touched, waits));
        problems.push(...labelProblems(this.shadow, this.doc, applied.touched));
      }
    } catch (error) {
      this.rebuildShadow();
      return { kind: 'throws', error };
    }
    if (problems.length > 0) {
      this.rebuildShadow();
      return { kind: 'broken', problems };
    }
    if (waits) {
      // What it placed goes too: it is checked again, whole, once the rest can be placed.
      const missing = waitingFor(this.shadow);
      if (applied.integrated) this.rebuildShadow();
      else clearWaiting(this.shadow);
      return { kind: 'waits', missing };
    }
    return { kind: 'ok', changed: applied.changed };
  }

  /**
   * Holds an update that waits, within the room's and the server's budgets. `tried`: it was
   * tried on the scratch copy (which costs a rebuild when part of it could be placed), so a
   * connection may have only so many such at once.
   */
  private hold(
    conn: RoomConnection,
    update: Uint8Array,
    missing: ReadonlyMap<number, number>,
    tried: boolean,
  ): void {
    let reason: string | undefined;
    if (tried && this.held.triedFor(conn) >= MAX_HELD_PER_CONNECTION) reason = 'too-many-waiting';
    else if (this.held.bytes + update.length > this.options.maxPendingBytes)
      reason = 'too-much-pending';
    if (reason) {
      this.options.log.warn('update-refused', { map: this.options.mapId, conn: conn.id, reason });
      conn.close(CLOSE.malformed, 'update depends on changes that were never sent');
      return;
    }
    if (!this.options.budget.reserve(update.length)) {
      this.options.log.warn('update-refused', {
        map: this.options.mapId,
        conn: conn.id,
        reason: 'server-pending-budget',
        bytes: this.options.budget.bytes,
      });
      conn.close(CLOSE.busy, 'the server holds too many waiting updates: try again later');
      return;
    }
    this.held.hold({ conn, update, missing, tried, since: Date.now() });
  }

  /**
   * Tries again the held updates whose wait may be over — those missing changes the room now
   * has (Yjs's own rule for retrying what waits). One that still waits stays held; one that
   * breaks the map is refused and its sender closed — not whoever filled the gap.
   */
  private retryHeld(): void {
    for (let progress = true; progress && this.held.size > 0; ) {
      progress = false;
      for (const held of this.held.take((h) => isDue(this.doc, h))) {
        const trial = this.trial(held.update);
        if (trial.kind === 'waits') {
          this.held.hold({ ...held, missing: trial.missing });
          continue;
        }
        this.options.budget.release(held.update.length);
        if (trial.kind !== 'ok') {
          // (A sender already refused for something else is closing: nothing more to say.)
          if (!held.conn.closing) this.refuse(held.conn, trial, 'waited');
          continue;
        }
        if (trial.changed) Y.applyUpdate(this.doc, held.update, held.conn);
        progress = true;
      }
    }
  }

  /**
   * Drops updates held longer than HELD_FOR_MS, closing their senders with "try again" (4507):
   * a stock client that reconnects sends all it has again, in one sync step 2.
   */
  private expireHeld(): void {
    const now = Date.now();
    for (const held of this.held.take((h) => now - h.since > HELD_FOR_MS)) {
      this.options.budget.release(held.update.length);
      if (held.conn.closing) continue;
      this.options.log.warn('update-refused', {
        map: this.options.mapId,
        conn: held.conn.id,
        reason: 'waited-too-long',
      });
      held.conn.close(CLOSE.busy, 'an update waited too long for changes never sent');
    }
  }

  /**
   * Closes a connection whose update does not apply or breaks the map (4400), and logs why. An
   * update refused after it waited ("waited") is named in the close reason as an earlier one:
   * the connection may have sent others since.
   */
  refuse(conn: RoomConnection, trial: Trial, note?: string): void {
    if (trial.kind === 'broken') {
      // Valid Yjs, but the map it makes is not a valid map: refused, the room untouched.
      this.options.log.warn('update-refused', {
        map: this.options.mapId,
        conn: conn.id,
        reason: 'breaks-map-rules',
        ...(note ? { note } : {}),
        problems: trial.problems
          .slice(0, 5)
          .map((p) => `${p.path}: ${p.message}`)
          .join('; '),
      });
      conn.close(CLOSE.malformed, closeReason(trial.problems[0]!, note ? 'an earlier' : 'update'));
      return;
    }
    const error = trial.kind === 'throws' ? String(trial.error) : trial.kind;
    this.options.log.warn('update-rejected', {
      map: this.options.mapId,
      conn: conn.id,
      ...(note ? { note } : {}),
      error,
    });
    conn.close(
      CLOSE.malformed,
      note ? 'an earlier update does not apply' : 'update does not apply',
    );
  }

  refuseViewer(conn: RoomConnection): void {
    this.options.log.warn('update-refused', {
      map: this.options.mapId,
      conn: conn.id,
      reason: 'view-only',
    });
    conn.close(CLOSE.readOnly, 'this link is view-only');
  }

  private rebuildShadow(): void {
    this.shadow.destroy();
    this.shadow = copyOf(this.doc);
  }

  /** A connection left: its held updates go, and their bytes back to the budget. */
  drop(conn: RoomConnection): void {
    this.options.budget.release(this.held.drop(conn));
  }

  /** The room closes: everything held goes. */
  close(): void {
    this.options.budget.release(this.held.bytes);
    this.held.take(() => true);
    this.shadow.destroy();
  }
}

/**
 * An empty document with the map's top-level types made first: an update that creates one (a
 * client's first scenario) then lands in it, and the rules see the change on the map they know,
 * not on a placeholder Yjs replaces when the map is first asked for.
 */
function typedDoc(): Y.Doc {
  const doc = new Y.Doc();
  docMaps(doc);
  return doc;
}

/** A fresh copy of a document's state (nothing waiting in it). */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = typedDoc();
  Y.applyUpdate(copy, encodeApplied(doc));
  return copy;
}
