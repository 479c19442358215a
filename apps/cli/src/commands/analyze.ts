import { analyze, annotations } from '@procmap/analysis';
import { reportAnalysis } from '../analyze-report';
import { parseFlags } from '../args';
import { EXIT, type ExitCode } from '../exit-codes';
import { analyzeHelp, usageError } from '../help';
import { type Io, writeJson } from '../output';
import { openValidMap } from '../open-map';
import { chosenProcess, SCENARIO_FLAG } from '../scenario-flag';

/**
 * `procmap analyze <file> [--json] [--scenario ID]`: 0 analysed, 1 not a valid map, 2 unreadable
 * or misused (an unknown scenario too).
 */
export async function analyzeCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const args = parseFlags(argv, [{ name: 'json' }, { name: 'help', short: 'h' }, SCENARIO_FLAG]);
  if (!args.ok) return usageError(io, 'analyze', args.message);
  if (args.flags.has('help')) {
    io.stdout(analyzeHelp());
    return EXIT.ok;
  }
  const [file, ...extra] = args.positionals;
  if (file === undefined) return usageError(io, 'analyze', 'missing the file to analyze');
  if (extra.length > 0)
    return usageError(io, 'analyze', `expected one file, got ${args.positionals.length}`);
  const json = args.flags.has('json');

  // An invalid file gets the validator's own report: what `procmap validate` prints.
  const opened = await openValidMap(io, file, json);
  if (!opened.ok) return opened.code;
  const { validation } = opened;
  const chosen = chosenProcess(validation.map, args.values.get('scenario'));
  if (!chosen.ok) return usageError(io, 'analyze', chosen.message);
  const { map, scenario } = chosen;
  const result = analyze(map);
  // The room's pain points and ideas travel beside the computed findings.
  const room = annotations(map);
  if (json) writeJson(io, { ...result, annotations: room });
  else {
    reportAnalysis(io, file, validation, result, room, {
      map,
      ...(scenario ? { scenario: scenario.name } : {}),
    });
  }
  return EXIT.ok;
}
