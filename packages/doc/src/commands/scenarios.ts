import { AS_IS_ID, MAX_LABEL_LENGTH } from '@procmap/model';
import * as Y from 'yjs';
import { readRecord, setField } from '../codec';
import { DocError } from '../errors';
import { insertScenario, scenarioPart } from '../scenario-shape';
import { type Collection, FIELD_ORDER, type RecordMap, SETTINGS_ORDER } from '../shape';
import { itemOrder } from '../item-order';
import type { CommandContext } from './context';

/*
 * Scenarios (ADR 9): a new one is a copy of the as-is or of another scenario, keeping every id,
 * so "what changed" is a comparison by id; renaming, describing and deleting one, and linking it
 * to the ideas (comments of kind idea) it puts into practice. Each is one transaction, undone
 * like any other edit.
 */

export interface NewScenario {
  readonly name: string;
  readonly description?: string;
  /** The process to copy: the as-is (default) or a scenario's id. */
  readonly from?: string;
  /** An id of the caller's choosing; a fresh one when absent. */
  readonly id?: string;
}

export interface ScenarioPatch {
  readonly name?: string;
  readonly description?: string | undefined;
}

/** The scenario's Y.Map, or a DocError naming the id. */
export function requireScenario(ctx: CommandContext, id: string): Y.Map<unknown> {
  const scenario = ctx.maps.scenarios.get(id);
  if (!(scenario instanceof Y.Map)) {
    throw new DocError('unknown-scenario', `No scenario with id "${id.slice(0, 40)}"`);
  }
  return scenario;
}

function checkName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new DocError('invalid-value', 'A scenario needs a name');
  }
  if (name.length > MAX_LABEL_LENGTH) {
    throw new DocError(
      'invalid-value',
      `A scenario's name may be at most ${MAX_LABEL_LENGTH} characters (got ${name.length})`,
    );
  }
  return name;
}

function checkDescription(description: unknown): void {
  if (description !== undefined && typeof description !== 'string') {
    throw new DocError('invalid-value', "A scenario's description must be text");
  }
}

/** A collection's records as plain objects, in the order every replica lists them. */
function recordsOf(map: Y.Map<RecordMap>, collection: Collection): { id: string }[] {
  const ids = [...map.keys()].sort((a, b) => {
    const [ca, xa] = itemOrder(map, a);
    const [cb, xb] = itemOrder(map, b);
    return ca - cb || xa - xb;
  });
  const out: { id: string }[] = [];
  for (const id of ids) {
    const record = map.get(id);
    if (record instanceof Y.Map) out.push({ ...readRecord(record, FIELD_ORDER[collection]), id });
  }
  return out;
}

/** Creates a scenario as a copy of the as-is or of another scenario; returns its id. */
export function createScenario(ctx: CommandContext, input: NewScenario): string {
  const name = checkName(input.name);
  checkDescription(input.description);
  const from = input.from ?? AS_IS_ID;
  let id = input.id;
  if (id !== undefined) {
    if (id === '' || id === AS_IS_ID || ctx.maps.scenarios.has(id)) {
      throw new DocError('invalid-value', `The scenario id "${id.slice(0, 40)}" is empty or taken`);
    }
  } else {
    do id = ctx.newId('sc');
    while (ctx.maps.scenarios.has(id));
  }
  const source = from === AS_IS_ID ? undefined : requireScenario(ctx, from);
  const part = (name: 'roles' | 'steps' | 'flows') =>
    source ? scenarioPart(source, name) : ctx.maps[name];
  const ideas = source?.get('ideas');
  const settings = source?.get('settings');
  insertScenario(ctx.maps, id, {
    name,
    ...(input.description === undefined ? {} : { description: input.description }),
    createdAt: ctx.now().toISOString(),
    ideas: ideas instanceof Y.Map ? [...ideas.keys()].sort() : [],
    settings: settings instanceof Y.Map ? readRecord(settings, SETTINGS_ORDER) : {},
    roles: recordsOfPart(part('roles'), 'roles'),
    steps: recordsOfPart(part('steps'), 'steps'),
    flows: recordsOfPart(part('flows'), 'flows'),
  });
  return id;
}

const recordsOfPart = (map: Y.Map<RecordMap> | undefined, collection: Collection) =>
  map ? recordsOf(map, collection) : [];

/** Renames or describes a scenario; `description: undefined` removes the description. */
export function updateScenario(ctx: CommandContext, id: string, patch: ScenarioPatch): void {
  const scenario = requireScenario(ctx, id);
  if (patch.name !== undefined) setField(scenario, 'name', checkName(patch.name));
  if ('description' in patch) {
    checkDescription(patch.description);
    setField(scenario, 'description', patch.description);
  }
}

/**
 * Deletes a scenario whole. A colleague's edits inside it made at the same time go with it (they
 * edited a map that no longer exists); the deleter's undo brings it back whole.
 */
export function deleteScenario(ctx: CommandContext, id: string): void {
  requireScenario(ctx, id);
  ctx.maps.scenarios.delete(id);
}

/**
 * Links a scenario to an idea it puts into practice (`linked` true) or unlinks it. Only a
 * comment of kind idea can be linked; unlinking works for any id, so a link to a comment since
 * deleted can still be removed.
 */
export function linkIdea(
  ctx: CommandContext,
  scenarioId: string,
  commentId: string,
  linked: boolean,
): void {
  const scenario = requireScenario(ctx, scenarioId);
  let ideas = scenario.get('ideas');
  if (linked) {
    const comment = ctx.maps.comments.get(commentId);
    if (!(comment instanceof Y.Map)) {
      throw new DocError('unknown-comment', `No comment with id "${commentId.slice(0, 40)}"`);
    }
    if (comment.get('kind') !== 'idea') {
      throw new DocError('invalid-value', 'Only an idea can be linked to a scenario');
    }
    if (!(ideas instanceof Y.Map)) ideas = scenario.set('ideas', new Y.Map<boolean>());
    (ideas as Y.Map<boolean>).set(commentId, true);
  } else if (ideas instanceof Y.Map && ideas.has(commentId)) {
    ideas.delete(commentId);
  }
}
