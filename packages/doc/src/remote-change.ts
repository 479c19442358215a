import type { ProcessMap } from '@procmap/model';
import type * as Y from 'yjs';
import { originKind } from './origins';

/**
 * A change of the document that came from elsewhere: an update another replica made, applied
 * here by a provider (or a local store). What it changed is the difference of the two snapshots;
 * who made it, as far as Yjs knows, is `clients`.
 */
export interface RemoteChange {
  /** The snapshot just before the change. */
  readonly before: ProcessMap;
  /** The snapshot just after it. */
  readonly after: ProcessMap;
  /**
   * Yjs client ids whose new edits the change carries (those whose clock moved forward). Empty
   * for a change that only deletes: Yjs records who made an item, not who deleted it.
   */
  readonly clients: readonly number[];
  /** The transaction's origin, as the code that applied the update gave it (a provider…). */
  readonly origin: unknown;
}

/** The client ids whose clock moved forward between two state vectors. */
export function advancedClients(
  before: ReadonlyMap<number, number>,
  after: ReadonlyMap<number, number>,
): number[] {
  const out: number[] = [];
  for (const [client, clock] of after) {
    if (clock > (before.get(client) ?? 0)) out.push(client);
  }
  return out;
}

/**
 * Tells listeners about remote changes with the snapshot before and after. Watches the Y.Doc
 * only while someone listens, and reads the "before" snapshot only for transactions that are
 * not this replica's own (a keystroke here costs nothing).
 */
export class RemoteChangeWatcher {
  private readonly listeners = new Set<(change: RemoteChange) => void>();
  private readonly before = new Map<Y.Transaction, ProcessMap>();

  constructor(
    private readonly ydoc: Y.Doc,
    private readonly snapshot: () => ProcessMap,
  ) {}

  /** Calls `listener` after each remote change; returns the function that stops it. */
  listen(listener: (change: RemoteChange) => void): () => void {
    if (this.listeners.size === 0) {
      this.ydoc.on('beforeTransaction', this.onBefore);
      this.ydoc.on('afterTransaction', this.onAfter);
    }
    this.listeners.add(listener);
    return () => {
      if (!this.listeners.delete(listener) || this.listeners.size > 0) return;
      this.stop();
    };
  }

  private static isRemote(tr: Y.Transaction): boolean {
    // Undo, redo and imports are local; updates applied from elsewhere are not, and carry no
    // origin of ours.
    return !tr.local && originKind(tr.origin) === 'remote';
  }

  private readonly onBefore = (tr: Y.Transaction) => {
    if (RemoteChangeWatcher.isRemote(tr)) this.before.set(tr, this.snapshot());
  };

  private readonly onAfter = (tr: Y.Transaction) => {
    const before = this.before.get(tr);
    if (before === undefined) return;
    this.before.delete(tr);
    if (tr.changed.size === 0 && tr.deleteSet.clients.size === 0) return;
    const after = this.snapshot();
    if (after === before) return;
    const change: RemoteChange = {
      before,
      after,
      clients: advancedClients(tr.beforeState, tr.afterState),
      origin: tr.origin,
    };
    for (const listener of [...this.listeners]) listener(change);
  };

  private stop(): void {
    this.ydoc.off('beforeTransaction', this.onBefore);
    this.ydoc.off('afterTransaction', this.onAfter);
    this.before.clear();
  }

  /** Stops watching and forgets every listener. */
  destroy(): void {
    this.listeners.clear();
    this.stop();
  }
}
