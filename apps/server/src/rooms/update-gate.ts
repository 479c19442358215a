import type { Problem } from '@procmap/model';
import { docMaps } from '@procmap/doc';
import * as Y from 'yjs';
import { CLOSE } from '@procmap/protocol';
import {
  gapBefore,
  HeldUpdates,
  HELD_FOR_MS,
  isDue,
  MAX_HELD_PER_CONNECTION,
  waitingFor,
} from './held-updates';
import type { Refusal, RoomContext } from './hooks';
import type { PendingBudget } from './pending-budget';
import type { RoomConnection } from './room-connection';
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
 *
 * The shadow exists only while the room is being written to: it is made from the document at
 * the first update that changes anything, and dropped after SHADOW_IDLE_MS without one. An idle
 * or read-only map costs one document, not two; loading a map fills one document, not two (see
 * ADR 11). Updates that change nothing (a client's sync answer holding only what the room has)
 * are recognised without any copy.
 */

/** How long the shadow is kept after the last update that changed something. */
export const SHADOW_IDLE_MS = 30_000;

export interface GateOptions {
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
  /** A copy of `doc` while it is written to; neither keeps an update that waits for a missing one. */
  private shadowCopy: Y.Doc | undefined;
  private lastWrite = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly doc: Y.Doc;
  private readonly held = new HeldUpdates();
  /** Top-level types as loaded: no client may add one. */
  private shape: DocumentShape;

  constructor(
    /** The room, whose document only updates let through are applied to. */
    private readonly room: RoomContext,
    private readonly options: GateOptions,
  ) {
    this.doc = room.doc;
    this.shape = shapeOf(this.doc);
  }

  /** The scratch copy, made from the document if there is none. */
  private get shadow(): Y.Doc {
    this.lastWrite = Date.now();
    if (!this.shadowCopy) {
      this.shadowCopy = copyOf(this.doc);
      this.idleTimer = setInterval(this.dropIdleShadow, SHADOW_IDLE_MS / 2);
      this.idleTimer.unref?.();
    }
    return this.shadowCopy;
  }

  private readonly dropIdleShadow = () => {
    if (Date.now() - this.lastWrite < SHADOW_IDLE_MS || this.held.size > 0) return;
    this.dropShadow();
  };

  private dropShadow(): void {
    this.shadowCopy?.destroy();
    this.shadowCopy = undefined;
    if (this.idleTimer) clearInterval(this.idleTimer);
    this.idleTimer = undefined;
  }

  /** Whether the shadow exists now (for tests and the memory benchmark). */
  get hasShadow(): boolean {
    return this.shadowCopy !== undefined;
  }

  /** Bytes of updates held waiting for changes never sent. */
  get heldBytes(): number {
    return this.held.bytes;
  }

  /** The room's document is loaded: its shape is the one clients may not change. */
  loaded(): void {
    this.dropShadow();
    this.shape = shapeOf(this.doc);
  }

  /**
   * A change of the room's document not from a client here (a file put over the API, a repair,
   * another instance): the copy, if there is one, takes it.
   */
  followServerEdit(update: Uint8Array): void {
    if (this.shadowCopy) Y.applyUpdate(this.shadowCopy, update);
  }

  /**
   * A client update that decoded, from a connection allowed to send it: applied to the room's
   * document if it applies and keeps the map valid, held if it waits, else its sender closed.
   */
  receive(conn: RoomConnection, update: Uint8Array, decoded = Y.decodeUpdate(update)): void {
    if (this.held.size > 0) this.expireHeld();
    // The common wait — the sender's own earlier changes not here yet (an edit overtaking its
    // sync step 2) — is seen from the update's own clocks, and held without trying it.
    const gap = conn.access === 'edit' ? gapBefore(this.doc, update) : undefined;
    if (gap) {
      this.hold(conn, update, gap, false);
      return;
    }
    if (changesNothing(this.doc, decoded)) {
      // Others' changes (the bus, the server) may have filled what held updates wait for.
      if (this.held.size > 0) this.retryHeld();
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
    if (trial.changed) this.room.apply(update, 'client', { conn });
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
      this.room.refuse(conn, {
        code: CLOSE.malformed,
        reason: 'update depends on changes that were never sent',
        event: 'update-refused',
        fields: { reason },
      });
      return;
    }
    if (!this.options.budget.reserve(update.length)) {
      this.room.refuse(conn, {
        code: CLOSE.busy,
        reason: 'the server holds too many waiting updates: try again later',
        event: 'update-refused',
        fields: { reason: 'server-pending-budget', bytes: this.options.budget.bytes },
      });
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
        if (trial.changed) this.room.apply(held.update, 'client', { conn: held.conn });
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
      this.room.refuse(held.conn, {
        code: CLOSE.busy,
        reason: 'an update waited too long for changes never sent',
        event: 'update-refused',
        fields: { reason: 'waited-too-long' },
      });
    }
  }

  /**
   * Closes a connection whose update does not apply or breaks the map (4400), and logs why. An
   * update refused after it waited ("waited") is named in the close reason as an earlier one:
   * the connection may have sent others since.
   */
  refuse(conn: RoomConnection, trial: Trial, note?: string): void {
    this.room.refuse(conn, trialRefusal(trial, note));
  }

  refuseViewer(conn: RoomConnection): void {
    this.room.refuse(conn, VIEW_ONLY);
  }

  private rebuildShadow(): void {
    this.dropShadow();
  }

  /** A connection left: its held updates go, and their bytes back to the budget. */
  drop(conn: RoomConnection): void {
    this.options.budget.release(this.held.drop(conn));
  }

  /** The room closes: everything held goes. */
  close(): void {
    this.options.budget.release(this.held.bytes);
    this.held.take(() => true);
    this.dropShadow();
  }
}

/** The refusal of a view link's edit. */
export const VIEW_ONLY: Refusal = {
  code: CLOSE.readOnly,
  reason: 'this link is view-only',
  event: 'update-refused',
  fields: { reason: 'view-only' },
};

/**
 * The refusal of an update that does not apply or breaks the map (4400). One refused after it
 * waited ("waited") is named in the close reason as an earlier one: the connection may have
 * sent others since.
 */
function trialRefusal(trial: Trial, note?: string): Refusal {
  if (trial.kind === 'broken') {
    // Valid Yjs, but the map it makes is not a valid map: refused, the room untouched.
    return {
      code: CLOSE.malformed,
      reason: closeReason(trial.problems[0]!, note ? 'an earlier' : 'update'),
      event: 'update-refused',
      fields: {
        reason: 'breaks-map-rules',
        note,
        problems: trial.problems
          .slice(0, 5)
          .map((p) => `${p.path}: ${p.message}`)
          .join('; '),
      },
    };
  }
  return {
    code: CLOSE.malformed,
    reason: note ? 'an earlier update does not apply' : 'update does not apply',
    event: 'update-rejected',
    fields: { note, error: trial.kind === 'throws' ? String(trial.error) : trial.kind },
  };
}

/**
 * Whether an update holds nothing the document lacks: no content it does not have and no
 * deletion of what it has not deleted (a client's sync answer when it has nothing new). Checked
 * on the update's own structs and delete set against the document, without any copy.
 */
function changesNothing(doc: Y.Doc, decoded: ReturnType<typeof Y.decodeUpdate>): boolean {
  // Content past what the document has of some client: new (the usual case, found at once).
  for (const struct of decoded.structs) {
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return false;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = doc.store.clients.get(client);
    for (const range of ranges) {
      if (!allDeleted(structs, range.clock, range.clock + range.len)) return false;
    }
  }
  return true;
}

/** Whether the document has every item of [from, to) and each is deleted (binary search). */
function allDeleted(structs: Array<Y.Item | Y.GC> | undefined, from: number, to: number) {
  if (!structs || structs.length === 0) return false;
  const last = structs[structs.length - 1]!;
  if (to > last.id.clock + last.length) return false; // some of it not here yet
  let i: number;
  try {
    i = Y.findIndexSS(structs, from);
  } catch {
    return false;
  }
  for (; i < structs.length && structs[i]!.id.clock < to; i++) {
    if (!structs[i]!.deleted) return false;
  }
  return true;
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
