import type { StepDraft } from './build-steps';
import { type Element, is, list, one, text } from './elements';
import type { IdPool } from './ids';
import { singleLine } from './labels';
import type { ProcmapData } from './read-procmap';

/*
 * What the file says beside the flow. Message flows run between pools, and a procmap flow is a
 * case moving within one process, so each is kept as a note on the steps it joins. Text
 * annotations become comments (kind "note") on the step or flow they are associated with, or
 * on the map when they are associated with nothing that became a step or flow.
 */

export interface CommentDraft {
  [field: string]: unknown;
  id: string;
  targetId?: string;
  author: string;
  text: string;
  createdAt: string;
}

/** Who wrote imported comments: the file, not a person. */
export const IMPORT_AUTHOR = 'BPMN file';

/** Notes the message flows on their steps; returns how many message flows there were. */
export function noteMessageFlows(
  collaborations: Element[],
  stepOf: Map<string, string>,
  steps: StepDraft[],
): number {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const stepFor = (el: Element | undefined) => {
    const id = el?.id === undefined ? undefined : stepOf.get(el.id);
    return id === undefined ? undefined : byId.get(id);
  };
  const describe = (el: Element | undefined) => {
    if (!el) return 'an element not in the file';
    const name = singleLine(text(el, 'name'));
    if (is(el, 'bpmn:Participant')) return name ? `the pool "${name}"` : 'another pool';
    const step = stepFor(el);
    const label = step?.label ?? name;
    return label ? `"${label}"` : 'an unnamed element';
  };
  let count = 0;
  for (const flow of collaborations.flatMap((c) => list(c, 'messageFlows'))) {
    count++;
    const source = one(flow, 'sourceRef');
    const target = one(flow, 'targetRef');
    const name = singleLine(text(flow, 'name'));
    const message = name ? `the message "${name}"` : 'a message';
    stepFor(source)?.notes.push(`Sends ${message} to ${describe(target)}.`);
    stepFor(target)?.notes.push(`Receives ${message} from ${describe(source)}.`);
  }
  return count;
}

/** Text annotations as comments of kind "note". */
export function annotationComments(
  artifacts: Element[],
  stepOf: Map<string, string>,
  flowOf: Map<string, string>,
  ids: IdPool,
  data: ProcmapData,
): CommentDraft[] {
  const annotations = artifacts.filter((a) => is(a, 'bpmn:TextAnnotation'));
  const targets = new Map<Element, string[]>();
  for (const link of artifacts.filter((a) => is(a, 'bpmn:Association'))) {
    const a = one(link, 'sourceRef');
    const b = one(link, 'targetRef');
    for (const [note, other] of [
      [a, b],
      [b, a],
    ] as const) {
      if (!note || !other || !is(note, 'bpmn:TextAnnotation') || other.id === undefined) continue;
      const target = stepOf.get(other.id) ?? flowOf.get(other.id);
      if (target !== undefined) targets.set(note, [...(targets.get(note) ?? []), target]);
    }
  }
  const comments: CommentDraft[] = [];
  const seen = new Set<Element>();
  for (const note of annotations) {
    if (seen.has(note)) continue;
    seen.add(note);
    const body = text(note, 'text').trim();
    if (body === '') continue;
    const on = [...new Set(targets.get(note) ?? [])];
    const base = {
      kind: 'note' as const,
      author: IMPORT_AUTHOR,
      createdAt: '',
      ...data.commentFields(note),
      text: body,
    };
    const preferred = data.originalId(note) ?? note.id ?? '';
    if (on.length === 0) comments.push({ id: ids.claim(preferred, 'note'), ...base });
    for (const targetId of on)
      comments.push({ id: ids.claim(preferred, 'note'), targetId, ...base });
  }
  return comments;
}
