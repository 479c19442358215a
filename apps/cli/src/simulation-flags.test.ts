import { validateMap } from '@procmap/model';
import { prepareSimulation, type SimulationOptions } from '@procmap/simulation';
import { describe, expect, it } from 'vitest';
import { parseFlags } from './args';
import { FLAG_RANGES, SIMULATION_FLAGS, simulationOptions } from './simulation-flags';
import { busyReferralMap } from './test-support/maps';

/** Parses `argv` as `procmap simulate` does, then checks the run's flags. */
function optionsOf(...argv: string[]) {
  const args = parseFlags(['map.json', ...argv], [{ name: 'json' }, ...SIMULATION_FLAGS]);
  if (!args.ok) return args;
  return simulationOptions(args.values);
}

describe('the flags of procmap simulate', () => {
  it('given no flags, then no option is set, so the map and the defaults decide', () => {
    expect(optionsOf()).toEqual({ ok: true, options: {} });
  });

  it('given each flag, spaced or with "=", then each becomes the option of the same name', () => {
    expect(optionsOf('--cases', '2000', '--replications=3', '--warmup', '0', '--seed=42')).toEqual({
      ok: true,
      options: { cases: 2000, replications: 3, warmup: 0, seed: 42 },
    });
  });

  it('given a flag twice, then the last one counts, as with other command-line tools', () => {
    expect(optionsOf('--seed', '1', '--seed', '2')).toEqual({ ok: true, options: { seed: 2 } });
  });

  it('given a negative seed, then it is taken, as the map file takes one', () => {
    expect(optionsOf('--seed', '-7')).toEqual({ ok: true, options: { seed: -7 } });
  });

  it.each([
    [['--cases', 'many'], '--cases needs a whole number from 1 to 10,000,000, got "many"'],
    [['--cases', '2.5'], '--cases needs a whole number from 1 to 10,000,000, got "2.5"'],
    [['--cases', '1e4'], '--cases needs a whole number from 1 to 10,000,000, got "1e4"'],
    [['--cases', ''], '--cases needs a whole number from 1 to 10,000,000, got ""'],
    [['--cases', '0'], '--cases needs a whole number from 1 to 10,000,000, got 0'],
    [['--cases', '10000001'], '--cases needs a whole number from 1 to 10,000,000, got 10000001'],
    [['--replications', '0'], '--replications needs a whole number from 1 to 1,000, got 0'],
    [['--replications', '1001'], '--replications needs a whole number from 1 to 1,000, got 1001'],
    [['--warmup', '-1'], '--warmup needs a whole number from 0 to 10,000,000, got -1'],
    [['--seed', 'one'], '--seed needs a whole number, got "one"'],
    [
      ['--seed', '99999999999999999999'],
      '--seed needs a whole number from -9,007,199,254,740,991 to 9,007,199,254,740,991, got 99999999999999999999',
    ],
    [['--cases'], 'option --cases needs a value'],
    [['--cases', '--json'], 'option --cases needs a value'],
    [['--json=yes'], 'option --json takes no value'],
    [['--case', '10'], 'unknown option --case'],
  ])('given %j, then it is refused with %j', (argv, message) => {
    expect(optionsOf(...argv)).toEqual({ ok: false, message });
  });

  it('given "-0" as the warm-up, then it is 0, not the -0 JSON cannot tell apart', () => {
    const parsed = optionsOf('--warmup', '-0');
    expect(parsed.ok && Object.is(parsed.options.warmup, 0)).toBe(true);
  });
});

describe('the ranges of the flags against the simulation package', () => {
  const validation = validateMap(busyReferralMap());
  if (!validation.ok) throw new Error('the fixture is not a valid map');
  const badOptions = (options: SimulationOptions) => {
    const prepared = prepareSimulation(validation.map, options);
    return prepared.ok ? [] : prepared.problems.filter((p) => p.code === 'bad-option');
  };

  it.each(['cases', 'replications', 'warmup', 'seed'] as const)(
    'given %s at the ends of its range, then the package takes them, and one past them it does not',
    (key) => {
      const [least, most] = FLAG_RANGES[key];
      expect(badOptions({ [key]: least })).toEqual([]);
      expect(badOptions({ [key]: most })).toEqual([]);
      if (key !== 'seed') {
        // Past a seed's range is past a safe integer, which no flag can reach.
        expect(badOptions({ [key]: least - 1 })).toHaveLength(1);
        expect(badOptions({ [key]: most + 1 })).toHaveLength(1);
      }
    },
  );
});
