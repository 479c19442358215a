import type { Change } from './describe-changes';

/*
 * One person's changes over a burst, merged into the list a listener is told: what replaces
 * what, and what was only part of adding a record.
 */

/** Kinds where a later change of the same record replaces the earlier one. */
const REPLACES = new Set<Change['kind']>([
  'step-moved',
  'step-kind',
  'step-edited',
  'flow-edited',
  'lane-moved',
  'lane-edited',
  'resolved',
  'map-renamed',
  'map-edited',
  'scenario-edited',
]);

/** Details of a record just added are part of adding it. */
const PART_OF_ADDING = new Set<Change['kind']>([
  'step-kind',
  'step-edited',
  'lane-moved',
  'lane-edited',
  'flow-edited',
  'scenario-edited',
]);

const ADDED_BY: Partial<Record<Change['kind'], Change['kind']>> = {
  'step-renamed': 'step-added',
  'step-moved': 'step-added',
  'step-kind': 'step-added',
  'step-edited': 'step-added',
  'step-deleted': 'step-added',
  'lane-renamed': 'lane-added',
  'lane-moved': 'lane-added',
  'lane-edited': 'lane-added',
  'lane-deleted': 'lane-added',
  'flow-edited': 'connected',
  disconnected: 'connected',
  'comment-deleted': 'commented',
  'scenario-renamed': 'scenario-added',
  'scenario-edited': 'scenario-added',
  'scenario-deleted': 'scenario-added',
};

const RENAMED_BY: Partial<Record<Change['kind'], Change['kind']>> = {
  'step-deleted': 'step-renamed',
  'lane-deleted': 'lane-renamed',
  'scenario-deleted': 'scenario-renamed',
};

/**
 * One person's changes of a burst as one list: a step added then named is added under its
 * name, renamed twice is renamed once, added then deleted is nothing; later details replace
 * earlier ones of the same record.
 */
export function mergeChanges(earlier: readonly Change[], later: readonly Change[]): Change[] {
  let list = [...earlier];
  for (const change of later) {
    const addedKind = ADDED_BY[change.kind];
    const addedAt = list.findIndex((c) => c.kind === addedKind && c.id === change.id);
    const added = list[addedAt];
    if (added) {
      if (RENAMED_BY[change.kind]) {
        list = list.filter((c) => c.id !== change.id);
        continue;
      }
      if (change.kind === 'disconnected' || change.kind === 'comment-deleted') {
        list = list.filter((c) => c.id !== change.id);
        continue;
      }
      if (added.kind === 'step-added' && change.kind === 'step-renamed') {
        list[addedAt] = { ...added, label: change.to };
        continue;
      }
      if (added.kind === 'step-added' && change.kind === 'step-moved') {
        list[addedAt] = { ...added, lane: change.lane };
        continue;
      }
      if (
        (added.kind === 'lane-added' && change.kind === 'lane-renamed') ||
        (added.kind === 'scenario-added' && change.kind === 'scenario-renamed')
      ) {
        list[addedAt] = { ...added, name: change.to };
        continue;
      }
      if (PART_OF_ADDING.has(change.kind)) continue;
    }
    if (
      change.kind === 'step-renamed' ||
      change.kind === 'lane-renamed' ||
      change.kind === 'scenario-renamed'
    ) {
      const at = list.findIndex((c) => c.kind === change.kind && c.id === change.id);
      const renamed = list[at] as typeof change | undefined;
      if (renamed) {
        if (renamed.from === change.to) list.splice(at, 1);
        else list[at] = { ...renamed, to: change.to };
        continue;
      }
    }
    const renameKind = RENAMED_BY[change.kind];
    if (renameKind) {
      // Said under the name the listener last heard; what was done to it before is moot.
      const renamed = list.find((c) => c.kind === renameKind && c.id === change.id) as
        | { readonly from: string }
        | undefined;
      list = list.filter((c) => c.id !== change.id);
      if (renamed) {
        list.push(
          change.kind === 'step-deleted'
            ? { ...change, label: renamed.from }
            : ({ ...change, name: renamed.from } as Change),
        );
        continue;
      }
    }
    if (REPLACES.has(change.kind)) {
      const at = list.findIndex((c) => c.kind === change.kind && c.id === change.id);
      if (at >= 0) {
        list[at] = change;
        continue;
      }
    }
    list.push(change);
  }
  return list;
}
