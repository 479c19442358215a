import { performance } from 'node:perf_hooks';
import { prepareSimulation } from '@procmap/simulation';
import { parseFlags } from '../args';
import { EXIT, type ExitCode } from '../exit-codes';
import { simulateHelp, usageError } from '../help';
import { openValidMap } from '../open-map';
import { type Io, writeJson } from '../output';
import { terminalProgress } from '../progress';
import { chosenProcess, SCENARIO_FLAG } from '../scenario-flag';
import {
  reportSimulation,
  reportSimulationProblems,
  simulationProblemsJson,
} from '../simulate-report';
import { SIMULATION_FLAGS, simulationOptions } from '../simulation-flags';

/** Events processed between two looks at the progress: a few milliseconds of work. */
const SLICE = 200_000;

/**
 * `procmap simulate <file> [--json] [--scenario ID] [--cases N] [--replications R] [--seed S]
 * [--warmup W]`: 0 simulated, 1 not a valid map or one that cannot be simulated, 2 unreadable or
 * misused (an unknown scenario too).
 */
export async function simulateCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const args = parseFlags(argv, [
    { name: 'json' },
    { name: 'help', short: 'h' },
    SCENARIO_FLAG,
    ...SIMULATION_FLAGS,
  ]);
  if (!args.ok) return usageError(io, 'simulate', args.message);
  if (args.flags.has('help')) {
    io.stdout(simulateHelp());
    return EXIT.ok;
  }
  const [file, ...extra] = args.positionals;
  if (file === undefined) return usageError(io, 'simulate', 'missing the file to simulate');
  if (extra.length > 0)
    return usageError(io, 'simulate', `expected one file, got ${args.positionals.length}`);
  // The flags are checked before the file is read: a typo costs no wait.
  const parsed = simulationOptions(args.values);
  if (!parsed.ok) return usageError(io, 'simulate', parsed.message);
  const json = args.flags.has('json');

  // An invalid file gets the validator's own report: what `procmap validate` prints.
  const opened = await openValidMap(io, file, json);
  if (!opened.ok) return opened.code;
  const { validation } = opened;
  const chosen = chosenProcess(validation.map, args.values.get('scenario'));
  if (!chosen.ok) return usageError(io, 'simulate', chosen.message);
  const { map, scenario } = chosen;
  const prepared = prepareSimulation(map, parsed.options);
  if (!prepared.ok) {
    if (json) writeJson(io, simulationProblemsJson(file, prepared.problems));
    else reportSimulationProblems(io, file, prepared.problems);
    return EXIT.invalid;
  }
  const { run } = prepared;
  const { cases, replications } = run.options;
  const progress = terminalProgress(
    io,
    `Simulating ${cases} cases × ${replications} replications`,
    () => performance.now(),
  );
  while (!run.done) progress.update(run.advance(SLICE));
  progress.finish();
  const result = run.result();
  if (json) writeJson(io, result);
  else {
    reportSimulation(io, file, validation, result, {
      map,
      ...(scenario ? { scenario: scenario.name } : {}),
    });
  }
  return EXIT.ok;
}
