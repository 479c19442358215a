import type * as Y from 'yjs';
import type { CloseCode } from '@procmap/protocol';
import type { Logger } from '../log';
import type { RoomConnection } from './room-connection';

/*
 * A room is a small core (its document, its connections, its presence) and an ordered list of
 * hooks that each do one job of the pipeline: load → validate → apply → persist → relay, plus
 * presence and unload. The core calls every hook that has a stage, in order; which hooks a room
 * has is chosen by configuration (room-hooks.ts): limits and map rules always, storage
 * persistence always (SQLite or PostgreSQL under the same adapter), the local relay always, the
 * bus between instances when there are several.
 */

/** Where a change of the room's document came from. */
export type UpdateSource =
  /** A client of this instance (`conn` says which). */
  | 'client'
  /** Made on this server: a file put over the API, a repair at load. */
  | 'server'
  /** Already appended to storage by whoever made it (a replacement put over the API). */
  | 'stored'
  /** Another instance applied it and stores it (numbered `n` by that instance). */
  | 'bus'
  /** Another instance had it and this one lacked it (a sync answer): stored here too. */
  | 'bus-sync'
  /** Read back from storage after the bus was lost: already stored. */
  | 'resync';

/** One change of the room's document, as the hooks see it. */
export interface AppliedUpdate {
  readonly update: Uint8Array;
  readonly source: UpdateSource;
  /** The connection it came from, for 'client'. */
  readonly conn?: RoomConnection;
  /** The instance it came from and its number there, for 'bus'. */
  readonly from?: string;
  readonly n?: number;
  /**
   * The document held updates waiting for a missing one before this change: what Yjs placed
   * with it may be anyone's, unstored (so it is stored here, whatever the source).
   */
  readonly placedWaiting?: boolean;
}

/** Why a connection is closed: one path logs it, counts it and closes (Room.refuse). */
export interface Refusal {
  readonly code: CloseCode;
  /** The close reason the client reads. */
  readonly reason: string;
  /** The log event: 'update-refused', 'update-rejected', … */
  readonly event: string;
  readonly fields?: Readonly<Record<string, string | number | boolean | undefined>>;
}

/** What a hook may use of its room. */
export interface RoomContext {
  readonly id: string;
  readonly doc: Y.Doc;
  readonly log: Logger;
  /** This instance's connections to the room. */
  readonly connections: ReadonlySet<RoomConnection>;
  /** Applies a change to the document; the hooks' `applied` stage then sees it. */
  apply(update: Uint8Array, source: UpdateSource, extra?: Partial<AppliedUpdate>): void;
  /** Closes a connection for a refusal, with a log line (the connection counts it). */
  refuse(conn: RoomConnection, refusal: Refusal): void;
  /** Applies a presence update from another instance (not from a connection here). */
  receiveRemotePresence(update: Uint8Array): void;
  /** Tells the registry if the room has become idle (nobody here, nothing to save). */
  checkIdle(): void;
  /** The presence of this instance's connections as one awareness update (none: undefined). */
  localPresence(): Uint8Array | undefined;
}

export interface RoomHook {
  readonly name: string;
  /** Loading, in hook order: fill the document (storage), join the other instances (bus). */
  load?(): Promise<void>;
  /** Loaded and about to serve: the document listener is on, so changes made here count. */
  loaded?(): void;
  /**
   * Validate: a client's update, decoded, before anything is applied. A refusal closes the
   * connection and stops the update.
   */
  check?(conn: RoomConnection, update: Uint8Array, decoded: DecodedUpdate): Refusal | undefined;
  /**
   * Apply: the hook that decides whether and when a checked client update enters the document
   * (the map rules, which may hold it for changes not sent yet). At most one hook admits; with
   * none, the core applies at once.
   */
  admit?(conn: RoomConnection, update: Uint8Array, decoded: DecodedUpdate): void;
  /** Persist, relay, publish: a change entered the document, whoever made it. */
  applied?(change: AppliedUpdate): void;
  /** Presence changes from this instance's connections, to send on (already filtered). */
  presence?(update: Uint8Array): void;
  /** A connection joined the room (after its first sync messages went out). */
  joined?(conn: RoomConnection): void;
  /** A connection left. */
  left?(conn: RoomConnection): void;
  /** Work not yet done that keeps the room from unloading (updates not yet stored). */
  readonly pending?: number;
  /** Unload and shutdown: finish what is queued (and compact). */
  flush?(compact: boolean): Promise<void>;
  /** The room is closed. */
  close?(): void;
}

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;
