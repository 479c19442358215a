import type { ProcessMap } from '@procmap/model';
import { generateMap } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { analysisMemo, analyze } from './index';

/*
 * A memo shares message pieces between analyses run together (a comparison): every answer must
 * be exactly the one the analysis gives alone, whatever the processes share and however they
 * differ (labels, the working day durations are written in, steps without labels).
 */

/** The generated map with `edit` applied to its steps and settings. */
function variant(
  map: ProcessMap,
  edit: (s: Record<string, unknown>, i: number) => Record<string, unknown>,
  settings?: Record<string, unknown>,
): ProcessMap {
  const steps = map.steps.map((s, i) => edit({ ...s } as Record<string, unknown>, i));
  return {
    ...map,
    steps: steps as unknown as ProcessMap['steps'],
    settings: { ...(map.settings ?? {}), ...(settings ?? {}) } as ProcessMap['settings'],
  };
}

describe('analysisMemo', () => {
  it('changes no answer: related processes analysed with one memo answer as each does alone', () => {
    const asIs = generateMap({ steps: 120, seed: 7 });
    const processes = [
      asIs,
      // Waits halved: the same names, other durations.
      variant(asIs, (s, i) =>
        i % 3 === 0 && typeof s.waitTime === 'number' ? { ...s, waitTime: s.waitTime / 2 } : s,
      ),
      // Another working day: the same minutes must be written in other days.
      variant(asIs, (s) => s, { hoursPerDay: 4 }),
      // Labels cleared and swapped: a name follows its label, an unlabelled step its own id.
      variant(asIs, (s, i) =>
        i % 5 === 0 ? { ...s, label: '' } : i % 7 === 0 ? { ...s, label: `Other ${i}` } : s,
      ),
    ];
    const memo = analysisMemo();
    const together = processes.map((p) => analyze(p, { memo }));
    const alone = processes.map((p) => analyze(p));
    expect(together).toEqual(alone);
    // The memo did share: the step names written once for the as-is are there for the others.
    expect(memo.labelNames.size).toBeGreaterThan(50);
    expect(memo.durations.size).toBe(2);
  });
});
