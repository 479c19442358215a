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
  const comments = (Array.isArray(map.comments) ? map.comments : []) as Comment[];
  const noted = comments.filter(
    (c): c is Comment & { kind: Annotation['kind'] } =>
      c && (c.kind === 'pain-point' || c.kind === 'idea') && c.resolved !== true,
  );
  // Most maps have few notes and many steps: name only the targets notes are pinned to.
  const targetOf = targetNames(map, noted);
  const out: (Annotation & { createdAt: string })[] = [];
  for (const c of noted) {
    const target = typeof c.targetId === 'string' ? (targetOf.get(c.targetId) ?? null) : null;
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

/** The names of the steps and flows `notes` are pinned to: a step's label, a flow's "from → to". */
function targetNames(map: ProcessMap, notes: readonly Comment[]): Map<string, string> {
  const wanted = new Set<string>();
  for (const c of notes) if (typeof c.targetId === 'string') wanted.add(c.targetId);
  const names = new Map<string, string>();
  if (wanted.size === 0) return names;
  const labels = new Map<string, string>();
  for (const s of Array.isArray(map.steps) ? map.steps : []) {
    if (s && typeof s.id === 'string') labels.set(s.id, typeof s.label === 'string' ? s.label : '');
  }
  for (const id of wanted) {
    const label = labels.get(id);
    if (label !== undefined) names.set(id, label);
  }
  for (const f of Array.isArray(map.flows) ? map.flows : []) {
    // As before: a step's label wins over a flow with the same id; of two records, the last.
    if (f && typeof f.id === 'string' && wanted.has(f.id) && !labels.has(f.id)) {
      names.set(f.id, `${labels.get(f.from) ?? '?'} → ${labels.get(f.to) ?? '?'}`);
    }
  }
  return names;
}
