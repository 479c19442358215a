import { describe, expect, it } from 'vitest';
import { parseFlags } from './args';
import { SIMULATION_FLAGS, simulationOptions } from './simulation-flags';

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

  it.each([
    [['--cases', 'many'], '--cases needs a whole number of 1 or more, got "many"'],
    [['--cases', '2.5'], '--cases needs a whole number of 1 or more, got "2.5"'],
    [['--cases', '1e4'], '--cases needs a whole number of 1 or more, got "1e4"'],
    [['--cases', ''], '--cases needs a whole number of 1 or more, got ""'],
    [['--cases', '0'], '--cases needs a whole number of 1 or more, got 0'],
    [['--replications', '0'], '--replications needs a whole number of 1 or more, got 0'],
    [['--warmup', '-1'], '--warmup needs a whole number of 0 or more, got -1'],
    [['--seed=-7'], '--seed needs a whole number of 0 or more, got -7'],
    [['--seed', '99999999999999999999'], '--seed is too large: at most 9007199254740991'],
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
