import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import { stateVector } from './saved-state';

/** The IndexedDB database that keeps one map on this device. */
export function localDatabaseName(mapId: string): string {
  return `procmap-map-${mapId}`;
}

export interface LocalCopyEvents {
  /** The stored copy is in the document; `hadContent`: there was something to show. */
  loaded(hadContent: boolean): void;
  /** `LocalCopy.stored` moved forward: more of the document is known to be on disk here. */
  stored(): void;
}

/**
 * One map kept in this browser's IndexedDB (y-indexeddb), so the editor shows the last known
 * state when it opens offline and keeps edits made offline until the server has them. Knows
 * how much of the document is written locally: after an edit, a read-only transaction on the
 * same store completes only once every earlier write to it has committed.
 *
 * Best effort: without IndexedDB (some private modes) the editor simply works online only.
 */
export class LocalCopy {
  /** State vector known to be committed to IndexedDB; undefined until the copy has loaded. */
  stored: Map<number, number> | undefined;
  private readonly persistence: IndexeddbPersistence | undefined;
  private checking = false;
  private again = false;
  private destroyed = false;

  constructor(
    mapId: string,
    private readonly ydoc: Y.Doc,
    private readonly events: LocalCopyEvents,
  ) {
    if (typeof indexedDB === 'undefined') return;
    try {
      this.persistence = new IndexeddbPersistence(localDatabaseName(mapId), ydoc);
    } catch {
      return;
    }
    this.persistence._db.catch(() => {
      // IndexedDB refused to open (blocked, quota, private mode): online only, as without it.
    });
    this.persistence.whenSynced.then(() => {
      if (this.destroyed) return;
      events.loaded(ydoc.store.clients.size > 0);
      this.check();
    });
    // Registered after y-indexeddb's own listener, so its write is queued before our check.
    ydoc.on('update', this.onUpdate);
  }

  private readonly onUpdate = () => {
    if (this.persistence?.synced) this.check();
  };

  /** Waits for the writes queued so far, then records what they cover. */
  private check(): void {
    const db = this.persistence?.db;
    if (!db || this.destroyed) return;
    if (this.checking) {
      this.again = true;
      return;
    }
    this.checking = true;
    const vector = stateVector(this.ydoc);
    let tx: IDBTransaction;
    try {
      tx = db.transaction(['updates'], 'readonly');
      tx.objectStore('updates').count();
    } catch {
      this.checking = false; // the database is closing
      return;
    }
    const done = (ok: boolean) => {
      this.checking = false;
      if (this.destroyed) return;
      if (ok) {
        this.stored = vector;
        this.events.stored();
      }
      if (this.again) {
        this.again = false;
        this.check();
      }
    };
    tx.oncomplete = () => done(true);
    tx.onabort = () => done(false);
  }

  /** Stops writing; what is stored stays for next time. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.ydoc.off('update', this.onUpdate);
    this.persistence?.destroy().catch(() => {});
  }

  /** Forgets the map on this device (it was deleted on the server). */
  clear(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.ydoc.off('update', this.onUpdate);
    this.persistence?.clearData().catch(() => {});
  }
}
