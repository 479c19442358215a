import { performance } from 'node:perf_hooks';
import { type ComparedProcess, compareScenarios, prepareComparisonRun } from '@procmap/compare';
import { parseFlags } from '../args';
import { reportComparison } from '../compare-report';
import { EXIT, type ExitCode } from '../exit-codes';
import { compareHelp, usageError } from '../help';
import { openValidMap } from '../open-map';
import { count, type Io, writeJson } from '../output';
import { terminalProgress } from '../progress';
import { SIMULATION_FLAGS, simulationOptions } from '../simulation-flags';

/** Events processed between two looks at the progress: a few milliseconds of work. */
const SLICE = 200_000;

/** `--scenarios a,b` as ids: trimmed, empty entries dropped. */
function scenarioIds(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return text
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

/**
 * `procmap compare <file> [--json] [--scenarios a,b] [--simulate] [--cases N] [--replications R]
 * [--seed S] [--warmup W]`: the as-is and its scenarios side by side (SIMULATION.md, "Scenarios in
 * the map file"). 0 compared, 1 not a valid map, 2 unreadable or misused (an unknown scenario
 * too). A process that cannot be simulated says why in its place; the comparison still exits 0.
 */
export async function compareCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const args = parseFlags(argv, [
    { name: 'json' },
    { name: 'help', short: 'h' },
    { name: 'scenarios', value: true },
    { name: 'simulate' },
    ...SIMULATION_FLAGS,
  ]);
  if (!args.ok) return usageError(io, 'compare', args.message);
  if (args.flags.has('help')) {
    io.stdout(compareHelp());
    return EXIT.ok;
  }
  const [file, ...extra] = args.positionals;
  if (file === undefined) return usageError(io, 'compare', 'missing the file to compare');
  if (extra.length > 0)
    return usageError(io, 'compare', `expected one file, got ${args.positionals.length}`);
  const ids = scenarioIds(args.values.get('scenarios'));
  if (ids !== undefined && ids.length === 0) {
    return usageError(io, 'compare', '--scenarios needs scenario ids, separated by commas');
  }
  const simulate = args.flags.has('simulate');
  // The run's flags only mean something to a simulation: given alone, they are a slip.
  const runFlag = SIMULATION_FLAGS.find((f) => args.values.has(f.name));
  if (!simulate && runFlag !== undefined) {
    return usageError(io, 'compare', `--${runFlag.name} is for --simulate, which was not given`);
  }
  const parsed = simulationOptions(args.values);
  if (!parsed.ok) return usageError(io, 'compare', parsed.message);
  const json = args.flags.has('json');

  const opened = await openValidMap(io, file, json);
  if (!opened.ok) return opened.code;
  const { validation } = opened;
  const compared = compareScenarios(validation.map, ids);
  if (!compared.ok) return usageError(io, 'compare', compared.message);
  const { comparison, maps } = compared;
  if (!simulate) {
    if (json) writeJson(io, comparison);
    else reportComparison(io, file, validation, comparison, maps);
    return EXIT.ok;
  }

  const run = prepareComparisonRun(maps, parsed.options);
  const progress = terminalProgress(
    io,
    `Simulating the as-is${maps.length > 1 ? ` and ${count(maps.length - 1, 'scenario')}` : ''}`,
    () => performance.now(),
  );
  while (!run.done) progress.update(run.advance(SLICE));
  progress.finish();
  const results = run.results();
  if (json) {
    const scenarios = comparison.scenarios.map(
      (c, i): ComparedProcess & { simulation: unknown } => {
        const r = results[i];
        const simulation = r?.ok ? r.result : { simulated: false, problems: r?.problems ?? [] };
        return { ...c, simulation };
      },
    );
    writeJson(io, { scenarios });
  } else {
    reportComparison(io, file, validation, comparison, maps, { seed: run.seed, results });
  }
  return EXIT.ok;
}
