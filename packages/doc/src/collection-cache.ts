import * as Y from 'yjs';
import { deepFreeze, readRecord } from './codec';
import { itemOrder } from './item-order';
import type { RecordMap } from './shape';

export type Plain = Readonly<Record<string, unknown>>;

/**
 * One list of records (roles, steps, flows or comments, of the map or of a scenario) as frozen
 * plain objects, rebuilt lazily with structural sharing: a record nobody touched keeps its
 * object identity, and so does the list when none of its records changed. Records are listed
 * by the id of the Yjs item that inserted them (see itemOrder).
 */
export class CollectionCache {
  private readonly records = new Map<string, Plain>();
  private readonly dirty: Set<string>;
  private order: string[] | undefined;
  private list: readonly Plain[] | undefined;
  private readonly handler: (events: Y.YEvent<Y.AbstractType<unknown>>[]) => void;

  constructor(
    private readonly map: Y.Map<RecordMap>,
    private readonly fieldOrder: readonly string[],
    /** Told after every change of the list, before anyone reads it again. */
    onChange: () => void,
  ) {
    this.dirty = new Set(map.keys());
    this.handler = (events) => {
      this.onEvents(events);
      onChange();
    };
    map.observeDeep(this.handler);
  }

  private onEvents(events: Y.YEvent<Y.AbstractType<unknown>>[]) {
    for (const event of events) {
      if (event.target === this.map) {
        // keysChanged, not changes.keys: the latter works out each key's action, not needed here
        for (const key of (event as Y.YMapEvent<unknown>).keysChanged) {
          if (key !== null) this.dirty.add(key);
        }
        this.order = undefined;
      } else {
        const id = event.path[0];
        if (typeof id === 'string') this.dirty.add(id);
      }
    }
  }

  /** The records, the same array while none changed. */
  get(): readonly Plain[] {
    if (this.list && this.dirty.size === 0 && this.order) return this.list;
    for (const id of this.dirty) {
      const record = this.map.get(id);
      if (record instanceof Y.Map) {
        this.records.set(id, deepFreeze({ ...readRecord(record, this.fieldOrder), id }));
      } else {
        this.records.delete(id); // deleted, or a foreign client wrote something that is not a record
      }
    }
    this.dirty.clear();
    if (!this.order) {
      this.order = [...this.records.keys()].sort((a, b) => {
        const [ca, xa] = itemOrder(this.map, a);
        const [cb, xb] = itemOrder(this.map, b);
        return ca - cb || xa - xb;
      });
    }
    const records = this.records;
    this.list = Object.freeze(this.order.map((id) => records.get(id) as Plain));
    return this.list;
  }

  /** Stops observing. */
  destroy(): void {
    this.map.unobserveDeep(this.handler);
  }
}
