/*
 * Where maps live between sessions. The server talks to storage only through this interface,
 * so a second adapter (PostgreSQL, for more than one machine) can replace the embedded SQLite
 * one; every adapter must pass the same contract suite (contract.ts).
 *
 * A map's document is stored as an append-only log of Yjs updates. Appends are durable when
 * their promise resolves — that is what the server's "saved" acknowledgement promises users.
 * Compaction replaces a prefix of the log by one snapshot update.
 */

/** One map's row: who may open it (token hashes only, never tokens) and when it changed. */
export interface MapRecord {
  readonly id: string;
  readonly title: string;
  /** SHA-256 of the edit token, hex. */
  readonly editTokenHash: string;
  /** SHA-256 of the view token, hex. */
  readonly viewTokenHash: string;
  /** ISO 8601. */
  readonly createdAt: string;
  /** ISO 8601. */
  readonly updatedAt: string;
}

export interface MapSummary {
  readonly id: string;
  readonly title: string;
  readonly updatedAt: string;
}

/** A map's stored document: updates in log order (a snapshot, if any, first). */
export interface StoredState {
  readonly updates: readonly Uint8Array[];
  /** Sequence number of the last update; 0 when the log is empty. */
  readonly lastSeq: number;
}

export interface StorageAdapter {
  /** Creates a map and its first update, atomically. Rejects if the id is taken. */
  createMap(record: MapRecord, initialUpdate: Uint8Array): Promise<void>;
  getMap(id: string): Promise<MapRecord | undefined>;
  /** Every map, most recently updated first. */
  listMaps(): Promise<MapSummary[]>;
  /** Sets the title (when given) and the updated time of a map; no-op for an unknown id. */
  touchMap(
    id: string,
    fields: { readonly title?: string; readonly updatedAt: string },
  ): Promise<void>;
  /** Deletes a map and its log; false when there was no such map. */
  deleteMap(id: string): Promise<boolean>;
  /** The stored log of a map, or undefined for an unknown id. */
  loadState(id: string): Promise<StoredState | undefined>;
  /**
   * Appends updates to a map's log in one durable write (flushed to disk before resolving).
   * Resolves to the sequence number of the last one. Rejects for an unknown id.
   */
  appendUpdates(id: string, updates: readonly Uint8Array[]): Promise<number>;
  /**
   * Replaces every update with seq ≤ throughSeq by `snapshot`, atomically; updates appended
   * after throughSeq are kept after it. Rejects an empty snapshot (fewer than 3 bytes: the
   * encoding of an empty document) — never write an empty document over a stored one.
   */
  compact(id: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;
  /** Number of updates in a map's log (for deciding when to compact). */
  countUpdates(id: string): Promise<number>;
  /**
   * Resolves when the store answers now, rejects when it cannot be reached (for /readyz). An
   * embedded store that is open always answers, and may leave this out.
   */
  ping?(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Thrown by adapters for a refused operation, with a code the API maps to an HTTP status.
 * 'disk-full': there was no room to write (the disk, or the store's size limit); nothing of
 * the operation was written.
 */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly code: 'exists' | 'not-found' | 'empty-snapshot' | 'closed' | 'disk-full',
    message: string,
  ) {
    super(message);
  }
}
