import { type Comment, type ProcessMap, type Waste, votesOf } from '@procmap/model';

/*
 * The room's own findings: analysts' and staff's open pain points and ideas (map comments),
 * listed beside the computed ones, most votes first.
 */

export interface Annotation {
  readonly id: string;
  readonly kind: 'pain-point' | 'idea';
  readonly text: string;
  readonly author: string;
  readonly waste: Waste | null;
  /** The step or flow it is pinned to; null on the whole map or when its target was deleted. */
  readonly targetId: string | null;
  /** The label of the step it is pinned to (a flow: "from → to"), or null. */
  readonly target: string | null;
  readonly votes: number;
  readonly replies: number;
}

/** Open pain points and ideas, most votes first, then oldest first. Never throws. */
export function annotations(map: ProcessMap): Annotation[] {
  const steps = new Map<string, string>();
  for (const s of Array.isArray(map.steps) ? map.steps : []) {
    if (s && typeof s.id === 'string') steps.set(s.id, typeof s.label === 'string' ? s.label : '');
  }
  const flows = new Map<string, string>();
  for (const f of Array.isArray(map.flows) ? map.flows : []) {
    if (f && typeof f.id === 'string') {
      flows.set(f.id, `${steps.get(f.from) ?? '?'} → ${steps.get(f.to) ?? '?'}`);
    }
  }
  const out: (Annotation & { createdAt: string })[] = [];
  for (const c of (Array.isArray(map.comments) ? map.comments : []) as Comment[]) {
    if (!c || (c.kind !== 'pain-point' && c.kind !== 'idea') || c.resolved === true) continue;
    const target =
      typeof c.targetId === 'string'
        ? (steps.get(c.targetId) ?? flows.get(c.targetId) ?? null)
        : null;
    out.push({
      id: String(c.id),
      kind: c.kind,
      text: typeof c.text === 'string' ? c.text : '',
      author: typeof c.author === 'string' ? c.author : '',
      waste: c.waste ?? null,
      targetId: target === null ? null : (c.targetId as string),
      target,
      votes: votesOf(c),
      replies: Array.isArray(c.replies) ? c.replies.length : 0,
      createdAt: typeof c.createdAt === 'string' ? c.createdAt : '',
    });
  }
  out.sort(
    (a, b) =>
      b.votes - a.votes || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  return out.map(({ createdAt: _createdAt, ...a }) => a);
}
