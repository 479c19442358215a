import * as Y from 'yjs';
import type { LocalOrigins } from './origins';
import type { DocMaps } from './shape';

/**
 * Undo for one local user: it tracks only transactions made with this MapDoc's own `user` and
 * `layout` origins, so it never reverts a colleague's edit, an import or a remote update. Each
 * command is one undo step (no time-based merging): the user undoes what they did, not
 * whatever happened within half a second of it. Edits of scenarios are tracked alike (ADR 9).
 */
export function createUndoManager(maps: DocMaps, origins: LocalOrigins): Y.UndoManager {
  return new Y.UndoManager(
    [maps.roles, maps.steps, maps.flows, maps.comments, maps.meta, maps.scenarios],
    {
      trackedOrigins: new Set<unknown>([origins.user, origins.layout]),
      captureTimeout: 0,
    },
  );
}
