import { CURRENT_VERSION, FORMAT_NAME, type ProcessMap } from '@procmap/model';
import * as Y from 'yjs';
import { deepFreeze, readRecord } from './codec';
import {
  COLLECTIONS,
  type Collection,
  type DocMaps,
  FIELD_ORDER,
  META_ORDER,
  SETTINGS_ORDER,
} from './shape';

type Plain = Readonly<Record<string, unknown>>;

/** Creation order of a record: the id of the Item that put it into its collection. */
function itemOrder(map: Y.Map<Y.Map<unknown>>, key: string): [number, number] {
  const item = map._map.get(key);
  return item ? [item.id.clock, item.id.client] : [0, 0];
}

/**
 * Keeps an immutable snapshot of the document in the file format, rebuilt lazily after changes
 * with structural sharing: a record nobody touched keeps its object identity, and so does the
 * whole snapshot when nothing changed, which is what React's useSyncExternalStore needs.
 * Records are listed by the id of the Yjs item that inserted them (clock, then client): an
 * order every replica agrees on, which keeps a file's order on import and each client's own
 * records in the order it created them (see docs/adr/0002).
 */
export class SnapshotCache {
  private readonly records = new Map<Collection, Map<string, Plain>>();
  private readonly dirty = new Map<Collection, Set<string>>();
  private readonly orders = new Map<Collection, string[] | undefined>();
  /** The last list built per collection, reused while none of its records changed. */
  private readonly lists = new Map<Collection, readonly Plain[]>();
  private metaDirty = true;
  private meta: Plain = {};
  private current: ProcessMap | undefined;
  private readonly unobserve: (() => void)[] = [];

  constructor(private readonly maps: DocMaps) {
    for (const name of COLLECTIONS) {
      this.records.set(name, new Map());
      this.dirty.set(name, new Set(maps[name].keys()));
      this.orders.set(name, undefined);
      const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[]) =>
        this.onCollectionChange(name, events);
      maps[name].observeDeep(handler);
      this.unobserve.push(() => maps[name].unobserveDeep(handler));
    }
    const onMeta = () => {
      this.metaDirty = true;
      this.current = undefined;
    };
    maps.meta.observeDeep(onMeta);
    this.unobserve.push(() => maps.meta.unobserveDeep(onMeta));
  }

  private onCollectionChange(name: Collection, events: Y.YEvent<Y.AbstractType<unknown>>[]) {
    const dirty = this.dirty.get(name) as Set<string>;
    for (const event of events) {
      if (event.target === this.maps[name]) {
        // keysChanged, not changes.keys: the latter works out each key's action, which we do not need
        for (const key of (event as Y.YMapEvent<unknown>).keysChanged) {
          if (key !== null) dirty.add(key);
        }
        this.orders.set(name, undefined);
      } else {
        const id = event.path[0];
        if (typeof id === 'string') dirty.add(id);
      }
    }
    this.current = undefined;
  }

  /** The current snapshot; the same object until the document changes. */
  get(): ProcessMap {
    if (this.current) return this.current;
    const lists = {} as Record<Collection, readonly Plain[]>;
    for (const name of COLLECTIONS) lists[name] = this.refresh(name);
    if (this.metaDirty) {
      this.meta = readMeta(this.maps.meta);
      this.metaDirty = false;
    }
    const { format: _f, version: _v, ...meta } = this.meta;
    const snapshot = {
      format: FORMAT_NAME,
      version: CURRENT_VERSION,
      title: '',
      ...meta,
      roles: lists.roles,
      steps: lists.steps,
      flows: lists.flows,
      ...(lists.comments.length > 0 ? { comments: lists.comments } : {}),
    };
    this.current = Object.freeze(snapshot) as unknown as ProcessMap;
    return this.current;
  }

  private refresh(name: Collection): readonly Plain[] {
    const map = this.maps[name];
    const cache = this.records.get(name) as Map<string, Plain>;
    const dirty = this.dirty.get(name) as Set<string>;
    const previous = this.lists.get(name);
    if (previous && dirty.size === 0 && this.orders.get(name)) return previous;
    for (const id of dirty) {
      const record = map.get(id);
      if (record instanceof Y.Map) {
        cache.set(id, deepFreeze({ ...readRecord(record, FIELD_ORDER[name]), id }));
      } else {
        cache.delete(id); // deleted, or a foreign client wrote something that is not a record
      }
    }
    dirty.clear();
    let order = this.orders.get(name);
    if (!order) {
      order = [...cache.keys()].sort((a, b) => {
        const [ca, xa] = itemOrder(map, a);
        const [cb, xb] = itemOrder(map, b);
        return ca - cb || xa - xb;
      });
      this.orders.set(name, order);
    }
    const list = Object.freeze(order.map((id) => cache.get(id) as Plain));
    this.lists.set(name, list);
    return list;
  }

  /** Stops observing the document. */
  destroy(): void {
    for (const off of this.unobserve) off();
  }
}

function readMeta(meta: Y.Map<unknown>): Plain {
  const out: Record<string, unknown> = {};
  const keys = [
    ...META_ORDER.filter((k) => meta.has(k)),
    ...[...meta.keys()].filter((k) => !(META_ORDER as readonly string[]).includes(k)).sort(),
  ];
  for (const key of keys) {
    const value = meta.get(key);
    // An empty settings map means "all defaults", written as no settings at all.
    if (key === 'settings' && value instanceof Y.Map) {
      if (value.size > 0) out[key] = readRecord(value, SETTINGS_ORDER);
      continue;
    }
    out[key] = value instanceof Y.AbstractType ? value.toJSON() : value;
  }
  return deepFreeze(out);
}
