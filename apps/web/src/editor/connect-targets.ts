import type { MapGeometry } from '@procmap/layout';
import type { MapIndex, StepId } from '@procmap/model';

/** A step the selected one could be connected to, as the connect dialog lists it. */
export interface ConnectTarget {
  readonly id: StepId;
  readonly label: string;
  /** Its lane's name. */
  readonly lane: string;
  /** A flow from the selected step to it exists already (a second one would be refused). */
  readonly connected: boolean;
  /** It comes before the selected step along the flows: connecting makes a loop back. */
  readonly earlier: boolean;
}

/** Lower case without accents, so "resume" finds "Résumé". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** How well a name matches: 0 it starts with the query, 1 a word does, 2 it contains it. */
function rank(label: string, query: string): number | undefined {
  if (!query) return 0;
  const name = fold(label);
  if (name.startsWith(query)) return 0;
  const at = name.indexOf(query);
  if (at < 0) return undefined;
  return /[\s\p{P}]/u.test(name[at - 1] ?? '') ? 1 : 2;
}

/** The steps upstream of `from`: those with a path of flows to it. */
function upstream(index: MapIndex, from: StepId): Set<StepId> {
  const seen = new Set<StepId>();
  const queue: StepId[] = [from];
  while (queue.length > 0) {
    const id = queue.pop() as StepId;
    for (const f of index.incoming(id)) {
      if (!seen.has(f.from)) {
        seen.add(f.from);
        queue.push(f.from);
      }
    }
  }
  return seen;
}

/**
 * The steps whose names match `query` (part of a name, any case, accents ignored), best matches
 * first, then in the order they are drawn along the flow. The step itself is not offered.
 */
export function connectTargets(
  index: MapIndex,
  geometry: MapGeometry,
  from: StepId,
  query: string,
): ConnectTarget[] {
  const q = fold(query.trim());
  const before = upstream(index, from);
  const already = new Set(index.outgoing(from).map((f) => f.to));
  const found: { target: ConnectTarget; rank: number; x: number; y: number }[] = [];
  for (const box of geometry.steps) {
    const { step } = box;
    if (step.id === from) continue;
    const r = rank(step.label, q);
    if (r === undefined) continue;
    found.push({
      target: {
        id: step.id,
        label: step.label,
        lane: index.role(step.roleId)?.name || 'Unnamed lane',
        connected: already.has(step.id),
        earlier: before.has(step.id),
      },
      rank: r,
      x: box.x,
      y: box.y,
    });
  }
  found.sort((a, b) => a.rank - b.rank || a.x - b.x || a.y - b.y);
  return found.map((f) => f.target);
}
