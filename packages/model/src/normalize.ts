import { type RoleId, roleId } from './ids';
import type { Comment, Flow, ProcessMap, Role, Step } from './types';
import { COMMENT_KINDS, STEP_KINDS } from './vocabulary';

/** The lane that catches steps whose role is gone (for example deleted by someone else). */
export const UNASSIGNED_ROLE_ID: RoleId = roleId('unassigned');
export const UNASSIGNED_ROLE_NAME = 'Unassigned';

export type RepairCode =
  | 'duplicate-id'
  | 'orphan-step'
  | 'dangling-flow'
  | 'orphan-comment'
  | 'bad-field';

/** One thing normalize() changed in the view, so the UI can say so. */
export interface Repair {
  readonly code: RepairCode;
  readonly message: string;
  /** Ids of the records concerned (after any renaming). */
  readonly ids: readonly string[];
}

export interface NormalizeResult {
  readonly map: ProcessMap;
  readonly repairs: readonly Repair[];
}

const KINDS: ReadonlySet<string> = new Set(STEP_KINDS);
const COMMENT_KIND_SET: ReadonlySet<string> = new Set(COMMENT_KINDS);

/** A list with unique ids, and the set of those ids. */
interface Deduped<T> {
  readonly list: readonly T[];
  readonly ids: ReadonlySet<string>;
}

/**
 * Renames later uses of an id (`id~2`, `id~3`...). The usual list has no duplicate and costs one
 * pass and one set; only a list with duplicates is copied.
 */
function dedupe<T extends { readonly id: string }>(
  list: readonly T[],
  what: string,
  repairs: Repair[],
): Deduped<T> {
  const used = new Set<string>();
  let i = 0;
  for (; i < list.length; i++) {
    const id = (list[i] as T).id;
    if (used.has(id)) break;
    used.add(id);
  }
  if (i === list.length) return { list, ids: used };
  const seen = new Set(list.map((r) => r.id));
  const out = list.slice(0, i);
  for (; i < list.length; i++) {
    const record = list[i] as T;
    if (!used.has(record.id)) {
      used.add(record.id);
      out.push(record);
      continue;
    }
    let n = 2;
    while (seen.has(`${record.id}~${n}`) || used.has(`${record.id}~${n}`)) n++;
    const id = `${record.id}~${n}`;
    used.add(id);
    repairs.push({
      code: 'duplicate-id',
      message: `${what} id "${record.id}" was used twice; the second is shown as "${id}"`,
      ids: [id],
    });
    out.push({ ...record, id } as T);
  }
  return { list: out, ids: used };
}

/**
 * A lane without a name: undoing a lane's deletion while someone renamed it can restore the
 * lane without its name field (Yjs restores only what the undone transaction removed).
 */
function nameLanes(roles: readonly Role[], repairs: Repair[]): readonly Role[] {
  let changed = false;
  const out = roles.map((role) => {
    if (typeof role.name === 'string') return role;
    changed = true;
    repairs.push({
      code: 'bad-field',
      message: `lane "${role.id}" has no name; shown as ""`,
      ids: [role.id],
    });
    return { ...role, name: '' };
  });
  return changed ? out : roles;
}

/**
 * A comment without its kind or text: undoing a comment's deletion while someone edited it can
 * restore the comment without the edited fields (as for lanes above). Shown as a note, with
 * empty text, author or date where they are missing.
 */
function fixComment(comment: Comment, repairs: Repair[]): Comment {
  let fixed = comment;
  if (!COMMENT_KIND_SET.has(comment.kind as string)) {
    repairs.push({
      code: 'bad-field',
      message: `comment "${comment.id}" has unknown kind ${JSON.stringify(comment.kind)}; shown as a note`,
      ids: [comment.id],
    });
    fixed = { ...fixed, kind: 'note' };
  }
  for (const key of ['text', 'author', 'createdAt'] as const) {
    if (typeof comment[key] === 'string') continue;
    const value = comment[key] === undefined ? '' : String(comment[key]);
    repairs.push({
      code: 'bad-field',
      message: `comment "${comment.id}" has no ${key}; shown as ${JSON.stringify(value)}`,
      ids: [comment.id],
    });
    fixed = { ...fixed, [key]: value };
  }
  return fixed;
}

/**
 * Repairs what concurrency or a foreign client can leave inconsistent, and reports each repair.
 * It works on a copy for the view and never drops a step: a step whose role is gone goes to the
 * "Unassigned" lane, a flow whose end is gone is left out of the view (and reported), a
 * comment on a missing target becomes a map comment. Unchanged records keep their identity.
 */
export function normalize(map: ProcessMap): NormalizeResult {
  const repairs: Repair[] = [];
  const dedupedRoles = dedupe(map.roles, 'role', repairs);
  let roles = nameLanes(dedupedRoles.list, repairs);
  const { list: dedupedSteps, ids: stepIds } = dedupe(map.steps, 'step', repairs);
  const { list: dedupedFlows, ids: flowIds } = dedupe(map.flows, 'flow', repairs);
  const dedupedComments = dedupe(map.comments ?? [], 'comment', repairs).list;

  const roleIds = dedupedRoles.ids;
  const orphans: string[] = [];
  let stepsChanged = dedupedSteps !== map.steps;
  const steps = dedupedSteps.map((step): Step => {
    let fixed = step;
    if (typeof step.roleId !== 'string' || !roleIds.has(step.roleId)) {
      orphans.push(step.id);
      fixed = { ...fixed, roleId: UNASSIGNED_ROLE_ID };
    }
    if (!KINDS.has(step.kind as string)) {
      repairs.push({
        code: 'bad-field',
        message: `step "${step.id}" has unknown kind ${JSON.stringify(step.kind)}; shown as a task`,
        ids: [step.id],
      });
      fixed = { ...fixed, kind: 'task' };
    }
    if (typeof step.label !== 'string') {
      const label = step.label === undefined ? '' : String(step.label);
      repairs.push({
        code: 'bad-field',
        message: `step "${step.id}" has no text label; shown as ${JSON.stringify(label)}`,
        ids: [step.id],
      });
      fixed = { ...fixed, label };
    }
    if (fixed !== step) stepsChanged = true;
    return fixed;
  });
  if (orphans.length > 0) {
    repairs.push({
      code: 'orphan-step',
      message: `${orphans.length} step(s) whose role no longer exists moved to the "${UNASSIGNED_ROLE_NAME}" lane`,
      ids: orphans,
    });
    if (!roleIds.has(UNASSIGNED_ROLE_ID)) {
      const last = roles.reduce((max, r, i) => Math.max(max, r.order ?? i), -1);
      const unassigned: Role = {
        id: UNASSIGNED_ROLE_ID,
        name: UNASSIGNED_ROLE_NAME,
        order: last + 1,
      };
      roles = [...roles, unassigned];
    }
  }

  const dangling: Flow[] = [];
  const flows = dedupedFlows.filter((f) => {
    const ok = stepIds.has(f.from) && stepIds.has(f.to);
    if (!ok) dangling.push(f);
    return ok;
  });
  if (dangling.length > 0) {
    repairs.push({
      code: 'dangling-flow',
      message: `${dangling.length} flow(s) to or from a missing step are not shown`,
      ids: dangling.map((f) => f.id),
    });
  }

  // Dropped flows are no targets; step ids never change above (only roles, kinds, labels).
  const shownFlows = dangling.length > 0 ? new Set(flows.map((f) => f.id)) : flowIds;
  const isTarget = (id: string) => stepIds.has(id) || shownFlows.has(id);
  const orphanComments: string[] = [];
  let commentsChanged = false;
  const comments = dedupedComments.map((original): Comment => {
    const c = fixComment(original, repairs);
    if (c !== original) commentsChanged = true;
    if (c.targetId === undefined || isTarget(c.targetId)) return c;
    orphanComments.push(c.id);
    commentsChanged = true;
    const { targetId: _gone, ...rest } = c;
    return rest;
  });
  if (orphanComments.length > 0) {
    repairs.push({
      code: 'orphan-comment',
      message: `${orphanComments.length} comment(s) on a missing step or flow are shown on the map`,
      ids: orphanComments,
    });
  }

  if (repairs.length === 0) return { map, repairs };
  return {
    map: {
      ...map,
      roles,
      steps: stepsChanged ? steps : map.steps,
      flows: dangling.length > 0 ? flows : dedupedFlows,
      ...(map.comments !== undefined || comments.length > 0
        ? { comments: commentsChanged ? comments : dedupedComments }
        : {}),
    },
    repairs,
  };
}
