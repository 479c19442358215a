import { validateMap } from '@procmap/model';
import { parseFlags } from '../args';
import { EXIT, type ExitCode } from '../exit-codes';
import { validateHelp, usageError } from '../help';
import { type Io, writeJson } from '../output';
import { readMapFile } from '../read-map-file';
import { reportReadError, reportValidation, validationJson } from '../validate-report';

/** `procmap validate <file> [--json]`: 0 valid, 1 invalid, 2 unreadable or misused. */
export async function validateCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const args = parseFlags(argv, [{ name: 'json' }, { name: 'help', short: 'h' }]);
  if (!args.ok) return usageError(io, 'validate', args.message);
  if (args.flags.has('help')) {
    io.stdout(validateHelp());
    return EXIT.ok;
  }
  const [file, ...extra] = args.positionals;
  if (file === undefined) return usageError(io, 'validate', 'missing the file to validate');
  if (extra.length > 0)
    return usageError(io, 'validate', `expected one file, got ${args.positionals.length}`);
  const json = args.flags.has('json');

  const read = await readMapFile(file);
  if (!read.ok) {
    reportReadError(io, file, read.error, json);
    return EXIT.usage;
  }
  const result = validateMap(read.value);
  if (json) writeJson(io, validationJson(file, result));
  else reportValidation(io, file, result);
  return result.ok ? EXIT.ok : EXIT.invalid;
}
