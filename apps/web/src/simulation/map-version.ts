import type { ProcessMap } from '@procmap/model';

/*
 * Which version of the map a run was computed on: a fingerprint of what the simulation reads
 * (settings, roles, steps, flows; labels too, since the results name them), not of where steps
 * are drawn, their notes or the comments. A step dragged or a comment added leaves the results
 * current; a headcount or a time changed makes them out of date.
 */

/** Fields that change how the map looks or reads, never what a simulation does with it. */
const IGNORED: Readonly<Record<'roles' | 'steps', ReadonlySet<string>>> = {
  roles: new Set(['order', 'color']),
  steps: new Set(['position', 'notes']),
};

/** The value with object keys sorted at every depth: the same content, the same text. */
function canonical(value: unknown, skip?: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    if (skip?.has(key)) continue;
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = canonical(v);
  }
  return out;
}

/** FNV-1a, 32 bits, over the UTF-16 code units: fast, and plenty to tell two versions apart. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The map's version as the simulation sees it: equal for maps it would simulate alike. */
export function mapVersion(map: ProcessMap): string {
  // Flows are kept in the order the map holds them: the compiled graph (and so the routing of
  // a seeded run) follows that order.
  const text = JSON.stringify({
    settings: canonical(map.settings ?? {}),
    roles: map.roles.map((r) => canonical(r, IGNORED.roles)),
    steps: map.steps.map((s) => canonical(s, IGNORED.steps)),
    flows: map.flows.map((f) => canonical(f)),
  });
  return fnv1a(text).toString(16).padStart(8, '0');
}
