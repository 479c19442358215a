import * as Y from 'yjs';
import { docMaps } from './shape';

/**
 * A merge that dropped something this replica did: two people renamed the same step (or lane)
 * at once, apart (one offline), and the other name was kept; or a step renamed here was
 * deleted by someone who had not seen the rename. Yjs resolves both silently; the people
 * concerned should hear what was kept.
 */
export type CrossedEdit =
  | {
      readonly kind: 'renamed';
      readonly record: 'step' | 'role';
      readonly id: string;
      /** The name this replica gave. */
      readonly mine: string;
      /** The name the merge kept. */
      readonly kept: string;
    }
  | {
      readonly kind: 'deleted';
      readonly record: 'step' | 'role';
      readonly id: string;
      /** The name this replica gave before the record was deleted elsewhere. */
      readonly mine: string;
    };

const WATCHED = [
  ['steps', 'step', 'label'],
  ['roles', 'role', 'name'],
] as const;

interface Mine {
  /** The Yjs item holding the name this replica set. */
  readonly item: Y.Item;
  readonly name: string;
  /** Set while the replica was apart from the others (offline): a deletion then crossed it. */
  readonly apart: boolean;
}

/** The Yjs item currently holding `key` of a Y.Map (the map's own bookkeeping). */
function itemOf(map: Y.Map<unknown>, key: string): Y.Item | undefined {
  return (map as unknown as { _map: Map<string, Y.Item> })._map.get(key);
}

/**
 * Watches a Y.Doc for crossed edits of names. How a crossing is told apart from an ordinary
 * later edit: a Y.Map entry written by a replica that had seen ours names our item as its
 * origin; an entry written without knowing ours does not. A deletion carries no such mark,
 * so only a rename made while apart (`apart()` true) is reported as crossed by a deletion.
 */
export class CrossedEditWatcher {
  private readonly mine = new Map<string, Mine>();
  private readonly listeners = new Set<(edits: readonly CrossedEdit[]) => void>();

  constructor(
    private readonly ydoc: Y.Doc,
    private readonly apart: () => boolean = () => false,
  ) {
    ydoc.on('afterTransaction', this.onTransaction);
  }

  /** Calls `listener` with the crossed edits of each remote change that had any. */
  onCrossed(listener: (edits: readonly CrossedEdit[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private readonly onTransaction = (tr: Y.Transaction) => {
    const maps = docMaps(this.ydoc);
    if (tr.local) {
      // Only the types this transaction changed: a keystroke costs nothing per step.
      for (const [type, keys] of tr.changed) {
        const holder = type._item;
        if (!holder || typeof holder.parentSub !== 'string') continue;
        for (const [collection, record, field] of WATCHED) {
          if (holder.parent !== maps[collection] || !keys.has(field)) continue;
          if (!(type instanceof Y.Map)) continue;
          const entry = type as Y.Map<unknown>;
          const item = itemOf(entry, field);
          const name = entry.get(field);
          if (item && !item.deleted && typeof name === 'string') {
            this.mine.set(`${record}:${holder.parentSub}`, { item, name, apart: this.apart() });
          }
        }
      }
      // A record this replica deleted itself crosses nothing later.
      for (const key of this.mine.keys()) {
        const [record, id] = key.split(':', 2) as ['step' | 'role', string];
        if (!(record === 'step' ? maps.steps : maps.roles).has(id)) this.mine.delete(key);
      }
      return;
    }
    const crossed: CrossedEdit[] = [];
    for (const [key, mine] of this.mine) {
      const [record, id] = key.split(':', 2) as ['step' | 'role', string];
      const collection = record === 'step' ? maps.steps : maps.roles;
      const field = record === 'step' ? 'label' : 'name';
      const entry = collection.get(id);
      if (!entry) {
        this.mine.delete(key);
        // Deleted by this remote change (not long ago, nor by this replica).
        const changed: ReadonlyMap<unknown, Set<string | null>> = tr.changed;
        const deletedNow = changed.get(collection)?.has(id) === true;
        if (mine.apart && deletedNow)
          crossed.push({ kind: 'deleted', record, id, mine: mine.name });
        continue;
      }
      const current = itemOf(entry, field);
      if (!current || current === mine.item) continue;
      this.mine.delete(key);
      const sawMine =
        current.origin !== null &&
        current.origin.client === mine.item.id.client &&
        current.origin.clock === mine.item.id.clock;
      const kept = entry.get(field);
      if (!sawMine && typeof kept === 'string' && kept !== mine.name) {
        crossed.push({ kind: 'renamed', record, id, mine: mine.name, kept });
      }
    }
    if (crossed.length > 0) for (const listener of this.listeners) listener(crossed);
  };

  /** Stops watching. */
  destroy(): void {
    this.ydoc.off('afterTransaction', this.onTransaction);
    this.listeners.clear();
    this.mine.clear();
  }
}
