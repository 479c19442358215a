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
  it('says how long nine in ten cases take, where they queue longest and the busiest role', () => {
    const r = result(1, 8, 6);
    const sentence = summarise(r, 7.5);
    const busy = Math.round((r.roles[0]?.utilisation as number) * 100);
    expect(sentence).toMatch(
      /^9 in 10 cases finish within [\d.]+ (min|h|d); cases queue longest at "Step work" \([\d.]+ (min|h) a case\), and the busiest role, Role clerk, is busy /,
    );
    expect(sentence).toContain(`busy ${busy}% of the time.`);
  });

  it('leads with the overload when a role cannot keep up, and says lead times are not steady', () => {
    const sentence = summarise(result(1, 8, 12), 7.5);
    expect(sentence).toMatch(
      /^Role clerk cannot keep up: the work asked of them is 1\d\d% of their time; the queue grows by \d+ cases a day, so lead times keep growing the longer the service runs: 9 in 10 of this run's cases finished within /,
    );
  });

  it('says nobody waits when people are ample', () => {
    expect(summarise(result(20, 8, 6), 7.5)).toMatch(
      /; nobody waits long: the busiest role, Role clerk, is busy \d+% of the time\.$/,
    );
  });
});
