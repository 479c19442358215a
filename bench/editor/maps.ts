import type { ProcessMap } from '@procmap/model';
import { generateMap, mapBuilder } from '@procmap/test-kit';

/*
 * The maps the editor benchmarks open. Generated maps carry no saved positions: the editor
 * places each step in the column of its flow, so the start step sits top-left, in view.
 */

/** A plausible map of `steps` steps in 5 lanes (decisions, branches, rework loops). */
export const plausibleMap = (steps: number): ProcessMap => generateMap({ steps, seed: steps });

/**
 * One straight chain of `steps` steps, start to end, moving to the next of `lanes` lanes every
 * `run` steps (so it has handoffs, as real chains do). The deepest graph a map can be.
 */
export function chainMap(steps: number, lanes = 3, run = 100): ProcessMap {
  const b = mapBuilder(`Straight chain of ${steps} steps`, { id: `chain-${steps}` });
  for (let l = 0; l < lanes; l++) b.role(`r${l + 1}`, `Team ${l + 1}`);
  const lane = (i: number) => `r${(Math.floor(i / run) % lanes) + 1}`;
  const ids = Array.from({ length: steps }, (_, i) => `s${i}`);
  ids.forEach((id, i) => {
    if (i === 0) b.start(id, lane(i), 'Case arrives');
    else if (i === steps - 1) b.end(id, lane(i), 'Case closed');
    else b.task(id, lane(i), `Handle part ${i}`, { processTime: 5 });
  });
  return b.chain(...ids).build();
}
