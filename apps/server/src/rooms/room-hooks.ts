import { BusHook } from './bus-hook';
import type { RoomContext, RoomHook } from './hooks';
import { LimitsHook } from './limits-hook';
import { PendingBudget } from './pending-budget';
import { RelayHook } from './relay-hook';
import type { RoomOptions } from './room';
import { RulesHook } from './rules-hook';
import { StorageHook } from './storage-hook';

/** The hooks every room has, by name, and all of a room's hooks in pipeline order. */
export interface StandardHooks {
  readonly storage: StorageHook;
  readonly rules: RulesHook;
  readonly all: readonly RoomHook[];
}

/**
 * A room's pipeline, chosen by configuration: check limits → map rules → relay here → persist →
 * (publish to the other instances); storage loads, then the bus joins the other instances. Order
 * matters: storage loads before the bus asks others for what it lacks, numbers an update before
 * the bus publishes it, and the relay sends a turn's changes before their write starts.
 */
export function roomHooks(room: RoomContext, options: RoomOptions): StandardHooks {
  const storage = new StorageHook(room, {
    storage: options.storage,
    compactAfter: options.compactAfter,
    ...(options.commitGapMs === undefined ? {} : { commitGapMs: options.commitGapMs }),
    ...(options.observe ? { written: options.observe.persisted.bind(options.observe) } : {}),
  });
  const rules = new RulesHook(
    room,
    {
      maxPendingBytes: options.maxPendingBytes,
      budget: options.pendingBudget ?? new PendingBudget(options.maxPendingBytes),
    },
    () => {
      storage.damaged = true;
    },
  );
  const limits = new LimitsHook(
    room,
    () => storage.storedBytes,
    () => storage.recount(),
    options.maxDocumentBytes,
  );
  const relay = new RelayHook(room);
  // The relay before storage: this turn's changes go out before their write starts.
  const all: RoomHook[] = [limits, rules, relay, storage];
  if (options.bus) all.push(new BusHook(room, options.bus, storage));
  return { storage, rules, all };
}
