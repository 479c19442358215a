import { CURRENT_VERSION, FORMAT_NAME, type ProcessMap } from '@procmap/model';
import * as Y from 'yjs';
import { deepFreeze, readRecord } from './codec';
import { CollectionCache, type Plain } from './collection-cache';
import { ScenariosCache } from './scenario-cache';
import {
  COLLECTIONS,
  type Collection,
  type DocMaps,
  FIELD_ORDER,
  META_ORDER,
  SETTINGS_ORDER,
} from './shape';

/**
 * Keeps an immutable snapshot of the document in the file format, rebuilt lazily after changes
 * with structural sharing: a record nobody touched keeps its object identity, and so does the
 * whole snapshot when nothing changed, which is what React's useSyncExternalStore needs.
 * Records are listed by the id of the Yjs item that inserted them (clock, then client): an
 * order every replica agrees on, which keeps a file's order on import and each client's own
 * records in the order it created them (see docs/adr/0002). Scenarios are listed alike.
 */
export class SnapshotCache {
  private readonly collections = new Map<Collection, CollectionCache>();
  private readonly scenarios: ScenariosCache;
  private metaDirty = true;
  private meta: Plain = {};
  private current: ProcessMap | undefined;
  private readonly unobserve: (() => void)[] = [];

  constructor(private readonly maps: DocMaps) {
    const changed = () => {
      this.current = undefined;
    };
    for (const name of COLLECTIONS) {
      this.collections.set(name, new CollectionCache(maps[name], FIELD_ORDER[name], changed));
    }
    this.scenarios = new ScenariosCache(maps.scenarios, changed);
    const onMeta = () => {
      this.metaDirty = true;
      this.current = undefined;
    };
    maps.meta.observeDeep(onMeta);
    this.unobserve.push(() => maps.meta.unobserveDeep(onMeta));
  }

  /** The current snapshot; the same object until the document changes. */
  get(): ProcessMap {
    if (this.current) return this.current;
    const lists = {} as Record<Collection, readonly Plain[]>;
    for (const name of COLLECTIONS)
      lists[name] = (this.collections.get(name) as CollectionCache).get();
    if (this.metaDirty) {
      this.meta = readMeta(this.maps.meta);
      this.metaDirty = false;
    }
    const { format: _f, version: _v, ...meta } = this.meta;
    const scenarios = this.scenarios.get();
    const snapshot = {
      format: FORMAT_NAME,
      version: CURRENT_VERSION,
      title: '',
      ...meta,
      roles: lists.roles,
      steps: lists.steps,
      flows: lists.flows,
      ...(lists.comments.length > 0 ? { comments: lists.comments } : {}),
      // A document with scenarios of its own lists those; one an older replica wrote keeps
      // them in meta until migrated (see MapDoc), and they are read from there meanwhile.
      ...(scenarios.length > 0 ? { scenarios } : {}),
    };
    this.current = Object.freeze(snapshot) as unknown as ProcessMap;
    return this.current;
  }

  /** Stops observing the document. */
  destroy(): void {
    for (const cache of this.collections.values()) cache.destroy();
    this.scenarios.destroy();
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
