/*
 * The storage contract kept in memory: for fast tests of the room logic, and to show that the
 * contract suite does not depend on SQLite. Nothing survives the process. Byte arrays and
 * records are copied on the way in and out, so a caller can never change stored data.
 */
import {
  type MapRecord,
  type MapSummary,
  type StorageAdapter,
  StorageError,
  type StoredState,
} from './adapter';

interface Entry {
  seq: number;
  data: Uint8Array;
}

interface StoredMap {
  record: MapRecord;
  /** Live log rows in seq order; the seqs form one contiguous run. */
  log: Entry[];
  /** Largest seq ever given out for this map (kept across compaction). */
  lastSeq: number;
}

/** A StorageAdapter held in process memory, with the same semantics as SqliteStorage. */
export class MemoryStorage implements StorageAdapter {
  private readonly maps = new Map<string, StoredMap>();
  private closed = false;

  private check(): void {
    if (this.closed) throw new StorageError('closed', 'storage is closed');
  }

  private require(id: string): StoredMap {
    const map = this.maps.get(id);
    if (!map) throw new StorageError('not-found', `no map "${id}"`);
    return map;
  }

  async createMap(record: MapRecord, initialUpdate: Uint8Array): Promise<void> {
    this.check();
    if (this.maps.has(record.id)) throw new StorageError('exists', `map "${record.id}" exists`);
    const data = copy(initialUpdate);
    this.maps.set(record.id, { record: { ...record }, log: [{ seq: 1, data }], lastSeq: 1 });
  }

  async getMap(id: string): Promise<MapRecord | undefined> {
    this.check();
    const map = this.maps.get(id);
    return map && { ...map.record };
  }

  async listMaps(): Promise<MapSummary[]> {
    this.check();
    return [...this.maps.values()]
      .map(({ record: { id, title, updatedAt } }) => ({ id, title, updatedAt }))
      .sort((a, b) => compare(b.updatedAt, a.updatedAt) || compare(a.id, b.id));
  }

  async touchMap(
    id: string,
    fields: { readonly title?: string; readonly updatedAt: string },
  ): Promise<void> {
    this.check();
    const map = this.maps.get(id);
    if (!map) return;
    const title = fields.title ?? map.record.title;
    map.record = { ...map.record, title, updatedAt: fields.updatedAt };
  }

  async deleteMap(id: string): Promise<boolean> {
    this.check();
    return this.maps.delete(id);
  }

  async loadState(id: string): Promise<StoredState | undefined> {
    this.check();
    const map = this.maps.get(id);
    if (!map) return undefined;
    return { updates: map.log.map((e) => copy(e.data)), lastSeq: map.lastSeq };
  }

  async appendUpdates(id: string, updates: readonly Uint8Array[]): Promise<number> {
    this.check();
    const map = this.require(id);
    const copies = updates.map(copy);
    for (const data of copies) map.log.push({ seq: ++map.lastSeq, data });
    return map.lastSeq;
  }

  async compact(id: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.check();
    const data = copy(snapshot);
    if (data.length < 3) {
      throw new StorageError('empty-snapshot', `refusing an empty snapshot for map "${id}"`);
    }
    const map = this.require(id);
    const first = map.log[0]?.seq ?? 0;
    if (!Number.isSafeInteger(throughSeq) || throughSeq < 1 || throughSeq > map.lastSeq) {
      throw new RangeError(`throughSeq ${throughSeq} is outside the log (last seq ${map.lastSeq})`);
    }
    if (throughSeq < first) return; // an earlier compaction already covers it
    map.log = [{ seq: throughSeq, data }, ...map.log.filter((e) => e.seq > throughSeq)];
  }

  async countUpdates(id: string): Promise<number> {
    this.check();
    return this.maps.get(id)?.log.length ?? 0;
  }

  /** Drops every map; calling it again does nothing. */
  async close(): Promise<void> {
    this.closed = true;
    this.maps.clear();
  }
}

/** A private copy of caller bytes (also a plain Uint8Array when given a Buffer). */
function copy(bytes: Uint8Array): Uint8Array {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('an update must be a Uint8Array');
  return new Uint8Array(bytes);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
