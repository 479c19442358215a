import { describe, expect, it } from 'vitest';
import { simulate } from './run';
import { summarise } from './summary';
import { singleQueue } from './test-maps';

function result(people: number, minutes: number, perHour: number) {
  const out = simulate(singleQueue(people, minutes, perHour), { cases: 3000, replications: 2 });
  if (!out.ok) throw new Error('cannot simulate');
  return out.result;
}

describe('the summary sentence', () => {
  it('says how long nine in ten cases take and whom they wait for, from the result', () => {
    const r = result(1, 8, 6);
    const sentence = summarise(r, 7.5);
    const busy = Math.round((r.roles[0]?.utilisation as number) * 100);
    expect(sentence).toMatch(/^9 in 10 cases finish within [\d.]+ (min|h|d); Role clerk is busy /);
    expect(sentence).toContain(`busy ${busy}% of the time and is where cases wait`);
  });

  it('leads with the overload when a role cannot keep up', () => {
    const sentence = summarise(result(1, 8, 12), 7.5);
    expect(sentence).toMatch(/, but Role clerk cannot keep up: \d+% busy; the queue grows by/);
  });

  it('says nobody waits when people are ample', () => {
    expect(summarise(result(20, 8, 6), 7.5)).toMatch(
      /nobody waits long for people: the busiest role, Role clerk, is busy \d+%/,
    );
  });
});
