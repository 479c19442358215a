import type { Logger } from '../log';
import { CLOSE } from '@procmap/protocol';
import type { StorageAdapter } from '../storage/adapter';
import type { RoomBus } from './bus';
import { PendingBudget } from './pending-budget';
import type { PresenceOptions } from './presence';
import { Room, type RoomObserver } from './room';

export interface RegistryOptions {
  readonly storage: StorageAdapter;
  readonly log: Logger;
  readonly compactAfter: number;
  /** See PersistQueue: the least time between two commits of a room (default 1 s). */
  readonly commitGapMs?: number;
  /** Size limits of a room's document (see RoomOptions). */
  readonly maxDocumentBytes: number;
  readonly maxPendingBytes: number;
  /** Most bytes of waiting updates across every room. */
  readonly maxPendingBytesTotal: number;
  readonly presence: PresenceOptions;
  /** An idle room is unloaded this long after its last connection left and its last save. */
  readonly idleUnloadMs: number;
  /** The other instances, when there are several (rooms then relay through it too). */
  readonly bus?: RoomBus;
  /** Counts for /metrics. */
  readonly observe?: RoomObserver;
}

/**
 * The open rooms of this server: one Room instance per map that someone is using, loaded on
 * first use, unloaded (saved and compacted) when idle. Rooms are instances, not globals, so a
 * test can run several servers in one process.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private closing = false;
  private readonly budget: PendingBudget;

  constructor(private readonly options: RegistryOptions) {
    this.budget = new PendingBudget(options.maxPendingBytesTotal);
  }

  /** Bytes of updates held waiting, across every room. */
  get pendingBytes(): number {
    return this.budget.bytes;
  }

  /** Rooms currently in memory. */
  get size(): number {
    return this.rooms.size;
  }

  /** Connections across every room. */
  get connections(): number {
    let count = 0;
    for (const room of this.rooms.values()) count += room.size;
    return count;
  }

  /** The room of a map, loading it if needed; await `room.ready` before using it. */
  open(mapId: string): Room {
    if (this.closing) throw new Error('server is shutting down');
    this.cancelIdle(mapId);
    const existing = this.rooms.get(mapId);
    if (existing) return existing;
    const room = new Room(mapId, {
      storage: this.options.storage,
      log: this.options.log,
      compactAfter: this.options.compactAfter,
      ...(this.options.commitGapMs === undefined ? {} : { commitGapMs: this.options.commitGapMs }),
      maxDocumentBytes: this.options.maxDocumentBytes,
      maxPendingBytes: this.options.maxPendingBytes,
      pendingBudget: this.budget,
      presence: this.options.presence,
      ...(this.options.bus ? { bus: this.options.bus } : {}),
      ...(this.options.observe ? { observe: this.options.observe } : {}),
      onIdle: (r) => this.scheduleUnload(r),
    });
    this.rooms.set(mapId, room);
    room.ready.then(
      () => {
        if (room.idle) this.scheduleUnload(room);
      },
      () => {
        // A map that failed to load is dropped without writing anything; the next open retries.
        if (this.rooms.get(mapId) === room) this.rooms.delete(mapId);
        room.close(CLOSE.unavailable, 'the map could not be loaded');
      },
    );
    return room;
  }

  /** The room if it is in memory, without loading it. */
  peek(mapId: string): Room | undefined {
    return this.rooms.get(mapId);
  }

  /** Runs `fn` on the loaded room of a map, keeping it from being unloaded meanwhile. */
  async use<T>(mapId: string, fn: (room: Room) => T | Promise<T>): Promise<T> {
    const room = this.open(mapId);
    await room.ready;
    try {
      return await fn(room);
    } finally {
      if (room.idle && this.rooms.get(mapId) === room) this.scheduleUnload(room);
    }
  }

  private cancelIdle(mapId: string): void {
    const timer = this.idleTimers.get(mapId);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(mapId);
  }

  private scheduleUnload(room: Room): void {
    this.cancelIdle(room.id);
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.id);
      void this.unload(room);
    }, this.options.idleUnloadMs);
    timer.unref();
    this.idleTimers.set(room.id, timer);
  }

  private async unload(room: Room): Promise<void> {
    if (!room.idle || this.rooms.get(room.id) !== room) return;
    try {
      await room.flush(true);
    } catch (error) {
      this.options.log.error('unload-save-failed', { map: room.id, error: String(error) });
      this.scheduleUnload(room); // keep it in memory and try again later: never drop unsaved work
      return;
    }
    if (!room.idle || this.rooms.get(room.id) !== room) return; // someone joined meanwhile
    this.rooms.delete(room.id);
    room.close(CLOSE.goingAway, 'unloaded');
    this.options.log.debug('unloaded', { map: room.id });
  }

  /** Closes a deleted map's room: its connections are told, nothing more is written. */
  drop(mapId: string): void {
    this.cancelIdle(mapId);
    const room = this.rooms.get(mapId);
    if (!room) return;
    this.rooms.delete(mapId);
    room.close(CLOSE.mapDeleted, 'the map was deleted');
  }

  /** Shutdown: close every connection (going away), save everything, unload. */
  async closeAll(): Promise<void> {
    this.closing = true;
    for (const id of [...this.idleTimers.keys()]) this.cancelIdle(id);
    const rooms = [...this.rooms.values()];
    await Promise.all(
      rooms.map(async (room) => {
        try {
          await room.flush(false);
        } catch (error) {
          this.options.log.error('shutdown-save-failed', { map: room.id, error: String(error) });
        }
        room.close(CLOSE.goingAway, 'server shutting down');
      }),
    );
    this.rooms.clear();
  }
}
