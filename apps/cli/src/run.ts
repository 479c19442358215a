import { parseFlags } from './args';
import { analyzeCommand } from './commands/analyze';
import { compareCommand } from './commands/compare';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { simulateCommand } from './commands/simulate';
import { validateCommand } from './commands/validate';
import { EXIT, type ExitCode } from './exit-codes';
import { helpHint, mainHelp } from './help';
import { type Io, printable } from './output';
import { cliVersion } from './version';

type Command = (argv: readonly string[], io: Io) => Promise<ExitCode>;

const COMMANDS: Readonly<Record<string, Command>> = {
  validate: validateCommand,
  analyze: analyzeCommand,
  // British spelling, as the product's own words have it: the same command.
  analyse: analyzeCommand,
  simulate: simulateCommand,
  compare: compareCommand,
  export: exportCommand,
  import: importCommand,
};

/** Runs `procmap <argv>` against `io` and resolves to the exit code; never touches the process. */
export async function run(argv: readonly string[], io: Io): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first !== undefined && !first.startsWith('-')) {
    const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
    if (command) return command(rest, io);
    return usageError(io, `unknown command "${printable(first)}"`);
  }
  const args = parseFlags(argv, [{ name: 'help', short: 'h' }, { name: 'version' }]);
  if (!args.ok) return usageError(io, args.message);
  if (args.positionals.length > 0) {
    return usageError(io, `unexpected argument "${printable(args.positionals[0] ?? '')}"`);
  }
  if (args.flags.has('version')) {
    io.stdout(`${await cliVersion()}\n`);
    return EXIT.ok;
  }
  io.stdout(mainHelp(await cliVersion()));
  return EXIT.ok;
}

function usageError(io: Io, message: string): ExitCode {
  io.stderr(`procmap: ${printable(message)}\n${helpHint()}\n`);
  return EXIT.usage;
}
