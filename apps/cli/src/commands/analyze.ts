import { analyze, annotations } from '@procmap/analysis';
import { validateMap } from '@procmap/model';
import { reportAnalysis } from '../analyze-report';
import { parseFlags } from '../args';
import { EXIT, type ExitCode } from '../exit-codes';
import { analyzeHelp, helpHint } from '../help';
import { type Io, printable, writeJson } from '../output';
import { readMapFile } from '../read-map-file';
import { reportReadError, reportValidation, validationJson } from '../validate-report';

/** `procmap analyze <file> [--json]`: 0 analysed, 1 not a valid map, 2 unreadable or misused. */
export async function analyzeCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const args = parseFlags(argv, [{ name: 'json' }, { name: 'help', short: 'h' }]);
  if (!args.ok) return usageError(io, args.message);
  if (args.flags.has('help')) {
    io.stdout(analyzeHelp());
    return EXIT.ok;
  }
  const [file, ...extra] = args.positionals;
  if (file === undefined) return usageError(io, 'missing the file to analyze');
  if (extra.length > 0) return usageError(io, `expected one file, got ${args.positionals.length}`);
  const json = args.flags.has('json');

  const read = await readMapFile(file);
  if (!read.ok) {
    reportReadError(io, file, read.error, json);
    return EXIT.usage;
  }
  const validation = validateMap(read.value);
  if (!validation.ok) {
    // The validator's own report: the same messages `procmap validate` prints.
    if (json) writeJson(io, validationJson(file, validation));
    else reportValidation(io, file, validation);
    return EXIT.invalid;
  }
  const result = analyze(validation.map);
  // The room's pain points and ideas travel beside the computed findings.
  const room = annotations(validation.map);
  if (json) writeJson(io, { ...result, annotations: room });
  else reportAnalysis(io, file, validation, result, room);
  return EXIT.ok;
}

function usageError(io: Io, message: string): ExitCode {
  io.stderr(`procmap analyze: ${printable(message)}\n${helpHint('analyze')}\n`);
  return EXIT.usage;
}
