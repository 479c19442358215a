import { AS_IS_ID } from '@procmap/model';
import * as Y from 'yjs';
import { deepFreeze, readRecord } from './codec';
import { CollectionCache, type Plain } from './collection-cache';
import { itemOrder } from './item-order';
import {
  SCENARIO_FIELDS,
  SCENARIO_NESTED,
  SCENARIO_PARTS,
  type ScenarioPart,
} from './scenario-shape';
import { FIELD_ORDER, type RecordMap, SETTINGS_ORDER } from './shape';

/*
 * The document's scenarios as the file's `scenarios` list, with structural sharing: a scenario
 * nobody touched keeps its object, and inside one that changed, its untouched records keep
 * theirs (the canvas redraws only what changed, as for the as-is). Scenarios are listed in the
 * order they were created, as records are.
 */

/** One scenario's snapshot, rebuilt when it changes. */
class ScenarioCache {
  private readonly parts = new Map<ScenarioPart, CollectionCache>();
  private partMaps = new Map<ScenarioPart, Y.Map<RecordMap>>();
  private current: Plain | undefined;
  private readonly handler: (events: Y.YEvent<Y.AbstractType<unknown>>[]) => void;

  constructor(
    private readonly id: string,
    private readonly map: Y.Map<unknown>,
    onChange: () => void,
  ) {
    this.handler = () => {
      this.current = undefined;
      onChange();
    };
    map.observeDeep(this.handler);
  }

  private part(name: ScenarioPart): readonly Plain[] {
    const value = this.map.get(name);
    const map = value instanceof Y.Map ? (value as Y.Map<RecordMap>) : undefined;
    if (this.partMaps.get(name) !== map) {
      this.parts.get(name)?.destroy();
      this.parts.delete(name);
      if (map) {
        this.partMaps.set(name, map);
        // The scenario's own deep observer already says the scenario changed.
        this.parts.set(name, new CollectionCache(map, FIELD_ORDER[name], () => {}));
      } else {
        this.partMaps.delete(name);
      }
    }
    return this.parts.get(name)?.get() ?? Object.freeze([]);
  }

  get(): Plain {
    if (this.current) return this.current;
    const out: Record<string, unknown> = {};
    const plain = [
      ...SCENARIO_FIELDS.filter((k) => k !== 'id'),
      ...[...this.map.keys()]
        .filter(
          (k) => !(SCENARIO_FIELDS as readonly string[]).includes(k) && !SCENARIO_NESTED.has(k),
        )
        .sort(),
    ];
    out.id = this.id;
    for (const key of plain) {
      const value = this.map.get(key);
      if (value === undefined) continue;
      out[key] = deepFreeze(value instanceof Y.AbstractType ? value.toJSON() : value);
    }
    const ideas = this.map.get('ideas');
    if (ideas instanceof Y.Map && ideas.size > 0) {
      out.ideas = Object.freeze(
        [...ideas.keys()].sort((a, b) => {
          const [ca, xa] = itemOrder(ideas, a);
          const [cb, xb] = itemOrder(ideas, b);
          return ca - cb || xa - xb;
        }),
      );
    }
    const settings = this.map.get('settings');
    if (settings instanceof Y.Map && settings.size > 0) {
      out.settings = readRecord(settings, SETTINGS_ORDER);
    }
    for (const name of SCENARIO_PARTS) out[name] = this.part(name);
    // Unknown fields follow the known ones, as in a record; parts after the settings.
    this.current = Object.freeze(reorder(out));
    return this.current;
  }

  destroy(): void {
    this.map.unobserveDeep(this.handler);
    for (const part of this.parts.values()) part.destroy();
  }
}

/** File order: id, name, description, createdAt, ideas, settings, roles, steps, flows, then the rest sorted. */
const ORDER = ['id', 'name', 'description', 'createdAt', 'ideas', 'settings', ...SCENARIO_PARTS];

function reorder(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ORDER) if (key in value) out[key] = value[key];
  for (const key of Object.keys(value).sort()) if (!(key in out)) out[key] = value[key];
  return out;
}

/** Every scenario of the document, as the file's `scenarios` list. */
export class ScenariosCache {
  private readonly caches = new Map<string, ScenarioCache>();
  private list: readonly Plain[] | undefined;
  private readonly handler: (event: Y.YMapEvent<Y.Map<unknown>>) => void;

  constructor(
    private readonly scenarios: Y.Map<Y.Map<unknown>>,
    private readonly onChange: () => void,
  ) {
    this.handler = (event) => {
      for (const key of event.keysChanged) this.drop(key);
      this.list = undefined;
      onChange();
    };
    scenarios.observe(this.handler);
  }

  private drop(id: string) {
    this.caches.get(id)?.destroy();
    this.caches.delete(id);
  }

  private cacheOf(id: string, map: Y.Map<unknown>): ScenarioCache {
    let cache = this.caches.get(id);
    if (!cache) {
      cache = new ScenarioCache(id, map, () => {
        this.list = undefined;
        this.onChange();
      });
      this.caches.set(id, cache);
    }
    return cache;
  }

  /** The scenarios, the same array while none changed. */
  get(): readonly Plain[] {
    if (this.list) return this.list;
    const ids = [...this.scenarios.keys()]
      .filter((id) => id !== AS_IS_ID && this.scenarios.get(id) instanceof Y.Map)
      .sort((a, b) => {
        const [ca, xa] = itemOrder(this.scenarios, a);
        const [cb, xb] = itemOrder(this.scenarios, b);
        return ca - cb || xa - xb;
      });
    this.list = Object.freeze(
      ids.map((id) => this.cacheOf(id, this.scenarios.get(id) as Y.Map<unknown>).get()),
    );
    return this.list;
  }

  destroy(): void {
    this.scenarios.unobserve(this.handler);
    for (const cache of this.caches.values()) cache.destroy();
  }
}
